package io.myriad.plugins.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.kernel.observe.Frame;
import io.myriad.kernel.observe.MetricsRing;
import io.myriad.kernel.observe.Scene;
import io.myriad.kernel.observe.SnapshotView;
import io.myriad.kernel.observe.Snapshots;
import io.myriad.kernel.space.ContinuousSpace2D;
import io.myriad.kernel.space.grid.Grid2D;
import io.myriad.kernel.space.grid.IntLayer;
import io.myriad.kernel.space.network.Network;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;
import io.myriad.plugins.flocking.FlockingPlugin;
import io.myriad.plugins.schelling.SchellingPlugin;
import io.myriad.plugins.sir.SirPlugin;
import io.myriad.plugins.wolfsheep.WolfSheepPlugin;

/**
 * Snapshots of real models: what each view's frame holds against the world it was taken from, and a run watched at
 * every step on one worker ends with the hash of the same run unwatched on two.
 */
class SnapshotsTest
{
    private static final long SEED = 7;

    @Test
    void watchingEveryStepChangesNothing()
    {
        final long unwatched;
        try (Simulation sim = launch(new FlockingPlugin(), 2000, Map.of(), 2, null))
        {
            sim.run(40);
            unwatched = sim.stateHash();
        }
        final Snapshots snapshots = new Snapshots();
        try (Simulation sim = launch(new FlockingPlugin(), 2000, Map.of(), 1, snapshots))
        {
            final SnapshotView view = snapshots.points(Scene.of(sim.world()).points().get(0), "vx", 4096);
            for (int step = 0; step < 40; step++)
            {
                view.request();
                sim.step();
                assertNotNull(view.take(), "a frame after every step");
            }
            assertEquals(unwatched, sim.stateHash());
            final MetricsRing metrics = snapshots.metrics();
            assertEquals(41, metrics.published(), "a metrics row at the start and after every step");
        }
    }

    @Test
    void pointsAreTheBirdsPlaces()
    {
        final Snapshots snapshots = new Snapshots();
        try (Simulation sim = launch(new FlockingPlugin(), 1000, Map.of(), 1, snapshots))
        {
            sim.run(3);
            final Scene.Points birds = Scene.of(sim.world()).points().get(0);
            final SnapshotView view = snapshots.points(birds, null, 1000);
            view.request();
            snapshots.atBoundary(sim, false);
            final Frame frame = view.take();
            final UnsafeBuffer bytes = bytes(frame);
            assertEquals(Frame.POINTS, frame.kind());
            assertEquals(1000, frame.count(), "a view of 1,024 points holds every one of 1,000 birds");
            assertEquals(3, frame.step());
            final ContinuousSpace2D space = part(sim.world(), ContinuousSpace2D.class);
            final AgentStore store = sim.world().store(birds.type());
            final int x = store.currentSlot(birds.x());
            final int y = store.currentSlot(birds.y());
            for (int i = 0; i < 1000; i++)
            {
                final double fx = (bytes.getShort(Frame.HEADER_BYTES + 2 * i, ByteOrder.LITTLE_ENDIAN) & 0xffff) /
                    65535.0 * space.width();
                final double fy = (bytes.getShort(Frame.HEADER_BYTES + 2000 + 2 * i, ByteOrder.LITTLE_ENDIAN) &
                    0xffff) / 65535.0 * space.height();
                assertEquals(store.buffer(x).getDouble(store.offset(x, i)), fx, space.width() / 65535.0 * 1.01);
                assertEquals(store.buffer(y).getDouble(store.offset(y, i)), fy, space.height() / 65535.0 * 1.01);
            }
            final SnapshotView sampled = snapshots.points(birds, null, 100);
            sampled.request();
            snapshots.atBoundary(sim, false);
            final Frame few = sampled.take();
            assertEquals(125, few.count(), "every eighth bird: 100 asked for is a view of 128");
            assertEquals(8, bytes(few).getInt(84, ByteOrder.LITTLE_ENDIAN), "the stride");
        }
    }

    @Test
    void aGridLayerIsItsCellsScaled()
    {
        final Snapshots snapshots = new Snapshots();
        try (Simulation sim = launch(new SchellingPlugin(), 1000, Map.of("width", 40L, "height", 40L), 1, snapshots))
        {
            sim.run(2);
            final Scene.Layer group = Scene.of(sim.world()).layers().stream().filter((l) -> l.name().equals("group"))
                .findFirst().orElseThrow();
            final SnapshotView view = snapshots.grid(group, 1 << 20);
            view.request();
            snapshots.atBoundary(sim, false);
            final Frame frame = view.take();
            final UnsafeBuffer bytes = bytes(frame);
            assertEquals(Frame.GRID, frame.kind());
            assertEquals(40, frame.count());
            final Grid2D grid = part(sim.world(), Grid2D.class);
            final IntLayer layer = (IntLayer)grid.layer(group.layer());
            final double min = bytes.getDouble(64, ByteOrder.LITTLE_ENDIAN);
            final double max = bytes.getDouble(72, ByteOrder.LITTLE_ENDIAN);
            for (int cell = 0; cell < grid.cellCount(); cell++)
            {
                assertEquals((int)((layer.get(cell) - min) * 255 / (max - min)),
                    bytes.getByte(Frame.HEADER_BYTES + cell) & 0xff, "cell " + cell);
            }
        }
    }

    @Test
    void aNetworkIsItsNodesAndEachLinkOnce()
    {
        final Snapshots snapshots = new Snapshots();
        try (Simulation sim = launch(new SirPlugin(), 300, Map.of(), 1, snapshots))
        {
            final Scene.Network contacts = Scene.of(sim.world()).networks().get(0);
            assertEquals(300, contacts.nodes());
            final SnapshotView view = snapshots.network(contacts, "state");
            view.request();
            snapshots.atBoundary(sim, false);
            final Frame frame = view.take();
            final UnsafeBuffer bytes = bytes(frame);
            final Network network = part(sim.world(), Network.class);
            assertEquals(Frame.NETWORK, frame.kind());
            assertEquals(network.linkCount(), bytes.getInt(28, ByteOrder.LITTLE_ENDIAN));
            final Set<Long> links = new HashSet<>();
            for (int l = 0; l < network.linkCount(); l++)
            {
                final int from = bytes.getInt(Frame.HEADER_BYTES + 300 + 8 * l, ByteOrder.LITTLE_ENDIAN);
                final int to = bytes.getInt(Frame.HEADER_BYTES + 300 + 8 * l + 4, ByteOrder.LITTLE_ENDIAN);
                assertTrue(network.findEdge(from, to) >= 0, from + "-" + to + " is a link");
                assertTrue(links.add((long)from << 32 | to), "once");
            }
        }
    }

    @Test
    void animalsAreDrawnAtTheirCells()
    {
        final Snapshots snapshots = new Snapshots();
        try (Simulation sim = launch(new WolfSheepPlugin(), 200, Map.of(), 1, snapshots))
        {
            final Scene scene = Scene.of(sim.world());
            final Scene.Points animals = scene.points().get(0);
            assertTrue(animals.cell() >= 0, "placed by their cells");
            final SnapshotView view = snapshots.points(animals, null, 1 << 16);
            view.request();
            snapshots.atBoundary(sim, false);
            final Frame frame = view.take();
            final UnsafeBuffer bytes = bytes(frame);
            final Grid2D grid = part(sim.world(), Grid2D.class);
            final AgentStore store = sim.world().store(animals.type());
            final int slot = store.currentSlot(animals.cell());
            final int first = store.nextAlive(0);
            final int cell = store.buffer(slot).getInt(store.offset(slot, first));
            final double x = (bytes.getShort(Frame.HEADER_BYTES, ByteOrder.LITTLE_ENDIAN) & 0xffff) / 65535.0 *
                grid.width();
            assertEquals(grid.x(cell) + 0.5, x, grid.width() / 65535.0 * 1.01, "the middle of its cell");
        }
    }

    private static UnsafeBuffer bytes(final Frame frame)
    {
        final java.nio.ByteBuffer copy = java.nio.ByteBuffer.allocate(frame.length());
        frame.copyTo(copy);
        return new UnsafeBuffer(copy.array());
    }

    private static <T> T part(final World world, final Class<T> kind)
    {
        for (int p = 0; p < world.partCount(); p++)
        {
            if (kind.isInstance(world.part(p)))
            {
                return kind.cast(world.part(p));
            }
        }
        throw new AssertionError("no " + kind.getSimpleName());
    }

    private static Simulation launch(final ModelPlugin plugin, final int agents, final Map<String, ?> parameters,
        final int workers, final Snapshots snapshots)
    {
        return Simulation.launch(new SimulationContext()
            .model(plugin.create(ModelConfig.of(plugin, agents, SEED, parameters)))
            .seed(SEED)
            .workers(workers)
            .batchSize(256)
            .observer(snapshots)
            .records(new io.myriad.kernel.RecordsContext().metrics(null, 1)));
    }
}

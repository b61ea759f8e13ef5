package io.myriad.kernel.space.grid;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.PartFormatException;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Grid2DPartTest
{
    private final Map<Grid2D, SingleOccupancy> households = new IdentityHashMap<>();

    private final StateHasher hasher = new StateHasher().reset();
    private final PartWriter writer = new PartWriter();

    @Test
    void shouldReadBackWhatItWroteIntoAFreshGrid()
    {
        try (Grid2D saved = declare(new Grid2D("world", 11, 7, Topology.TORUS));
            Grid2D restored = declare(new Grid2D("world", 11, 7, Topology.TORUS)))
        {
            fill(saved);
            assertNotEquals(hash(saved), hash(restored));
            saved.write(writer.reset());
            restored.read(reader(writer.length()));

            assertEquals(hash(saved), hash(restored));
            final DoubleLayer grass = (DoubleLayer)restored.layer(0);
            final IntLayer fire = (IntLayer)restored.layer(1);
            assertEquals(1, grass.parity());
            for (int cell = 0; cell < restored.cellCount(); cell++)
            {
                assertEquals(((DoubleLayer)saved.layer(0)).get(cell), grass.get(cell));
                assertEquals(((DoubleLayer)saved.layer(0)).next(cell), grass.next(cell), "both columns restored");
                assertEquals(((IntLayer)saved.layer(1)).get(cell), fire.get(cell));
            }
            final SingleOccupancy before = occupancy(saved);
            final SingleOccupancy after = occupancy(restored);
            assertEquals(before.emptyCount(), after.emptyCount());
            for (int cell = 0; cell < restored.cellCount(); cell++)
            {
                assertEquals(before.occupant(cell), after.occupant(cell));
            }
            for (long bits = 0; bits < 500; bits++)
            {
                final long draw = bits * 0x9E3779B97F4A7C15L;
                assertEquals(before.randomEmptyCell(draw), after.randomEmptyCell(draw));
            }
            assertTrue(after.tryPlace(99, after.randomEmptyCell(5L)), "the restored index of empty cells works");
        }
    }

    @Test
    void shouldRefuseAGridOfAnotherSizeOrTopologyNamingWhatDiffers()
    {
        try (Grid2D saved = declare(new Grid2D("world", 11, 7, Topology.TORUS)))
        {
            fill(saved);
            saved.write(writer.reset());
        }
        refused(new Grid2D("world", 12, 7, Topology.TORUS), "grid width 11, this run's has 12");
        refused(new Grid2D("world", 11, 8, Topology.TORUS), "grid height 7, this run's has 8");
        refused(new Grid2D("world", 11, 7, Topology.BOUNDED), "topology TORUS, this run's is BOUNDED");
    }

    @Test
    void shouldRefuseLayersAndOccupanciesDeclaredOtherwise()
    {
        try (Grid2D saved = declare(new Grid2D("world", 11, 7, Topology.TORUS)))
        {
            fill(saved);
            saved.write(writer.reset());
        }
        refused(declare(new Grid2D("world", 11, 7, Topology.TORUS), g -> g.doubleLayer("grass", true),
            g -> g.intLayer("fire", false)), "grid layer count 3, this run's has 2");
        refused(declare(new Grid2D("world", 11, 7, Topology.TORUS), g -> g.doubleLayer("grass", true),
            g -> g.intLayer("smoke", false), g -> g.intLayer("wind", true)),
            "layer 1 named \"fire\", this run's is named \"smoke\"");
        refused(declare(new Grid2D("world", 11, 7, Topology.TORUS), g -> g.doubleLayer("grass", true),
            g -> g.doubleLayer("fire", false), g -> g.intLayer("wind", true)),
            "layer fire of int values, this run's holds double values");
        refused(declare(new Grid2D("world", 11, 7, Topology.TORUS), g -> g.doubleLayer("grass", false),
            g -> g.intLayer("fire", false), g -> g.intLayer("wind", true)),
            "layer grass double buffered, this run's is not double buffered");
        refused(declare(new Grid2D("world", 11, 7, Topology.TORUS), g -> g.doubleLayer("grass", true),
            g -> g.intLayer("fire", false), g -> g.intLayer("wind", true), g -> g.singleOccupancy("wolves")),
            "single occupancy 0 named \"households\", this run's is named \"wolves\"");
        refused(declare(new Grid2D("world", 11, 7, Topology.TORUS), g -> g.doubleLayer("grass", true),
            g -> g.intLayer("fire", false), g -> g.intLayer("wind", true), g -> g.singleOccupancy("households"),
            g -> g.multipleOccupancy("sheep", 51)), "capacity of occupancy sheep 50, this run's has 51");
    }

    @Test
    void shouldRefuseASectionCutShortOrTooLongAndReplaceNothing()
    {
        try (Grid2D saved = declare(new Grid2D("world", 11, 7, Topology.TORUS));
            Grid2D target = declare(new Grid2D("world", 11, 7, Topology.TORUS)))
        {
            fill(saved);
            saved.write(writer.reset());
            final long untouched = hash(target);
            for (final int length : new int[]{ 0, 3, 20, 60, writer.length() / 2, writer.length() - 1 })
            {
                final PartFormatException e =
                    assertThrows(PartFormatException.class, () -> target.read(reader(length)), "at " + length);
                assertTrue(e.getMessage().contains("cut short"), e.getMessage());
                assertTrue(e.getMessage().startsWith("part world: "), e.getMessage());
                assertEquals(untouched, hash(target), "nothing replaced by a section cut at " + length);
            }
            writer.putInt(0);
            final PartFormatException e =
                assertThrows(PartFormatException.class, () -> target.read(reader(writer.length())));
            assertTrue(e.getMessage().contains("too long"), e.getMessage());
            assertEquals(untouched, hash(target));
        }
    }

    @Test
    void shouldRefuseAnOccupantThatIsNotAnAgent()
    {
        try (Grid2D saved = declare(new Grid2D("world", 11, 7, Topology.TORUS));
            Grid2D target = declare(new Grid2D("world", 11, 7, Topology.TORUS)))
        {
            fill(saved);
            saved.write(writer.reset());
            final UnsafeBuffer copy = new UnsafeBuffer(new byte[writer.length()]);
            copy.putBytes(0, writer.buffer(), 0, writer.length());
            copy.putInt(writer.length() - Integer.BYTES, -5);
            final PartFormatException e = assertThrows(PartFormatException.class,
                () -> target.read(new PartReader("world").wrap(copy, 0, writer.length())));
            assertTrue(e.getMessage().contains("agent -5 in cell 76"), e.getMessage());
            assertEquals(saved.cellCount(), occupancy(target).emptyCount(), "the occupancy is left empty");

            copy.putInt(writer.length() - Integer.BYTES, SingleOccupancy.EMPTY);
            final PartFormatException count = assertThrows(PartFormatException.class,
                () -> target.read(new PartReader("world").wrap(copy, 0, writer.length())));
            assertTrue(count.getMessage().contains("listing 21 occupied cells but holding 20"), count.getMessage());
        }
    }

    @SafeVarargs
    private static Grid2D declare(final Grid2D grid, final Consumer<Grid2D>... declarations)
    {
        for (final Consumer<Grid2D> declaration : declarations)
        {
            declaration.accept(grid);
        }
        return grid;
    }

    private Grid2D declare(final Grid2D grid)
    {
        grid.doubleLayer("grass", true);
        grid.intLayer("fire", false);
        grid.intLayer("wind", true);
        households.put(grid, grid.singleOccupancy("households"));
        grid.multipleOccupancy("sheep", 50);
        return grid;
    }

    private void fill(final Grid2D grid)
    {
        final DoubleLayer grass = (DoubleLayer)grid.layer(0);
        final IntLayer fire = (IntLayer)grid.layer(1);
        for (int cell = 0; cell < grid.cellCount(); cell++)
        {
            grass.set(cell, cell * 1.25);
            grass.setNext(cell, -cell);
            fire.set(cell, cell % 3);
        }
        grass.swap();
        final SingleOccupancy occupancy = occupancy(grid);
        for (int agent = 0; agent < 20; agent++)
        {
            assertTrue(occupancy.tryPlace(agent, (agent * 37) % grid.cellCount()));
        }
        occupancy.tryPlace(20, grid.cellCount() - 1);
    }

    private SingleOccupancy occupancy(final Grid2D grid)
    {
        return households.get(grid);
    }

    private void refused(final Grid2D target, final String expected)
    {
        try (Grid2D grid = target)
        {
            final long untouched = hash(grid);
            final PartFormatException e =
                assertThrows(PartFormatException.class, () -> grid.read(reader(writer.length())));
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            assertEquals(untouched, hash(grid), "a refused configuration replaces nothing");
        }
    }

    private PartReader reader(final int length)
    {
        return new PartReader("world").wrap(writer.buffer(), 0, length);
    }

    private long hash(final Grid2D grid)
    {
        grid.hash(hasher);
        return hasher.finish();
    }
}

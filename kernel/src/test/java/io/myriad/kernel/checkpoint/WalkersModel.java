package io.myriad.kernel.checkpoint;

import java.util.List;

import io.myriad.kernel.command.Command;
import io.myriad.kernel.command.CommandRegistry;
import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.rng.RngStream;
import io.myriad.kernel.space.grid.DoubleLayer;
import io.myriad.kernel.space.grid.Grid2D;
import io.myriad.kernel.space.grid.Neighbourhood;
import io.myriad.kernel.space.grid.SingleOccupancy;
import io.myriad.kernel.space.grid.Topology;
import io.myriad.kernel.space.network.Network;
import io.myriad.kernel.space.network.WattsStrogatzGenerator;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.Globals;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Schema;

/**
 * A test model whose state lives in every kind of part: walkers on a torus grid with one walker per cell, a heat
 * layer that diffuses and that walkers warm, a friendship network whose weights grow as friends move, an RNG stream
 * drawn in command handlers and model globals; walkers with energy to spare hatch children into empty cells, so
 * their type grows.
 */
final class WalkersModel implements Model
{
    static final int CELL = 0;
    static final int ENERGY = 1;
    static final int REASON_TAKEN = Outcome.FIRST_MODEL_REASON;
    static final Schema SCHEMA = Schema.builder("Walker")
        .field("cell", FieldType.INT)
        .field("energy", FieldType.DOUBLE)
        .build();

    final AgentType walkers;
    final Grid2D grid;
    final DoubleLayer heat;
    final SingleOccupancy homes;
    final Network friends;
    final RngStream draws = new RngStream("draws", 3);
    final Globals stats = new Globals("stats");
    final int moves = stats.declare("moves");
    final int warmth = stats.declare("warmth");
    private final int walkersAtStart;
    private final StepCodec step = new StepCodec();
    private final HatchCodec hatch = new HatchCodec();

    WalkersModel(final int walkersAtStart, final int width)
    {
        this.walkersAtStart = walkersAtStart;
        this.walkers = AgentType.growing("walkers", SCHEMA, walkersAtStart, 4 * walkersAtStart);
        this.grid = new Grid2D("grid", width, 12, Topology.TORUS);
        this.heat = grid.doubleLayer("heat", true);
        this.homes = grid.singleOccupancy("homes");
        this.friends = Network.empty("friends", walkersAtStart, false, false);
    }

    public List<AgentType> agentTypes()
    {
        return List.of(walkers);
    }

    public List<Part> parts()
    {
        return List.of(grid, friends, draws, stats);
    }

    public void initialise(final World world)
    {
        final AgentStore store = world.store(walkers);
        store.spawn(walkersAtStart);
        for (int i = 0; i < walkersAtStart; i++)
        {
            final int cell = homes.randomEmptyCell(draws);
            homes.tryPlace(i, cell);
            put(store, CELL, i, cell);
            putEnergy(store, i, 1.0 + i % 3);
        }
        friends.copyFrom(new WattsStrogatzGenerator(walkersAtStart, 4, 0.2).generate("friends", world.seed(), 5));
    }

    public List<Phase> phases()
    {
        return List.of(new WalkPhase(), new DiffusePhase());
    }

    public void commands(final CommandRegistry commands)
    {
        commands.handle(StepCodec.ID, StepCodec.NAME, this::step).reason(REASON_TAKEN, "taken");
        commands.handle(HatchCodec.ID, HatchCodec.NAME, this::hatch);
    }

    private int step(final Command command)
    {
        final AgentStore store = command.world().store(walkers);
        final int walker = command.targetIndex();
        final int to = step.wrap(command.buffer(), command.payloadOffset()).toCell();
        if (!homes.move(store.buffer(0).getInt(store.offset(0, walker)), to))
        {
            return REASON_TAKEN;
        }
        put(store, CELL, walker, to);
        putEnergy(store, walker, energy(store, walker) - 0.05 + 0.1 * draws.nextDouble());
        stats.putLong(moves, stats.getLong(moves) + 1);
        if (walker < friends.nodeCount() && friends.degree(walker) > 0)
        {
            final int edge = friends.firstEdge(walker);
            friends.setWeight(edge, friends.weight(edge) + 1.0);
        }
        return Outcome.APPLIED;
    }

    private int hatch(final Command command)
    {
        final AgentStore store = command.world().store(walkers);
        final int cell = homes.randomEmptyCell(command.rng());
        if (cell == SingleOccupancy.EMPTY)
        {
            store.despawn(command.targetIndex());
            return Outcome.APPLIED;
        }
        homes.tryPlace(command.targetIndex(), cell);
        put(store, CELL, command.targetIndex(), cell);
        putEnergy(store, command.targetIndex(), hatch.wrap(command.buffer(), command.payloadOffset()).energy());
        return Outcome.APPLIED;
    }

    static void put(final AgentStore store, final int field, final int index, final int value)
    {
        store.buffer(store.currentSlot(field)).putInt(store.offset(store.currentSlot(field), index), value);
    }

    static double energy(final AgentStore store, final int index)
    {
        return store.buffer(store.currentSlot(ENERGY)).getDouble(store.offset(store.currentSlot(ENERGY), index));
    }

    static void putEnergy(final AgentStore store, final int index, final double value)
    {
        store.buffer(store.currentSlot(ENERGY)).putDouble(store.offset(store.currentSlot(ENERGY), index), value);
    }

    /**
     * Each walker asks to step to a random neighbouring cell; every tenth tick a walker with energy above 2 hatches.
     */
    private final class WalkPhase implements Phase
    {
        public String name()
        {
            return "walk";
        }

        public AgentType sweeps()
        {
            return walkers;
        }

        public PhaseWorker newWorker(final World world)
        {
            final StepCodec step = new StepCodec();
            final HatchCodec hatch = new HatchCodec();
            final int[] scratch = new int[grid.maxNeighbours(Neighbourhood.MOORE, 1)];
            return (batch) -> walk(batch, step, hatch, scratch);
        }

        private void walk(final BatchContext batch, final StepCodec step, final HatchCodec hatch, final int[] scratch)
        {
            final AgentStore store = batch.store();
            final long key = CounterRng.key(batch.seed(), 7);
            final int type = walkers.id();
            for (int i = batch.from(); i < batch.to(); i++)
            {
                if (!store.isAlive(i))
                {
                    continue;
                }
                final int cell = store.buffer(0).getInt(store.offset(0, i));
                final int to = grid.randomNeighbour(cell, Neighbourhood.MOORE, 1,
                    CounterRng.bits(key, batch.step(), i, 0), scratch);
                step.wrap(batch.outbox().buffer(), batch.outbox().command(StepCodec.ID, StepCodec.LENGTH, type, i))
                    .toCell(to);
                if (batch.step() % 10 == 9 && energy(store, i) > 2.0)
                {
                    hatch.wrap(batch.outbox().buffer(), batch.outbox().spawn(HatchCodec.ID, HatchCodec.LENGTH, type,
                        type, i)).energy(energy(store, i) / 2);
                }
            }
        }
    }

    /**
     * Heat diffuses: each cell's next heat is half its own plus half its neighbours' mean, plus one if a walker
     * lives there. Sweeps cells, not agents.
     */
    private final class DiffusePhase implements Phase
    {
        public String name()
        {
            return "diffuse";
        }

        public AgentType sweeps()
        {
            return null;
        }

        public int workItems(final World world)
        {
            return grid.cellCount();
        }

        public PhaseWorker newWorker(final World world)
        {
            final int[] neighbours = new int[grid.maxNeighbours(Neighbourhood.MOORE, 1)];
            return (batch) ->
            {
                double total = 0;
                for (int cell = batch.from(); cell < batch.to(); cell++)
                {
                    final int n = grid.neighbours(cell, Neighbourhood.MOORE, 1, neighbours);
                    double sum = 0;
                    for (int k = 0; k < n; k++)
                    {
                        sum += heat.get(neighbours[k]);
                    }
                    final double next = 0.5 * heat.get(cell) + 0.5 * sum / n + (homes.isEmpty(cell) ? 0.0 : 1.0);
                    heat.setNext(cell, next);
                    total += next;
                }
                batch.addMetric(0, total);
            };
        }

        public void afterBatches(final World world, final long step)
        {
            grid.swapLayers();
            stats.putDouble(warmth, stats.getDouble(warmth) + 1.0);
        }
    }

    public List<String> metricNames()
    {
        return List.of("heat");
    }
}

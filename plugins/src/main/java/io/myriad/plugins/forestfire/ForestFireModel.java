package io.myriad.plugins.forestfire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;

import io.myriad.kernel.model.ExternalEvent;
import io.myriad.kernel.command.Command;
import io.myriad.kernel.command.CommandRegistry;
import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.space.grid.Grid2D;
import io.myriad.kernel.space.grid.IntLayer;
import io.myriad.kernel.space.grid.Topology;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;

/**
 * The forest fire model, a cellular automaton: one phase sweeps the cells, not agents, reading each cell's state and
 * its four neighbours' from the current column of a double-buffered layer and writing its next state, so the update
 * is synchronous whatever the order of cells and threads. A batch in which some cell still burns tells the forest,
 * a singleton agent, so a run knows when its fire went out. The kernel cannot yet end a run when a model says so:
 * once the fire is out, later steps sweep a forest that no longer changes.
 */
public final class ForestFireModel implements Model
{
    static final int EMPTY = 0;
    static final int TREE = 1;
    static final int BURNING = 2;
    static final int BURNT = 3;
    static final int STREAM_TREES = 1;
    static final int METRIC_BURNING = 0;

    final AgentType forest = AgentType.of("forest", ForestSchema.SCHEMA, 1);
    final Grid2D grid;
    final IntLayer state;
    private final double density;
    private final ForestFlyweight applying = new ForestFlyweight();

    /**
     * @param width   cells along x.
     * @param height  cells along y.
     * @param density probability that a cell holds a tree.
     */
    public ForestFireModel(final int width, final int height, final double density)
    {
        this.density = density;
        this.grid = new Grid2D("land", width, height, Topology.BOUNDED);
        this.state = grid.intLayer("state", true);
    }

    @Override
    public List<AgentType> agentTypes()
    {
        return List.of(forest);
    }

    @Override
    public List<Part> parts()
    {
        return List.of(grid);
    }

    /**
     * Plants a tree in each cell with probability {@code density} and sets the left column's trees on fire.
     */
    @Override
    public void initialise(final World world)
    {
        world.store(forest).spawn();
        plant(world, 0);
    }

    @Override
    public List<ExternalEvent> externalEvents()
    {
        return List.of(ExternalEvent.input("replant", "plants the forest again as at the start, with a fresh fire",
            ForestFirePlugin.INPUT_REPLANT));
    }

    /**
     * Takes {@link ForestFirePlugin#INPUT_REPLANT}: plants the forest again as it was at the start, its left column
     * on fire, for a fresh fire in the same forest. Allocates nothing.
     */
    @Override
    public void applyInput(
        final World world,
        final long step,
        final int kind,
        final int target,
        final DirectBuffer data,
        final int offset,
        final int length)
    {
        if (kind != ForestFirePlugin.INPUT_REPLANT)
        {
            throw new IllegalArgumentException("the forest fire model takes input kind " +
                ForestFirePlugin.INPUT_REPLANT + " (replant), not " + kind);
        }
        plant(world, step);
    }

    /**
     * The same trees whenever it is called, drawn from the seed: a fire that dies in {@code step} is out from the
     * tick after it.
     */
    private void plant(final World world, final long step)
    {
        final long key = CounterRng.key(world.seed(), STREAM_TREES);
        for (int cell = 0; cell < grid.cellCount(); cell++)
        {
            final boolean tree = CounterRng.uniform(key, 0, cell, 0) < density;
            state.set(cell, !tree ? EMPTY : grid.x(cell) == 0 ? BURNING : TREE);
        }
        applying.wrapIfStale(world.store(forest)).lastBurningStep(0, step - 1);
    }

    @Override
    public List<Phase> phases()
    {
        return List.of(new BurnPhase());
    }

    @Override
    public void commands(final CommandRegistry commands)
    {
        commands.handle(StillBurningCodec.ID, StillBurningCodec.NAME, this::stillBurning);
    }

    private int stillBurning(final Command command)
    {
        applying.wrapIfStale(command.world().store(forest)).lastBurningStep(0, command.step());
        return Outcome.APPLIED;
    }

    @Override
    public List<String> metricNames()
    {
        return List.of("burning");
    }

    /**
     * The share of the trees there were at the start (or the last replanting) that have burnt, the cells burning, and
     * the tick at which no cell burned any more (0 while the fire burns), all after the last step; the first by
     * counting the cells.
     */
    @Override
    public Map<String, Double> observe(final double[] metricSums, final World world)
    {
        final int[] cells = new int[BURNT + 1];
        for (int cell = 0; cell < grid.cellCount(); cell++)
        {
            cells[state.get(cell)]++;
        }
        final double trees = cells[TREE] + cells[BURNING] + cells[BURNT];
        final double burning = metricSums[METRIC_BURNING];
        final Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("burnt_fraction", trees == 0 ? 0.0 : cells[BURNT] / trees);
        figures.put("burning", burning);
        figures.put("fire_out_tick", burning > 0 ? 0.0 :
            applying.wrapIfStale(world.store(forest)).lastBurningStep(0) + 2.0);
        return figures;
    }

    /**
     * Every cell takes its next state: a burning cell burns out, a tree next to a burning cell catches fire.
     */
    private final class BurnPhase implements Phase
    {
        public String name()
        {
            return "burn";
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
            return this::burn;
        }

        public void afterBatches(final World world, final long step)
        {
            grid.swapLayers();
        }

        private void burn(final BatchContext batch)
        {
            final IntLayer state = ForestFireModel.this.state;
            final int width = grid.width();
            int burning = 0;
            for (int cell = batch.from(), to = batch.to(), x = cell % width; cell < to; cell++)
            {
                final int now = state.get(cell);
                final int next = now == BURNING ? BURNT : now == TREE && nextToFire(cell, x) ? BURNING : now;
                state.setNext(cell, next);
                burning += next == BURNING ? 1 : 0;
                x = x == width - 1 ? 0 : x + 1;
            }
            batch.addMetric(METRIC_BURNING, burning);
            if (burning > 0)
            {
                batch.outbox().command(StillBurningCodec.ID, StillBurningCodec.LENGTH, forest.id(), 0);
            }
        }

        /**
         * Whether the west, east, north or south neighbour of a cell in column {@code x} burns: the von Neumann
         * neighbourhood of radius 1, read directly, since listing it with {@link Grid2D#neighbours} for every tree
         * made a step four times slower.
         */
        private boolean nextToFire(final int cell, final int x)
        {
            final IntLayer state = ForestFireModel.this.state;
            final int width = grid.width();
            return x > 0 && state.get(cell - 1) == BURNING ||
                x < width - 1 && state.get(cell + 1) == BURNING ||
                cell >= width && state.get(cell - width) == BURNING ||
                cell < grid.cellCount() - width && state.get(cell + width) == BURNING;
        }
    }
}

package io.myriad.plugins.flocking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;

import io.myriad.kernel.model.ExternalEvent;
import io.myriad.kernel.metrics.Metric;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.space.ContinuousSpace2D;
import io.myriad.kernel.space.SpatialHashGrid;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * Boids in a periodic continuous space, as in the ABM framework comparison: each bird sums, over the birds
 * strictly within its vision, their offsets (cohesion), the offsets of those closer than the separation distance
 * (separation) and their headings (alignment); divides each by the number of neighbours and weights it; its new
 * heading is the normalised mean of its old heading and the weighted sum, and it moves {@code speed} along it.
 */
public final class FlockingModel implements Model
{
    static final int STREAM_INIT = 1;
    static final int METRIC_HEADING_X = 0;
    static final int METRIC_HEADING_Y = 1;
    static final int METRIC_NEIGHBOUR_COSINE = 2;
    static final int METRIC_BIRDS_WITH_NEIGHBOURS = 3;

    private final FlockingParameters parameters;
    private final ContinuousSpace2D space;
    private final SpatialHashGrid grid;
    private final double[] headingX;
    private final double[] headingY;
    private final AgentType birds;
    private final BirdFlyweight scattering = new BirdFlyweight();

    /**
     * @param parameters resolved settings.
     */
    public FlockingModel(final FlockingParameters parameters)
    {
        this.parameters = parameters;
        this.space = new ContinuousSpace2D(parameters.width(), parameters.height(), true);
        this.grid = new SpatialHashGrid(space, parameters.vision(), parameters.birds());
        this.headingX = new double[parameters.birds()];
        this.headingY = new double[parameters.birds()];
        this.birds = AgentType.of("birds", BirdSchema.SCHEMA, parameters.birds());
    }

    /**
     * @return the resolved settings.
     */
    public FlockingParameters parameters()
    {
        return parameters;
    }

    /**
     * {@inheritDoc}
     */
    public List<AgentType> agentTypes()
    {
        return List.of(birds);
    }

    /**
     * The space, whose configuration a checkpoint checks; the index of birds by cell is rebuilt every tick, so
     * nothing else lasts outside the birds' store.
     */
    public List<Part> parts()
    {
        return List.of(space);
    }

    /**
     * Places birds uniformly at random with uniformly random headings, and numbers them in grid-cell order: the
     * i-th random draw goes to the bird whose index is its rank in cell order. Which bird gets which index is an
     * arbitrary labelling, and this one keeps birds that are near in space near in memory, so the gather and the
     * writes of each tick touch few cache lines. The state is still a function of the seed alone.
     *
     * @param world the world, its store empty.
     */
    public void initialise(final World world)
    {
        world.store(birds).spawn(parameters.birds());
        scatter(world);
    }

    @Override
    public List<ExternalEvent> externalEvents()
    {
        return List.of(ExternalEvent.input("scatter", "scatters the flock: every bird to a fresh place and heading",
            FlockingPlugin.INPUT_SCATTER));
    }

    /**
     * Takes {@link FlockingPlugin#INPUT_SCATTER}: places and heads the birds again as {@link #initialise} did, for a
     * fresh flock. Allocates nothing on JDK 17; from JDK 21, whose {@code StrictMath.sin} and {@code cos} are
     * Java code that allocates a small array a call, 64 bytes a bird.
     */
    public void applyInput(
        final World world,
        final long tick,
        final int kind,
        final int target,
        final DirectBuffer data,
        final int offset,
        final int length)
    {
        if (kind != FlockingPlugin.INPUT_SCATTER)
        {
            throw new IllegalArgumentException("the flocking model takes input kind " + FlockingPlugin.INPUT_SCATTER +
                " (scatter), not " + kind);
        }
        scatter(world);
    }

    private void scatter(final World world)
    {
        final long key = CounterRng.key(world.seed(), STREAM_INIT);
        final int birds = parameters.birds();
        // the draws wait in the heading scratch, which the gather phase fills afresh before any tick reads it
        final double[] x = headingX;
        final double[] y = headingY;
        for (int i = 0; i < birds; i++)
        {
            x[i] = space.normaliseX(space.width() * CounterRng.uniform(key, 0, i, 0));
            y[i] = space.normaliseY(space.height() * CounterRng.uniform(key, 0, i, 1));
            grid.key(i, grid.cellOf(x[i], y[i]));
        }
        grid.sort(birds);

        final BirdFlyweight bird = scattering.wrapIfStale(world.store(this.birds));
        for (int index = 0; index < birds; index++)
        {
            final int draw = grid.agentAt(index);
            final double angle = 2.0 * Math.PI * CounterRng.uniform(key, 0, draw, 2);
            bird.x(index, x[draw]);
            bird.y(index, y[draw]);
            bird.vx(index, StrictMath.cos(angle));
            bird.vy(index, StrictMath.sin(angle));
        }
    }

    /**
     * {@inheritDoc}
     */
    public List<Phase> phases()
    {
        return List.of(new IndexPhase(), new GatherPhase(), new SteerPhase());
    }

    /**
     * {@inheritDoc}
     */
    public List<String> metricNames()
    {
        return List.of("heading_x_sum", "heading_y_sum", "neighbour_cosine_sum", "birds_with_neighbours");
    }

    /**
     * The flock's mean heading, component by component.
     */
    public List<Metric> metrics()
    {
        return List.of(Metric.mean("heading_x", birds, BirdSchema.VX), Metric.mean("heading_y", birds, BirdSchema.VY));
    }

    /**
     * Alignment is the length of the mean heading: near 0 for random headings, 1 when all birds fly alike.
     * Local alignment is the mean, over birds that have neighbours, of the cosine between a bird's heading and
     * its neighbours' headings at the start of the tick: near 0 when headings are random, 1 inside a flock.
     *
     * @param metricSums the last tick's sums.
     * @param world      the world after the tick.
     * @return {@code alignment} and {@code local_alignment}.
     */
    public Map<String, Double> observe(final double[] metricSums, final World world)
    {
        final int liveAgents = world.store(birds).liveCount();
        final Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("alignment", liveAgents == 0 ? 0.0 :
            Math.sqrt(metricSums[METRIC_HEADING_X] * metricSums[METRIC_HEADING_X] +
            metricSums[METRIC_HEADING_Y] * metricSums[METRIC_HEADING_Y]) / liveAgents);
        final double withNeighbours = metricSums[METRIC_BIRDS_WITH_NEIGHBOURS];
        figures.put("local_alignment", withNeighbours == 0 ? 0.0 :
            metricSums[METRIC_NEIGHBOUR_COSINE] / withNeighbours);
        return figures;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "flocking(" + parameters + ")";
    }

    /**
     * Gives every live bird its cell, then sorts the birds by cell.
     */
    private final class IndexPhase implements Phase
    {
        public String name()
        {
            return "index";
        }

        public AgentType sweeps()
        {
            return birds;
        }

        public PhaseWorker newWorker(final World world)
        {
            final BirdFlyweight bird = new BirdFlyweight();
            return (batch) ->
            {
                final AgentStore store = batch.store();
                bird.wrapIfStale(store);
                final SpatialHashGrid grid = FlockingModel.this.grid;
                final boolean dense = store.isDense();
                for (int i = batch.from(), to = batch.to(); i < to; i++)
                {
                    grid.key(i, dense || store.isAlive(i) ? grid.cellOf(bird.x(i), bird.y(i)) : -1);
                }
            };
        }

        public void afterBatches(final World world, final long tick)
        {
            grid.sort(world.store(birds).highWaterMark());
        }
    }

    /**
     * Copies positions and headings into cell order.
     */
    private final class GatherPhase implements Phase
    {
        public String name()
        {
            return "gather";
        }

        public int workItems(final World world)
        {
            return grid.size();
        }

        public AgentType sweeps()
        {
            return birds;
        }

        public PhaseWorker newWorker(final World world)
        {
            final BirdFlyweight bird = new BirdFlyweight();
            return (batch) ->
            {
                final AgentStore store = batch.store();
                bird.wrapIfStale(store);
                final SpatialHashGrid grid = FlockingModel.this.grid;
                final double[] headingX = FlockingModel.this.headingX;
                final double[] headingY = FlockingModel.this.headingY;
                for (int rank = batch.from(), to = batch.to(); rank < to; rank++)
                {
                    final int agent = grid.agentAt(rank);
                    grid.position(rank, bird.x(agent), bird.y(agent));
                    headingX[rank] = bird.vx(agent);
                    headingY[rank] = bird.vy(agent);
                }
            };
        }
    }

    /**
     * Steers and moves every bird, in cell order, writing the next copies of its fields: the rules are the
     * {@link SteerWorker}'s.
     */
    private final class SteerPhase implements Phase
    {
        public String name()
        {
            return "steer";
        }

        public AgentType sweeps()
        {
            return birds;
        }

        public int workItems(final World world)
        {
            return grid.size();
        }

        public PhaseWorker newWorker(final World world)
        {
            return new SteerWorker(parameters, space, grid, headingX, headingY);
        }
    }
}

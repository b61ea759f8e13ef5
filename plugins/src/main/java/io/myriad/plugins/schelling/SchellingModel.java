package io.myriad.plugins.schelling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import io.myriad.kernel.space.grid.SingleOccupancy;
import io.myriad.kernel.space.grid.Topology;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * Schelling's segregation model. Each step every resident counts the neighbours of its own group, reading the grid's
 * {@code group} layer as it was when the step began, and an unhappy one emits a {@link Move}. The apply stage moves
 * them one by one, in the order of their cells, each to a cell drawn uniformly from the cells empty at that moment.
 * <p>
 * The handler draws the cell rather than the resident, because residents choosing from the cells empty at the start
 * would collide (many move at once early on) and could not take cells vacated in the same step; drawing at apply
 * time costs the same {@code O(log(cells / 64))}, never rejects a move, and matches the sequential models of the
 * framework comparison.
 */
public final class SchellingModel implements Model
{
    static final int EMPTY = 0;
    static final int STREAM_PLACES = 1;
    static final int METRIC_HAPPY = 0;
    static final int METRIC_SIMILAR_SHARE = 1;
    static final int METRIC_WITH_NEIGHBOURS = 2;

    final AgentType residents;
    final Grid2D grid;
    final IntLayer groups;
    final SingleOccupancy homes;
    private final int agents;
    private final int radius;
    private final int minHappy;
    private final ResidentFlyweight moving = new ResidentFlyweight();

    /**
     * @param agents   residents, fewer than the cells.
     * @param width    cells along x.
     * @param height   cells along y.
     * @param radius   reach of the Moore neighbourhood, at least 1.
     * @param minHappy neighbours of its own group a resident needs to stay.
     */
    public SchellingModel(final int agents, final int width, final int height, final int radius, final int minHappy)
    {
        this.agents = agents;
        this.radius = radius;
        this.minHappy = minHappy;
        this.residents = AgentType.of("residents", ResidentSchema.SCHEMA, agents);
        this.grid = new Grid2D("town", width, height, Topology.BOUNDED);
        this.groups = grid.intLayer("group", false);
        this.homes = grid.singleOccupancy("homes");
    }

    @Override
    public List<AgentType> agentTypes()
    {
        return List.of(residents);
    }

    @Override
    public List<Part> parts()
    {
        return List.of(grid);
    }

    /**
     * Puts each resident into a cell drawn uniformly from those still empty; the first half are of group 1, the rest
     * of group 2.
     */
    @Override
    public void initialise(final World world)
    {
        final AgentStore store = world.store(residents);
        store.spawn(agents);
        final ResidentFlyweight resident = new ResidentFlyweight().wrap(store);
        final long key = CounterRng.key(world.seed(), STREAM_PLACES);
        for (int i = 0; i < agents; i++)
        {
            final int cell = homes.randomEmptyCell(CounterRng.bits(key, 0, i, 0));
            final byte group = (byte)(i < agents / 2 ? 1 : 2);
            homes.tryPlace(i, cell);
            groups.set(cell, group);
            resident.cell(i, cell);
            resident.group(i, group);
        }
    }

    @Override
    public List<Phase> phases()
    {
        return List.of(new DecidePhase());
    }

    @Override
    public void commands(final CommandRegistry commands)
    {
        commands.handle(MoveCodec.ID, MoveCodec.NAME, this::move);
    }

    private int move(final Command command)
    {
        final ResidentFlyweight resident = moving.wrapIfStale(command.world().store(residents));
        final int agent = command.targetIndex();
        final int from = resident.cell(agent);
        final int to = homes.randomEmptyCell(command.rng());
        homes.move(from, to);
        groups.set(from, EMPTY);
        groups.set(to, resident.group(agent));
        resident.cell(agent, to);
        return Outcome.APPLIED;
    }

    @Override
    public List<String> metricNames()
    {
        return List.of("happy", "similar_share_sum", "with_neighbours");
    }

    /**
     * The share of happy residents, and segregation: the mean over residents with neighbours of the share of them
     * in its own group (about 0.5 when groups are mixed at random). Both as the last step began, before its moves.
     */
    @Override
    public Map<String, Double> observe(final double[] metricSums, final World world)
    {
        final Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("happy_share", metricSums[METRIC_HAPPY] / world.store(residents).liveCount());
        figures.put("similar_share",
            metricSums[METRIC_SIMILAR_SHARE] / Math.max(1.0, metricSums[METRIC_WITH_NEIGHBOURS]));
        return figures;
    }

    /**
     * Every resident counts its neighbours by group; an unhappy one asks to move. Residents are visited in cell order,
     * so that a sliding window counts each one's neighbours from its predecessor's, reading the layer row by row.
     */
    private final class DecidePhase implements Phase
    {
        public String name()
        {
            return "decide";
        }

        public AgentType sweeps()
        {
            return residents;
        }

        public int workItems(final World world)
        {
            return grid.cellCount();
        }

        public PhaseWorker newWorker(final World world)
        {
            final MooreCounts around = new MooreCounts(grid, groups, radius);
            return (batch) -> decide(batch, around);
        }

        private void decide(final BatchContext batch, final MooreCounts around)
        {
            final IntLayer groups = SchellingModel.this.groups;
            final int minHappy = SchellingModel.this.minHappy;
            final int type = residents.id();
            int happy = 0;
            int withNeighbours = 0;
            double similarShare = 0.0;
            around.moveTo(batch.from());
            for (int cell = batch.from(), to = batch.to(); cell < to; cell++, around.advance())
            {
                final int group = groups.get(cell);
                if (group == EMPTY)
                {
                    continue;
                }
                // the box holds the resident itself
                final int similar = around.count(group) - 1;
                final int occupied = around.count(1) + around.count(2) - 1;
                if (similar >= minHappy)
                {
                    happy++;
                }
                else
                {
                    batch.outbox().command(MoveCodec.ID, MoveCodec.LENGTH, type, homes.occupant(cell));
                }
                if (occupied > 0)
                {
                    similarShare += (double)similar / occupied;
                    withNeighbours++;
                }
            }
            batch.addMetric(METRIC_HAPPY, happy);
            batch.addMetric(METRIC_SIMILAR_SHARE, similarShare);
            batch.addMetric(METRIC_WITH_NEIGHBOURS, withNeighbours);
        }
    }
}

package io.myriad.plugins.wolfsheep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.myriad.kernel.command.Command;
import io.myriad.kernel.command.CommandRegistry;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.space.grid.Grid2D;
import io.myriad.kernel.space.grid.IntLayer;
import io.myriad.kernel.space.grid.MultipleOccupancy;
import io.myriad.kernel.space.grid.Neighbourhood;
import io.myriad.kernel.space.grid.Topology;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * Wolves, sheep and grass on a torus, as in the ABM framework comparison. A step is five sweeps, each in parallel:
 * <ol>
 *   <li>{@code sheep move}: each sheep steps to a random one of the 8 cells around it and loses 1 energy;</li>
 *   <li>{@code sheep live}: a sheep on grown grass eats it for {@code sheep_gain} if the cell's draw picks it of the
 *       sheep there, and the grass starts its countdown; then a sheep below 0 energy dies, else with probability
 *       {@code sheep_reproduce} it shares its energy half and half with a lamb born in its cell;</li>
 *   <li>{@code wolves move}: each wolf steps as a sheep does, and claims a sheep of its new cell if there is one;
 *       claims are applied in batch order, each eating a random sheep still alive there, for {@code wolf_gain};</li>
 *   <li>{@code wolves live}: as sheep do, without the grass;</li>
 *   <li>{@code grass}: grass not grown counts down, and grows after 0.</li>
 * </ol>
 * All that lasts is in the world: the two stores and the pasture's grass countdowns. The index of sheep by cell is
 * derived, rebuilt after each sweep of sheep.
 */
final class WolfSheepModel implements Model
{
    /** A grass countdown once the grass has grown. */
    static final int GROWN = -1;
    /** A wolf's claim comes after earlier claims ate every sheep of its cell. */
    static final int NO_SHEEP_LEFT = Outcome.FIRST_MODEL_REASON;
    static final int METRIC_GRASS = 0;
    private static final int STREAM_GRASS = 1;
    private static final int STREAM_GRAZE = 2;
    private static final int STREAM_START = 10;
    private static final int STREAM_MOVE = 20;
    private static final int STREAM_LIVE = 30;

    final AgentType sheep;
    final AgentType wolves;
    final Grid2D pasture;
    final IntLayer grass;
    final MultipleOccupancy sheepByCell;
    private final ModelConfig config;
    private final int wolvesAtStart;
    private final double wolfGain;
    private final AnimalFlyweight applying = new AnimalFlyweight();
    private final BornCodec born = new BornCodec();
    private final EatCodec eat = new EatCodec();

    WolfSheepModel(final ModelConfig config, final int side, final int mostOfEach)
    {
        this.config = config;
        wolvesAtStart = (int)Math.round(config.agents() * config.doubleValue("wolf_share"));
        wolfGain = config.doubleValue("wolf_gain");
        final int sheepAtStart = config.agents() - wolvesAtStart;
        sheep = AgentType.growing("sheep", AnimalSchema.SCHEMA, room(sheepAtStart, mostOfEach), mostOfEach);
        wolves = AgentType.growing("wolves", AnimalSchema.SCHEMA, room(wolvesAtStart, mostOfEach), mostOfEach);
        pasture = new Grid2D("pasture", side, side, Topology.TORUS);
        grass = pasture.intLayer("grass", false);
        sheepByCell = pasture.multipleOccupancy("sheep", mostOfEach);
    }

    private static int room(final int atStart, final int most)
    {
        return Math.min(most, Math.max(64, 2 * atStart));
    }

    @Override
    public List<AgentType> agentTypes()
    {
        return List.of(sheep, wolves);
    }

    @Override
    public List<Part> parts()
    {
        return List.of(pasture);
    }

    /**
     * Animals on random cells with a whole energy below twice their gain; half the grass grown, the rest at a
     * random point of its countdown (as Agents.jl and Mesa start).
     */
    @Override
    public void initialise(final World world)
    {
        release(world, sheep, config.agents() - wolvesAtStart, config.doubleValue("sheep_gain"));
        release(world, wolves, wolvesAtStart, wolfGain);
        final int regrowth = (int)config.longValue("regrowth_time");
        final long key = CounterRng.key(world.seed(), STREAM_GRASS);
        for (int cell = 0; cell < pasture.cellCount(); cell++)
        {
            final boolean grown = CounterRng.bits(key, 0, cell, 0) < 0;
            grass.set(cell, grown ? GROWN : CounterRng.toBoundedInt(CounterRng.bits(key, 0, cell, 1), regrowth));
        }
    }

    private void release(final World world, final AgentType type, final int count, final double gain)
    {
        final long key = CounterRng.key(world.seed(), STREAM_START + type.id());
        final AnimalFlyweight animal = new AnimalFlyweight().wrap(world.store(type));
        world.store(type).spawn(count);
        for (int i = 0; i < count; i++)
        {
            animal.cell(i, CounterRng.toBoundedInt(CounterRng.bits(key, 0, i, 0), pasture.cellCount()));
            animal.energy(i, Math.floor(2 * gain * CounterRng.uniform(key, 0, i, 1)));
        }
    }

    @Override
    public List<Phase> phases()
    {
        return List.of(
            new Sweep("sheep move", sheep, (world) -> move(world, sheep)),
            new Sweep("sheep live", sheep, (world) -> live(world, sheep, config.doubleValue("sheep_reproduce"))),
            new Sweep("wolves move", wolves, (world) -> move(world, wolves)),
            new Sweep("wolves live", wolves, (world) -> live(world, wolves, config.doubleValue("wolf_reproduce"))),
            new Sweep("grass", null, this::grow));
    }

    /**
     * Every animal steps to a random one of the 8 cells around it and pays 1 energy; a wolf claims a sheep there.
     */
    private PhaseWorker move(final World world, final AgentType animals)
    {
        final AnimalFlyweight animal = new AnimalFlyweight();
        final EatCodec claim = new EatCodec();
        final int[] scratch = new int[pasture.maxNeighbours(Neighbourhood.MOORE, 1)];
        final long key = CounterRng.key(world.seed(), STREAM_MOVE + animals.id());
        return (batch) ->
        {
            final AgentStore store = batch.store();
            animal.wrapIfStale(store);
            final Outbox outbox = batch.outbox();
            for (int i = store.nextAlive(batch.from()), to = batch.to(); i < to; i = store.nextAlive(i + 1))
            {
                final int cell = pasture.randomNeighbour(animal.cell(i), Neighbourhood.MOORE, 1,
                    CounterRng.bits(key, batch.step(), i, 0), scratch);
                animal.cell(i, cell);
                animal.energy(i, animal.energy(i) - 1);
                if (animals == wolves && sheepByCell.count(cell) > 0)
                {
                    claim.wrap(outbox.buffer(), outbox.command(EatCodec.ID, EatCodec.LENGTH, wolves.id(), i))
                        .cell(cell);
                }
            }
        };
    }

    /**
     * A sheep eats the grass of its cell if it has grown and the cell's draw picks this sheep of those on it. Then
     * an animal below 0 energy dies; else, by chance, it shares its energy half and half with a newborn.
     */
    private PhaseWorker live(final World world, final AgentType animals, final double reproduce)
    {
        final AnimalFlyweight animal = new AnimalFlyweight();
        final BornCodec child = new BornCodec();
        final long key = CounterRng.key(world.seed(), STREAM_LIVE + animals.id());
        final long graze = CounterRng.key(world.seed(), STREAM_GRAZE);
        final double sheepGain = config.doubleValue("sheep_gain");
        final int regrowth = (int)config.longValue("regrowth_time");
        final int type = animals.id();
        return (batch) ->
        {
            final AgentStore store = batch.store();
            animal.wrapIfStale(store);
            final Outbox outbox = batch.outbox();
            for (int i = store.nextAlive(batch.from()), to = batch.to(); i < to; i = store.nextAlive(i + 1))
            {
                double energy = animal.energy(i);
                final int cell = animal.cell(i);
                if (animals == sheep && grazer(cell, graze, batch.step()) == i && grass.get(cell) == GROWN)
                {
                    energy += sheepGain;
                    grass.set(cell, regrowth);
                }
                if (energy < 0)
                {
                    outbox.despawn(type, i);
                    continue;
                }
                if (CounterRng.uniform(key, batch.step(), i, 0) < reproduce)
                {
                    energy /= 2;
                    child.wrap(outbox.buffer(), outbox.spawn(BornCodec.ID, BornCodec.LENGTH, type, type, i))
                        .cell(cell).energy(energy);
                }
                animal.energy(i, energy);
            }
        };
    }

    /**
     * @return the one sheep of those on a cell that may eat its grass this step, drawn at random.
     */
    private int grazer(final int cell, final long key, final long step)
    {
        final int flock = sheepByCell.count(cell);
        return sheepByCell.agentAt(sheepByCell.start(cell) +
            (flock == 1 ? 0 : CounterRng.toBoundedInt(CounterRng.bits(key, step, cell, 0), flock)));
    }

    /**
     * Grass not grown counts down, and grows after 0: the countdown less one, but not below {@link #GROWN}.
     */
    private PhaseWorker grow(final World world)
    {
        return (batch) ->
        {
            int grown = 0;
            for (int cell = batch.from(), to = batch.to(); cell < to; cell++)
            {
                final int countdown = Math.max(grass.get(cell) - 1, GROWN);
                grass.set(cell, countdown);
                grown += countdown == GROWN ? 1 : 0;
            }
            batch.addMetric(METRIC_GRASS, grown);
        };
    }

    @Override
    public void commands(final CommandRegistry commands)
    {
        commands.handle(BornCodec.ID, BornCodec.NAME, this::born);
        commands.handle(EatCodec.ID, EatCodec.NAME, this::eat).reason(NO_SHEEP_LEFT, "no_sheep_left");
    }

    private int born(final Command command)
    {
        born.wrap(command.buffer(), command.payloadOffset());
        applying.wrapIfStale(command.world().store(command.targetType()));
        applying.cell(command.targetIndex(), born.cell());
        applying.energy(command.targetIndex(), born.energy());
        return Outcome.APPLIED;
    }

    private int eat(final Command command)
    {
        final int cell = eat.wrap(command.buffer(), command.payloadOffset()).cell();
        final AgentStore flock = command.world().store(sheep);
        final int first = sheepByCell.start(cell);
        final int count = sheepByCell.count(cell);
        for (int tried = 0, rank = command.rng().nextInt(count); tried < count; tried++, rank = (rank + 1) % count)
        {
            final int prey = sheepByCell.agentAt(first + rank);
            if (flock.isAlive(prey))
            {
                flock.despawn(prey);
                applying.wrapIfStale(command.world().store(wolves));
                applying.energy(command.targetIndex(), applying.energy(command.targetIndex()) + wolfGain);
                return Outcome.APPLIED;
            }
        }
        return NO_SHEEP_LEFT;
    }

    @Override
    public List<String> metricNames()
    {
        return List.of("grass_grown");
    }

    @Override
    public Map<String, Double> observe(final double[] metricSums, final World world)
    {
        final Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("sheep", (double)world.store(sheep).liveCount());
        figures.put("wolves", (double)world.store(wolves).liveCount());
        figures.put("grass_grown", metricSums[METRIC_GRASS]);
        return figures;
    }

    /**
     * A sweep of one kind of animal, or of the pasture's cells when it has none. The index of sheep by cell is
     * built again after every sweep that moves, kills or breeds sheep.
     */
    private final class Sweep implements Phase
    {
        private final String name;
        private final AgentType animals;
        private final Function<World, PhaseWorker> workers;

        Sweep(final String name, final AgentType animals, final Function<World, PhaseWorker> workers)
        {
            this.name = name;
            this.animals = animals;
            this.workers = workers;
        }

        @Override
        public String name()
        {
            return name;
        }

        @Override
        public AgentType sweeps()
        {
            return animals;
        }

        @Override
        public int workItems(final World world)
        {
            return animals == null ? pasture.cellCount() : world.store(animals).highWaterMark();
        }

        @Override
        public PhaseWorker newWorker(final World world)
        {
            return workers.apply(world);
        }

        @Override
        public void afterBatches(final World world, final long step)
        {
            if (animals == sheep)
            {
                sheepByCell.rebuild(world.store(sheep), AnimalSchema.CELL);
            }
        }
    }
}

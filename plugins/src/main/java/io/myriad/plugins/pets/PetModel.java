package io.myriad.plugins.pets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;

import io.myriad.kernel.model.ExternalEvent;
import io.myriad.kernel.channel.Access;
import io.myriad.kernel.channel.BroadcastChannel;
import io.myriad.kernel.channel.DirectChannel;
import io.myriad.kernel.channel.FullPolicy;
import io.myriad.kernel.channel.Latency;
import io.myriad.kernel.command.Command;
import io.myriad.kernel.command.CommandRegistry;
import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.metrics.Metric;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.space.grid.DoubleLayer;
import io.myriad.kernel.space.grid.Grid2D;
import io.myriad.kernel.space.grid.MultipleOccupancy;
import io.myriad.kernel.space.grid.Topology;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * Digital pets, after the digital-pet architecture Myriad started from: pets on a torus grid with three needs and
 * preferences, each step choosing by {@link PetMind} (least expected free energy) to eat the food of their cell,
 * rest, approach a partner, play with one, or wander. Pets that play get on as their preferences agree: their tie
 * in the social network ({@link SocialTies}) grows or shrinks, and the partner hears of it through its inbox on a
 * point-to-point channel; pets broadcast their moods now and then, and hearing others' lifts or lowers their own.
 * Users feed and play with pets through the model's inputs or a scenario's schedule ({@link UserEvents}). A step
 * is three sweeps: the pets indexed by cell ({@link Gather}), their turns ({@link PetTurn}), then the food growing
 * back on every cell.
 */
final class PetModel implements Model
{
    final PetSettings settings;
    final AgentType pets;
    final Grid2D grid;
    final DoubleLayer food;
    final MultipleOccupancy byCell;
    final SocialTies ties;
    final DirectChannel invites;
    final BroadcastChannel moods;
    /** The pets' preferences in the order of the index by cell, three a pet: derived afresh every step. */
    final double[] likesByRank;

    PetModel(final PetSettings settings)
    {
        this.settings = settings;
        this.pets = AgentType.of("pet", PetSchema.SCHEMA, settings.pets());
        this.grid = new Grid2D("grid", settings.width(), settings.height(), Topology.TORUS);
        this.food = grid.doubleLayer("food", false);
        this.byCell = grid.multipleOccupancy("pets", settings.pets());
        this.ties = new SocialTies(settings.pets());
        this.invites = new DirectChannel("invites", InviteCodec.SCHEMA, 2 * settings.pets() + 16, FullPolicy.REJECT,
            Latency.NEXT_STEP);
        invites.senders(Access.types("pet")).receivers(Access.types("pet"));
        this.moods = new BroadcastChannel("moods", MoodNoteCodec.SCHEMA, 1024, FullPolicy.DROP_OLDEST,
            Latency.NEXT_STEP);
        moods.senders(Access.types("pet")).receivers(Access.types("pet"));
        this.likesByRank = new double[3 * settings.pets()];
    }

    @Override
    public List<AgentType> agentTypes()
    {
        return List.of(pets);
    }

    @Override
    public List<Part> parts()
    {
        return List.of(grid, ties, invites, moods);
    }

    /**
     * Pets on random cells with needs up to a half, a middling mood and preferences drawn from 0 to 1; food
     * everywhere.
     */
    @Override
    public void initialise(final World world)
    {
        final AgentStore store = world.store(pets);
        store.spawn(settings.pets());
        final PetFlyweight pet = new PetFlyweight();
        pet.wrapIfStale(store);
        final long key = CounterRng.key(world.seed(), 60);
        for (int i = 0; i < settings.pets(); i++)
        {
            pet.cell(i, CounterRng.toBoundedInt(CounterRng.bits(key, 0, i, 0), grid.cellCount()));
            pet.hunger(i, 0.5 * CounterRng.uniform(key, 0, i, 1));
            pet.energy(i, 0.5 * CounterRng.uniform(key, 0, i, 2));
            pet.social(i, 0.5 * CounterRng.uniform(key, 0, i, 3));
            pet.mood(i, 0.5);
            pet.likeFood(i, CounterRng.uniform(key, 0, i, 4));
            pet.likeRest(i, CounterRng.uniform(key, 0, i, 5));
            pet.likeCompany(i, CounterRng.uniform(key, 0, i, 6));
        }
        food.fill(1.0);
    }

    @Override
    public List<Phase> phases()
    {
        return List.of(new Gather(this), new PetTurn(this), new Regrow());
    }

    @Override
    public void commands(final CommandRegistry commands)
    {
        final EatCodec eat = new EatCodec();
        final PlayedCodec played = new PlayedCodec();
        final PetFlyweight pet = new PetFlyweight();
        commands.handle(EatCodec.ID, EatCodec.NAME, (command) -> eat(command, eat, pet));
        commands.handle(PlayedCodec.ID, PlayedCodec.NAME, (command) ->
        {
            played.wrap(command.buffer(), command.payloadOffset());
            ties.strengthen(command.targetIndex(), played.partner(),
                settings.tieGain() * (2 * played.compatibility() - 1));
            return Outcome.APPLIED;
        });
    }

    /**
     * A pet eats what it bit or what is left of its cell's food, first come first served.
     */
    private int eat(final Command command, final EatCodec eat, final PetFlyweight pet)
    {
        eat.wrap(command.buffer(), command.payloadOffset());
        final double granted = Math.min(eat.bite(), food.get(eat.cell()));
        food.set(eat.cell(), food.get(eat.cell()) - granted);
        pet.wrapIfStale(command.world().store(pets));
        pet.hunger(command.targetIndex(), Math.max(0, pet.hunger(command.targetIndex()) - granted));
        return Outcome.APPLIED;
    }

    @Override
    public List<ExternalEvent> externalEvents()
    {
        return List.of(
            ExternalEvent.input("feed", "a user feeds a pet: its hunger falls", UserEvents.FEED).forAgent("pet"),
            ExternalEvent.input("play", "a user plays with a pet: it is less lonely and happier", UserEvents.PLAY)
                .forAgent("pet"));
    }

    /**
     * Feeds a pet, or plays with it: a user's interaction from outside the run.
     */
    @Override
    public void applyInput(final World world, final long step, final int kind, final int target,
        final DirectBuffer data, final int offset, final int length)
    {
        if ((kind != UserEvents.FEED && kind != UserEvents.PLAY) || target < 0 || target >= settings.pets())
        {
            throw new IllegalArgumentException("pets take inputs " + UserEvents.FEED + " (feed) and " +
                UserEvents.PLAY + " (play) for a pet from 0 to " + (settings.pets() - 1) + ", not kind " + kind +
                " for " + target);
        }
        interact(world, kind, target);
    }

    void interact(final World world, final int kind, final int target)
    {
        final PetFlyweight pet = new PetFlyweight();
        pet.wrapIfStale(world.store(pets));
        if (kind == UserEvents.FEED)
        {
            pet.hunger(target, Math.max(0, pet.hunger(target) - UserEvents.FEED_GAIN));
        }
        else
        {
            pet.social(target, Math.max(0, pet.social(target) - UserEvents.PLAY_GAIN));
            pet.mood(target, Math.min(1, pet.mood(target) + 0.1));
        }
    }

    @Override
    public List<Metric> metrics()
    {
        return List.of(
            Metric.mean("hunger", pets, PetSchema.HUNGER),
            Metric.mean("energy", pets, PetSchema.ENERGY),
            Metric.mean("social", pets, PetSchema.SOCIAL),
            Metric.mean("mood", pets, PetSchema.MOOD),
            Metric.sum("ties", pets, PetSchema.TIES));
    }

    /**
     * The network's figures after the run: ties above the threshold, communities (connected groups of two or
     * more pets through such ties) and the mean clustering coefficient of pets with two ties or more.
     */
    @Override
    public Map<String, Double> observe(final double[] metricSums, final World world)
    {
        final Communities network = new Communities(ties, settings.threshold());
        final Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("ties", (double)network.ties());
        figures.put("communities", (double)network.communities());
        figures.put("clustering", network.clustering());
        return figures;
    }

    /**
     * Food grows back on every cell, up to 1.
     */
    private final class Regrow implements Phase
    {
        public String name()
        {
            return "regrow";
        }

        public AgentType sweeps()
        {
            return null;
        }

        @Override
        public int workItems(final World world)
        {
            return grid.cellCount();
        }

        public PhaseWorker newWorker(final World world)
        {
            final double regrowth = settings.regrowth();
            return (batch) ->
            {
                for (int cell = batch.from(); cell < batch.to(); cell++)
                {
                    food.set(cell, Math.min(1, food.get(cell) + regrowth));
                }
            };
        }
    }
}

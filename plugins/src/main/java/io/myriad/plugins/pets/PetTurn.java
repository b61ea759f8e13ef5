package io.myriad.plugins.pets;

import io.myriad.kernel.channel.Inbox;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.space.grid.Neighbourhood;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * A pet's turn, after {@link Gather} has indexed the pets by cell and copied their preferences in that order.
 * Each pet, in parallel: reads its invitations (someone played with it: lonely no more, as much as they get on)
 * and the moods broadcast (which pull its own); looks over its cell and the eight around it for its best partner
 * (the most compatible, a tie counting for half; its neighbours' preferences read from the copy, a few cache lines
 * per row of cells); needs drift; chooses ({@link PetMind}) and acts: eats through a command (food is shared,
 * first come first served), rests, moves next to or onto its partner, plays (its loneliness falls; its partner is
 * sent an invitation and the pair's tie changes through a command), or wanders; its ties decay; now and then it
 * broadcasts its mood. A pet writes only its own fields and its own row of ties while the sweep runs.
 */
final class PetTurn implements Phase
{
    private static final int STREAM = 61;
    private final PetModel model;

    PetTurn(final PetModel model)
    {
        this.model = model;
    }

    public String name()
    {
        return "pets";
    }

    public AgentType sweeps()
    {
        return model.pets;
    }

    public PhaseWorker newWorker(final World world)
    {
        return new Worker(CounterRng.key(world.seed(), STREAM));
    }

    /**
     * A compute worker's flyweights, codecs, inboxes and scratch, kept from batch to batch.
     */
    private final class Worker implements PhaseWorker
    {
        private final PetFlyweight pet = new PetFlyweight();
        private final InviteCodec invite = new InviteCodec();
        private final MoodNoteCodec note = new MoodNoteCodec();
        private final EatCodec eat = new EatCodec();
        private final PlayedCodec played = new PlayedCodec();
        private final Inbox invitations = new Inbox(model.invites);
        private final Inbox moods = new Inbox(model.moods);
        private final int[] around = new int[model.grid.maxNeighbours(Neighbourhood.MOORE, 1)];
        private final long key;

        Worker(final long key)
        {
            this.key = key;
        }

        public void process(final BatchContext batch)
        {
            final AgentStore store = batch.store();
            pet.wrapIfStale(store);
            for (int i = store.nextAlive(batch.from()), to = batch.to(); i < to; i = store.nextAlive(i + 1))
            {
                turn(batch, i);
            }
        }

        private void turn(final BatchContext batch, final int i)
        {
            final Outbox outbox = batch.outbox();
            final int type = model.pets.id();
            final long step = batch.step();
            double hunger = pet.hunger(i);
            double energy = pet.energy(i);
            double social = pet.social(i);
            double mood = pet.mood(i);
            for (invitations.take(outbox, type, i); invitations.next(); )
            {
                invite.wrap(invitations.buffer(), invitations.offset());
                social -= 0.6 * PetMind.PLAY_GAIN * invite.compatibility();
            }
            double heard = 0;
            int voices = 0;
            for (moods.take(outbox, type, i); moods.next(); )
            {
                heard += note.wrap(moods.buffer(), moods.offset()).mood();
                voices++;
            }
            final int cell = pet.cell(i);
            final int cells = model.grid.neighbours(cell, Neighbourhood.MOORE, 1, around);
            partner = -1;
            partnerCell = -1;
            compatibility = 0;
            best = Double.NEGATIVE_INFINITY;
            seen = 0;
            myFood = pet.likeFood(i);
            myRest = pet.likeRest(i);
            myCompany = pet.likeCompany(i);
            look(i, cell);
            for (int c = 0; c < cells; c++)
            {
                look(i, around[c]);
            }
            final int action = PetMind.choose(hunger, energy, social, myFood, myRest, myCompany,
                model.food.get(cell), partner >= 0 && partnerCell == cell, partner >= 0 && partnerCell != cell,
                compatibility, seen);
            hunger += PetMind.HUNGER_DRIFT;
            energy += PetMind.ENERGY_DRIFT;
            social += PetMind.SOCIAL_DRIFT;
            int nextCell = cell;
            switch (action)
            {
                case PetMind.EAT -> eat.wrap(outbox.buffer(), outbox.command(EatCodec.ID, EatCodec.LENGTH, type, i))
                    .cell(cell).bite(PetMind.BITE);
                case PetMind.REST -> energy -= PetMind.REST_GAIN;
                case PetMind.APPROACH ->
                {
                    nextCell = partnerCell;
                    energy += 0.02;
                }
                case PetMind.PLAY ->
                {
                    social -= PetMind.PLAY_GAIN * compatibility;
                    energy += 0.05;
                    hunger += 0.01;
                    invite.wrap(outbox.buffer(), model.invites.send(outbox, type, i, type, partner))
                        .compatibility(compatibility).mood(mood);
                    played.wrap(outbox.buffer(), outbox.command(PlayedCodec.ID, PlayedCodec.LENGTH, type, i))
                        .partner(partner).compatibility(compatibility);
                }
                default ->
                {
                    nextCell = cells == 0 ? cell :
                        around[CounterRng.toBoundedInt(CounterRng.bits(key, step, i, 0), cells)];
                    energy += 0.02;
                }
            }
            hunger = PetMind.clamp(hunger);
            energy = PetMind.clamp(energy);
            social = PetMind.clamp(social);
            mood = 0.8 * mood + 0.2 * (1 - (hunger + energy + social) / 3);
            if (voices > 0)
            {
                mood += 0.1 * (heard / voices - mood);
            }
            pet.hunger(i, hunger);
            pet.energy(i, energy);
            pet.social(i, social);
            pet.mood(i, mood);
            pet.cell(i, nextCell);
            pet.action(i, action);
            pet.ties(i, model.ties.decay(i, model.settings.decay(), model.settings.threshold()));
            if (CounterRng.uniform(key, step, i, 1) * model.settings.pets() < model.settings.moodRate())
            {
                note.wrap(outbox.buffer(), model.moods.send(outbox, type, i)).mood(mood);
            }
        }

        private int partner;
        private int partnerCell;
        private double compatibility;
        private double best;
        private int seen;
        private double myFood;
        private double myRest;
        private double myCompany;

        /**
         * Looks over the pets of a cell for a better partner: the most compatible, a tie counting for half, the
         * lowest index on a draw. Their preferences never change, so reading them while others move is safe.
         */
        private void look(final int i, final int cell)
        {
            final double[] likes = model.likesByRank;
            for (int r = model.byCell.start(cell), end = model.byCell.end(cell); r < end; r++)
            {
                final int other = model.byCell.agentAt(r);
                if (other == i)
                {
                    continue;
                }
                seen++;
                final double agree = PetMind.compatibility(myFood, myRest, myCompany, likes[3 * r],
                    likes[3 * r + 1], likes[3 * r + 2]);
                final double score = agree + 0.5 * model.ties.strength(i, other);
                if (score > best || (score == best && other < partner))
                {
                    best = score;
                    partner = other;
                    partnerCell = cell;
                    compatibility = agree;
                }
            }
        }
    }
}

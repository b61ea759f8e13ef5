package io.myriad.plugins.pets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.ModelConfig;

/**
 * The digital pets: friendships follow compatibility, a user's feed lowers a pet's hunger when it is given, and a
 * run is the same on any number of threads.
 */
class PetsTest
{
    private static PetModel model(final int pets, final Map<String, Object> parameters)
    {
        return (PetModel)new PetsPlugin().create(ModelConfig.of(new PetsPlugin(), pets, 7, parameters));
    }

    private static Simulation launch(final PetModel model, final int workers)
    {
        return Simulation.launch(new SimulationContext().model(model).seed(7).workers(workers).batchSize(64));
    }

    /**
     * Two lonely pets alone on one cell, caring only for company, with the given preferences.
     */
    private static double tieAfterPlaying(final double[] first, final double[] second)
    {
        final PetModel model = model(2, Map.of("width", 1L, "height", 1L, "mood_rate", 0.0));
        try (Simulation sim = launch(model, 1))
        {
            final PetFlyweight pet = new PetFlyweight();
            pet.wrapIfStale(sim.world().store(model.pets));
            for (int i = 0; i < 2; i++)
            {
                final double[] likes = i == 0 ? first : second;
                pet.likeFood(i, likes[0]);
                pet.likeRest(i, likes[1]);
                pet.likeCompany(i, likes[2]);
                pet.hunger(i, 0);
                pet.energy(i, 0);
                pet.social(i, 1);
            }
            sim.run(10);
            assertEquals(model.ties.strength(0, 1), model.ties.strength(1, 0), "a tie is the same both ways");
            return model.ties.strength(0, 1);
        }
    }

    @Test
    void tiesStrengthenBetweenCompatiblePetsThatMeet()
    {
        final double friends = tieAfterPlaying(new double[] { 0, 0, 1 }, new double[] { 0, 0, 1 });
        assertTrue(friends > 0.2, "two pets alike who played in ten steps: " + friends);
        final double strangers = tieAfterPlaying(new double[] { 0, 0, 1 }, new double[] { 1, 1, 0 });
        assertEquals(0, strangers, "pets with nothing in common gain no tie");
    }

    @Test
    void aUsersFeedLowersThatPetsHungerWhenItIsGiven()
    {
        final PetModel model = model(50, Map.of());
        try (Simulation sim = launch(model, 2))
        {
            sim.run(5);
            final PetFlyweight pet = new PetFlyweight();
            pet.wrapIfStale(sim.world().store(model.pets));
            pet.hunger(3, 0.8);
            final double other = pet.hunger(4);
            sim.input(UserEvents.FEED, 3, new UnsafeBuffer(new byte[0]), 0, 0);
            assertEquals(0.8 - UserEvents.FEED_GAIN, pet.hunger(3), 1e-12, "fed at step 5");
            assertEquals(other, pet.hunger(4), "no one else");
        }
    }

    @Test
    void aScheduledFeedTakesEffectAtItsStep()
    {
        final long[] hashes = new long[2];
        final double[] hunger = new double[2];
        for (int run = 0; run < 2; run++)
        {
            final PetModel model = model(50, Map.of("user_events", run == 0 ? "" : "feed:3@5"));
            try (Simulation sim = launch(model, 1))
            {
                final PetFlyweight pet = new PetFlyweight();
                sim.run(5);
                hashes[run] = sim.stateHash();
                pet.wrapIfStale(sim.world().store(model.pets));
                pet.hunger(3, 0.9);
                sim.run(1);
                hunger[run] = pet.hunger(3);
            }
        }
        assertEquals(hashes[0], hashes[1], "nothing differs before step 5");
        assertTrue(hunger[1] < hunger[0] - 0.3, "fed at step 5: " + hunger[1] + " against " + hunger[0]);
    }

    @Test
    void aRunIsTheSameOnOneTwoAndFourThreads()
    {
        final long[] hashes = new long[3];
        final int[] threads = { 1, 2, 4 };
        for (int t = 0; t < threads.length; t++)
        {
            try (Simulation sim = launch(model(2000, Map.of("width", 40L, "height", 40L, "mood_rate", 5.0)),
                threads[t]))
            {
                sim.run(60);
                hashes[t] = sim.stateHash();
            }
        }
        assertEquals(hashes[0], hashes[1]);
        assertEquals(hashes[0], hashes[2]);
        final PetModel model = model(2000, Map.of("width", 40L, "height", 40L, "mood_rate", 5.0));
        try (Simulation sim = launch(model, 1))
        {
            sim.run(60);
            assertNotEquals(0L, new Communities(model.ties, 0.3).ties(), "the pets made friends");
            assertTrue(model.moods.delivered() > 100, "moods were broadcast: " + model.moods.delivered());
            assertTrue(model.invites.delivered() > 100, "invitations were sent: " + model.invites.delivered());
        }
    }

    @Test
    void aScheduleThatIsNoScheduleIsRefused()
    {
        final InvalidConfigException bad = assertThrows(InvalidConfigException.class,
            () -> model(10, Map.of("user_events", "feed 3 at 10")));
        assertTrue(bad.getMessage().contains("'feed 3 at 10' is not an interaction; write feed:PET@STEP"),
            bad.getMessage());
        final InvalidConfigException range = assertThrows(InvalidConfigException.class,
            () -> model(10, Map.of("user_events", "play:10@1")));
        assertTrue(range.getMessage().contains("pets are 0 to 9"), range.getMessage());
    }
}

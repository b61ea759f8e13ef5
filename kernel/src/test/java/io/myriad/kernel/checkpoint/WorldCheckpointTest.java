package io.myriad.kernel.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.myriad.kernel.RecordsContext;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.hash.StateHash;

/**
 * A checkpoint holds the whole world: every store (a grown one too) and every part, and a restore gives back a run
 * that goes on exactly as the first did.
 */
class WorldCheckpointTest
{
    private static final long SEED = 99L;
    private static final int WALKERS = 30;

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 4 })
    void shouldGiveTheSameWorldOnAnyNumberOfWorkers(final int workers)
    {
        final long reference;
        try (Simulation sim = Simulation.launch(context(1)))
        {
            sim.run(40);
            reference = sim.stateHash();
            final WalkersModel model = (WalkersModel)sim.model();
            assertTrue(sim.world().store(model.walkers).capacity() > WALKERS, "walkers must hatch past capacity");
            assertTrue(sim.commands().count(WalkersModel.REASON_TAKEN) > 0, "steps must collide");
            assertTrue(model.stats.getLong(model.moves) > 0);
        }
        try (Simulation sim = Simulation.launch(context(workers).batchSize(7)))
        {
            sim.run(40);
            assertEquals(StateHash.toHex(reference), StateHash.toHex(sim.stateHash()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 3 })
    void shouldRestoreEveryStoreAndPartAndGoOnAsTheFirstRun(final int workers)
    {
        final Path directory = temp.resolve("checkpoints");
        final long atForty;
        final Checkpoint atTwentyFive;
        try (Simulation sim = Simulation.launch(context(workers).records(everyTick(directory))))
        {
            sim.run(25);
            atTwentyFive = sim.checkpoint();
            sim.run(15);
            atForty = sim.stateHash();
        }
        try (Simulation resumed = Simulation.launch(context(workers).restoreFrom(atTwentyFive)))
        {
            assertEquals(25, resumed.tick());
            assertEquals(atTwentyFive.stateHash(), resumed.stateHash());
            final WalkersModel model = (WalkersModel)resumed.model();
            assertTrue(resumed.world().store(model.walkers).capacity() > WALKERS, "the grown store is restored grown");
            resumed.run(15);
            assertEquals(StateHash.toHex(atForty), StateHash.toHex(resumed.stateHash()));
        }
    }

    @Test
    void shouldHashEveryPart()
    {
        final Path directory = temp.resolve("checkpoints");
        final Checkpoint checkpoint;
        try (Simulation sim = Simulation.launch(context(1).records(everyTick(directory))))
        {
            sim.run(12);
            checkpoint = sim.checkpoint();
        }
        changeAndExpectAnotherHash(checkpoint, (model) -> model.heat.set(3, model.heat.get(3) + 1e-9));
        changeAndExpectAnotherHash(checkpoint, (model) -> model.homes.move(firstOccupied(model), emptyCell(model)));
        changeAndExpectAnotherHash(checkpoint, (model) -> model.friends.setWeight(0, model.friends.weight(0) * 2));
        changeAndExpectAnotherHash(checkpoint, (model) -> model.draws.nextLong());
        changeAndExpectAnotherHash(checkpoint, (model) -> model.stats.putLong(model.moves, -1));
    }

    @Test
    void shouldRefuseACheckpointOfAWorldOfAnotherShape()
    {
        final Path directory = temp.resolve("checkpoints");
        final Checkpoint checkpoint;
        try (Simulation sim = Simulation.launch(context(1).records(everyTick(directory))))
        {
            sim.run(3);
            checkpoint = sim.checkpoint();
        }
        final CheckpointException ex = assertThrows(CheckpointException.class, () -> Simulation.launch(
            new SimulationContext().model(new WalkersModel(WALKERS, 13)).seed(SEED).restoreFrom(checkpoint)));
        assertTrue(ex.getMessage().contains("part grid") && ex.getMessage().contains("width 12"), ex.getMessage());
    }

    private void changeAndExpectAnotherHash(final Checkpoint checkpoint, final Consumer<WalkersModel> change)
    {
        try (Simulation sim = Simulation.launch(context(1).restoreFrom(checkpoint)))
        {
            change.accept((WalkersModel)sim.model());
            assertNotEquals(checkpoint.stateHash(), sim.stateHash());
        }
    }

    private static int firstOccupied(final WalkersModel model)
    {
        int cell = 0;
        while (model.homes.isEmpty(cell))
        {
            cell++;
        }
        return cell;
    }

    private static int emptyCell(final WalkersModel model)
    {
        return model.homes.emptyCell(0);
    }

    private static SimulationContext context(final int workers)
    {
        return new SimulationContext().model(new WalkersModel(WALKERS, 12)).seed(SEED).workers(workers).batchSize(8);
    }

    private static RecordsContext everyTick(final Path directory)
    {
        return new RecordsContext().checkpoints(directory, new CheckpointPolicy(0, 0, 0, 1, 1));
    }
}

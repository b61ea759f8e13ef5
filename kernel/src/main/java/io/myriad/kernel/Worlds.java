package io.myriad.kernel;

import java.util.ArrayList;
import java.util.List;

import io.myriad.kernel.checkpoint.Checkpoint;
import io.myriad.kernel.checkpoint.CheckpointException;
import io.myriad.kernel.checkpoint.CheckpointReader;
import io.myriad.kernel.event.EventQueue;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.rng.RngStream;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;
import io.myriad.layouts.Layout;

/**
 * Builds the world a simulation runs in: the one its model declares, with the kernel's own parts after the
 * model's (on the event clock its event queue, then the stream command handlers draw from), then either
 * initialised by the model or restored from a checkpoint and checked against the state hash the checkpoint
 * recorded.
 */
public final class Worlds
{
    /** The name of the event queue the kernel adds to a world on the event clock, after the model's parts. */
    public static final String EVENT_QUEUE = "kernel.events";
    /** The stream command handlers draw from; a part of every world, after the model's own. */
    public static final int COMMAND_STREAM = 0x4D59_0001;

    private Worlds()
    {
    }

    /**
     * Builds the world a model declares, with the kernel's own parts after the model's (the stream command
     * handlers draw from): the world a simulation of the model runs in, and the one a checkpoint of it restores
     * into.
     *
     * @param model  the model.
     * @param layout where the stores place their fields.
     * @param seed   the run's seed.
     * @return the world, every store empty.
     */
    public static World newWorld(final Model model, final Layout layout, final long seed)
    {
        final List<Part> parts = new ArrayList<>(model.parts());
        if (model.clock() == Clock.EVENTS)
        {
            parts.add(new EventQueue(EVENT_QUEUE, model.pendingEvents()));
        }
        parts.add(new RngStream("kernel.commands", COMMAND_STREAM));
        return new World(model.agentTypes(), parts, layout, seed);
    }

    /**
     * @param world a world from {@link #newWorld}.
     * @return the stream command handlers draw from.
     */
    public static RngStream commandStream(final World world)
    {
        return (RngStream)world.part(world.partCount() - 1);
    }

    /**
     * Builds the world of a simulation and gives it its first state: the model's initial one, or the checkpoint's
     * the context restores from, whose seed and state hash must match. Frees the world if anything fails.
     *
     * @param ctx a concluded context.
     * @return the world, ready for its first step.
     * @throws CheckpointException if the checkpoint is of another run, damaged, or restores to another state.
     */
    static World open(final SimulationContext ctx)
    {
        final JournalWriter journal = ctx.records().journal();
        if (journal != null && journal.header().seed() != ctx.seed())
        {
            throw new IllegalArgumentException("the journal's run start says seed " + journal.header().seed() +
                " but the simulation was given seed " + ctx.seed() + ": a replay of it would diverge; build both " +
                "from one seed (the ModelConfig's)");
        }
        final Checkpoint restoreFrom = ctx.restoreFrom();
        final World world = newWorld(ctx.model(), ctx.layout(), ctx.seed());
        try
        {
            if (restoreFrom == null)
            {
                ctx.model().initialise(world);
                return world;
            }
            if (restoreFrom.seed() != ctx.seed())
            {
                throw new CheckpointException("checkpoint " + restoreFrom.manifest() + " is of a run with seed " +
                    restoreFrom.seed() + ", not " + ctx.seed());
            }
            CheckpointReader.restore(restoreFrom, world);
            final long restoredHash = world.stateHash(restoreFrom.tick());
            if (restoredHash != restoreFrom.stateHash())
            {
                throw new CheckpointException("checkpoint " + restoreFrom.manifest() + " restores to state hash " +
                    StateHash.toHex(restoredHash) + ", not the " + StateHash.toHex(restoreFrom.stateHash()) +
                    " it recorded: the model keeps state outside its world, or its code or parameters changed " +
                    "since; try an older checkpoint, or 'myriad replay' to see where the runs part");
            }
            return world;
        }
        catch (final RuntimeException | Error ex)
        {
            // an OutOfMemoryError while the model sizes its own arrays must not strand the stores' direct memory
            world.close();
            throw ex;
        }
    }
}

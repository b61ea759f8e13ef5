package io.myriad.kernel.checkpoint;

import java.nio.file.Files;
import java.nio.file.Path;

import io.myriad.kernel.world.World;

/**
 * Takes a run's checkpoints: says when one is due under the run's {@link CheckpointPolicy}, writes it (or keeps the
 * whole one a first run left at the same tick), and prunes the oldest beyond the policy's {@code keep}.
 */
public final class Checkpointer
{
    private final Path directory;
    private final CheckpointPolicy policy;
    private final CheckpointWriter writer = new CheckpointWriter();
    private long lastTick;
    private long eventsAtLast;
    private double simTimeAtLast;
    private Checkpoint last;

    /**
     * @param directory    the run's checkpoint directory.
     * @param policy       when checkpoints are due and how many to keep.
     * @param startTick    the tick the run starts at.
     * @param startSimTime the sim time it starts at on the event clock, {@code NaN} on the tick clock.
     * @param restoredFrom the checkpoint the run was restored from, or null.
     */
    public Checkpointer(
        final Path directory,
        final CheckpointPolicy policy,
        final long startTick,
        final double startSimTime,
        final Checkpoint restoredFrom)
    {
        this.directory = directory;
        this.policy = policy;
        this.lastTick = startTick;
        this.simTimeAtLast = startSimTime;
        this.last = restoredFrom;
    }

    /**
     * @param tick    ticks done.
     * @param events  commands handled so far.
     * @param simTime sim time on the event clock, {@code NaN} on the tick clock.
     * @return true if the policy says a checkpoint is due now.
     */
    public boolean isDue(final long tick, final long events, final double simTime)
    {
        return policy.isDue(tick - lastTick, events - eventsAtLast, simTime - simTimeAtLast);
    }

    /**
     * Restarts the policy's count from now, after a checkpoint it asked for.
     *
     * @param tick    ticks done.
     * @param events  commands handled so far.
     * @param simTime sim time on the event clock, {@code NaN} on the tick clock.
     */
    public void scheduled(final long tick, final long events, final double simTime)
    {
        lastTick = tick;
        eventsAtLast = events;
        simTimeAtLast = simTime;
    }

    /**
     * Writes a checkpoint of the world now, atomically, unless a whole one of the same state is already there
     * (a resumed run passing a tick where the first run took one), and deletes the oldest beyond {@code keep}.
     *
     * @param world          the world, between steps.
     * @param tick           ticks done.
     * @param stateHash      the state hash now.
     * @param journalRecords records in the journal after its run start, or -1.
     * @param model          the model's name.
     * @return the checkpoint.
     */
    public Checkpoint take(
        final World world, final long tick, final long stateHash, final long journalRecords, final String model)
    {
        final Checkpoint existing = existing(tick, stateHash, journalRecords);
        last = existing != null ? existing : writer.write(directory, world, tick, stateHash, journalRecords, model);
        Checkpoints.prune(directory, policy.keep());
        return last;
    }

    /**
     * @return the last checkpoint written or restored from, or null.
     */
    public Checkpoint last()
    {
        return last;
    }

    private Checkpoint existing(final long tick, final long hash, final long journalRecords)
    {
        final Path manifest = directory.resolve(Checkpoints.stem(tick) + Checkpoints.MANIFEST_SUFFIX);
        if (!Files.exists(manifest))
        {
            return null;
        }
        try
        {
            final Checkpoint existing = Checkpoints.read(manifest);
            return existing.stateHash() == hash && existing.journalRecords() == journalRecords ? existing : null;
        }
        catch (final CheckpointException ex)
        {
            // An unreadable checkpoint at this tick is what a crash while it was written leaves behind (a resume
            // passes it over for the same reason); the one written now replaces it whole, so nothing is lost.
            return null;
        }
    }
}

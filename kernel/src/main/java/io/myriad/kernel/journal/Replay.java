package io.myriad.kernel.journal;

import java.nio.file.Path;

import io.myriad.kernel.DecisionsContext;
import io.myriad.kernel.RecordsContext;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.model.Model;

/**
 * Re-runs a journaled run and checks it: rebuilds the model from the journal's {@link RunHeader}, steps a fresh
 * simulation through the recorded ticks and compares its state hash with every hash the run recorded, stopping
 * at the first that differs. Nothing outside the journal is consulted, so a replay is a pure function of it.
 * <pre>{@code
 * try (Replay replay = Replay.open(runDirectory.resolve("journal"), new SimulationContext().workers(2)))
 * {
 *     replay.runTo(500);                       // checks the hashes recorded up to tick 500
 *     inspect(replay.simulation().store());    // the state after tick 500
 *     final Replay.Result result = replay.runToEnd();
 * }
 * }</pre>
 */
public final class Replay implements AutoCloseable
{
    private final RunHeader header;
    private final JournalScan scan;
    private final Simulation simulation;
    private long startNs;
    private long hashedTick = -1;
    private long hash;
    private int next;
    private int compared;
    private long inputsApplied;
    private Divergence divergence;

    private Replay(final JournalScan scan, final Simulation simulation)
    {
        this.header = scan.header();
        this.scan = scan;
        this.simulation = simulation;
        this.startNs = System.nanoTime();
    }

    /**
     * Reads the journal, rebuilds its run and launches a simulation of it at tick 0.
     *
     * @param journalDirectory the journal.
     * @param context          how to run the replay (workers, batch size, layout, ...); its model is set here, and
     *                         its records and decider are replaced with none: a replay writes no journal, checkpoint
     *                         or metrics, and takes decisions' outcomes from the journal.
     * @return the replay, at tick 0, nothing compared yet.
     * @throws JournalException if the journal is missing or damaged, or its run cannot be rebuilt.
     */
    public static Replay open(final Path journalDirectory, final SimulationContext context)
    {
        final JournalScan scan = JournalScan.read(journalDirectory);
        final RunHeader header = scan.header();
        final Model model = header.createModel(journalDirectory);
        final Simulation simulation = Simulation.launch(context.model(model).seed(header.seed())
            .records(new RecordsContext()).decisions(new DecisionsContext().replaying(true)).restoreFrom(null));
        final Replay replay = new Replay(scan, simulation);
        // the initial state is checked before the clock starts, as a run hashes it while it launches
        replay.runTo(0);
        replay.startNs = System.nanoTime();
        return replay;
    }

    /**
     * @return what the journal says the run was.
     */
    public RunHeader header()
    {
        return header;
    }

    /**
     * @return the replaying simulation; step it only through this replay.
     */
    public Simulation simulation()
    {
        return simulation;
    }

    /**
     * @return the last tick with a recorded hash: where {@link #runToEnd()} stops.
     */
    public long lastRecordedTick()
    {
        return scan.lastTick();
    }

    /**
     * @return what {@link JournalReader#tornTail()} found at the journal's end, or null if it ends cleanly.
     */
    public String tornTail()
    {
        return scan.tornTail();
    }

    /**
     * @return true if the journal holds the run's end record, false if the run stopped without closing.
     */
    public boolean isRunEnded()
    {
        return scan.isEnded();
    }

    /**
     * Advances to {@code tick}, comparing every hash recorded on the way; stops early at a divergence.
     *
     * @param tick the tick to reach, at least the current one.
     * @return true if every hash compared so far matched.
     */
    public boolean runTo(final long tick)
    {
        if (tick < simulation.tick())
        {
            throw new IllegalArgumentException(
                "replay is at tick " + simulation.tick() + ", cannot go back to " + tick);
        }
        while (divergence == null)
        {
            if (next < scan.size() && scan.tick(next) <= tick)
            {
                final int position = next++;
                final RecordType type = scan.type(position);
                final long recordTick = scan.tick(position);
                if (type == RecordType.STATE_HASH || type == RecordType.RUN_END)
                {
                    simulation.run(recordTick - simulation.tick());
                    final long actual = hashNow();
                    final long expected = scan.hash(position);
                    compared++;
                    if (actual != expected)
                    {
                        divergence = new Divergence(recordTick, expected, actual);
                    }
                }
                else if (type == RecordType.INPUT)
                {
                    simulation.run(recordTick - simulation.tick());
                    simulation.input(scan.inputKind(position), scan.inputTarget(position), scan.inputData(),
                        scan.inputDataOffset(position), scan.inputDataLength(position));
                    inputsApplied++;
                    hashedTick = -1; // the input changed the state at this tick: hash it again
                }
            }
            else
            {
                simulation.run(tick - simulation.tick());
                break;
            }
        }
        return divergence == null;
    }

    /**
     * A state hash and a run end for the same tick are compared with one computation of the hash.
     */
    private long hashNow()
    {
        if (hashedTick != simulation.tick())
        {
            hash = simulation.stateHash();
            hashedTick = simulation.tick();
        }
        return hash;
    }

    /**
     * Advances to the last recorded hash, comparing all of them, or to the first divergence.
     *
     * @return the outcome.
     */
    public Result runToEnd()
    {
        runTo(lastRecordedTick());
        return result();
    }

    /**
     * @return the outcome so far.
     */
    public Result result()
    {
        final long wallNs = System.nanoTime() - startNs;
        final double seconds = wallNs / 1e9;
        // on the event clock an event activates one agent: the events are the updates
        final double updates = simulation.world().events() != null ? simulation.eventsTaken() :
            (double)header.agents() * simulation.tick();
        return new Result(divergence == null, compared, divergence, simulation.tick(), hashNow(),
            seconds > 0 ? updates / seconds : 0.0, wallNs);
    }

    /**
     * @return journaled inputs applied so far.
     */
    public long inputsApplied()
    {
        return inputsApplied;
    }

    /**
     * Closes the simulation.
     */
    public void close()
    {
        simulation.close();
    }

    /**
     * The first recorded hash that the replay did not reproduce.
     *
     * @param tick     ticks done when it was recorded.
     * @param expected the recorded hash.
     * @param actual   the replay's hash.
     */
    public record Divergence(long tick, long expected, long actual)
    {
    }

    /**
     * What a replay found.
     *
     * @param verified              true if every compared hash matched.
     * @param hashesCompared        recorded hashes compared.
     * @param firstDivergence       the first mismatch, or null.
     * @param tick                  where the replay stopped.
     * @param stateHash             the replay's hash there.
     * @param agentUpdatesPerSecond initial agents times ticks replayed (events, on the event clock), over the wall time
     *                              since the replay opened
     *                              (after the initial state's check, as a run's time starts after its launch).
     * @param wallNs                wall time since the replay opened, after the initial state's check.
     */
    public record Result(
        boolean verified,
        int hashesCompared,
        Divergence firstDivergence,
        long tick,
        long stateHash,
        double agentUpdatesPerSecond,
        long wallNs)
    {
    }
}

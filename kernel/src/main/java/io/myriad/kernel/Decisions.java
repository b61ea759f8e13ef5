package io.myriad.kernel;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.Long2ObjectHashMap;

import io.myriad.kernel.decide.AnswerCache;
import io.myriad.kernel.decide.AnswerDescriptor;
import io.myriad.kernel.decide.DecisionCounts;
import io.myriad.kernel.decide.DecisionMode;
import io.myriad.kernel.decide.DecisionRequest;
import io.myriad.kernel.decide.DecisionResult;
import io.myriad.kernel.decide.DecisionRunner;
import io.myriad.kernel.decide.DecisionTable;
import io.myriad.kernel.decide.RateLimit;
import io.myriad.kernel.decide.RecentDecisions;
import io.myriad.kernel.event.EventQueue;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.world.World;

/**
 * A simulation's decisions, on its driving thread: sends the requests each step took to the decider (through a
 * {@link DecisionRunner}), and turns what comes back into journaled outcomes that schedule the agents' actions.
 * Measured: an outcome takes effect at the first step boundary after it arrives, at {@code t + wall latency x time
 * scale}. Modelled: at the boundary where sim time reaches its due time, which waits for it; so the boundary, and
 * the journal, are the same however long the decider took.
 * <p>
 * Without a decider, and while a resume catches up with its journal, outcomes come from the journal alone and
 * nothing is sent. Read the counts and latencies from any thread between steps, or the status from
 * {@code Simulation.control()}.
 */
public final class Decisions implements AutoCloseable
{
    private static final long HIGHEST_LATENCY_MS = TimeUnit.HOURS.toMillis(1);

    private final Simulation simulation;
    private final DecisionTable table;
    private final EventQueue events;
    private final World world;
    private final JournalWriter journal;
    private final double maxSimTime;
    private final DecisionRunner runner;
    private final Long2ObjectHashMap<DecisionResult> arrived = new Long2ObjectHashMap<>();
    private final ExpandableArrayBuffer outcome = new ExpandableArrayBuffer(1024);
    private final Histogram latencyMs = new Histogram(HIGHEST_LATENCY_MS, 3);
    private long dispatchedUpTo = -1;
    private volatile String lastError;
    private final RecentDecisions recent = new RecentDecisions();
    private long errors;

    Decisions(final Simulation simulation, final SimulationContext ctx, final World world)
    {
        this.simulation = simulation;
        this.world = world;
        this.table = world.decisions();
        this.events = world.events();
        this.journal = ctx.records().journal();
        this.maxSimTime = ctx.maxSimTime();
        final DecisionsContext settings = ctx.decisions();
        if (table != null && events == null)
        {
            throw new IllegalArgumentException("the model declares a decision table but runs on the tick clock: " +
                "decisions take effect as events, so declare Model.clock() as Clock.EVENTS");
        }
        if (table != null && settings.decider() == null && !settings.isReplaying())
        {
            throw new IllegalArgumentException("the model decides through a decider, and none was given: give one " +
                "with SimulationContext.decisions(new DecisionsContext().decider(...)), e.g. a ScriptedDecider");
        }
        this.runner = table == null || settings.decider() == null ? null : new DecisionRunner(settings.decider(),
            settings.concurrency(),
            new RateLimit(settings.requestsPerMinute(), settings.tokensPerMinute(), System.nanoTime()),
            settings.timeoutNs(), settings.cache() == null ? null : AnswerCache.open(settings.cache()),
            Configuration.daemonThreads("myriad-decider"));
    }

    /**
     * @return agents with a decision in flight.
     */
    public int thinking()
    {
        return table == null ? 0 : table.size();
    }

    /**
     * @return decisions sent to the decider or waiting to be sent.
     */
    public int atDecider()
    {
        return runner == null ? 0 : runner.atDecider() + runner.waiting();
    }

    /**
     * @return the run's counts of requests and outcomes, or null if the model decides through no decider.
     */
    public DecisionCounts counts()
    {
        return table == null ? null : table.counts();
    }

    /**
     * @return wall milliseconds from dispatch to answer of the outcomes applied (cached ones take 0); owned by the
     *         driving thread.
     */
    public Histogram latencyMs()
    {
        return latencyMs;
    }

    /**
     * @return the newest questions sent to the decider and answers taken, for people watching; any thread.
     */
    public RecentDecisions recent()
    {
        return recent;
    }

    /**
     * @return what went wrong with the last decision that timed out or failed, or null.
     */
    public String lastError()
    {
        return lastError;
    }

    /**
     * @return decisions that timed out or failed in this process.
     */
    public long errors()
    {
        return errors;
    }

    /**
     * Before a step: applies the outcomes whose boundary this is, and says whether the step may start.
     *
     * @return false when the step must wait for an answer.
     */
    boolean ready()
    {
        if (table == null)
        {
            return true;
        }
        final boolean live = isLive();
        if (live)
        {
            dispatch();
            for (DecisionResult result = runner.poll(); result != null; result = runner.poll())
            {
                if (table.mode() == DecisionMode.MEASURED)
                {
                    final double measured = result.request().time() + result.latencyNs() * 1e-9 *
                        simulation.pacer().timeScale();
                    take(result, Math.max(events.now(), measured));
                }
                else
                {
                    arrived.put(result.request().id(), result);
                }
            }
        }
        if (table.mode() == DecisionMode.MODELLED)
        {
            while (table.isDueBy(events.nextTime()))
            {
                final long id = table.firstDueId();
                final DecisionResult result = arrived.remove(id);
                if (result == null)
                {
                    return live ? waiting() : missing(id);
                }
                take(result, table.due(id));
            }
        }
        else if (table.size() > 0 && (events.isEmpty() || events.nextTime() > maxSimTime))
        {
            // measured: no step is due in time, but an answer in flight may bring one
            return live ? waiting() : missing(-1);
        }
        return true;
    }

    /**
     * After a step: sends the requests it made.
     */
    void stepped()
    {
        if (table == null)
        {
            return;
        }
        if (isLive())
        {
            dispatch();
        }
        simulation.control().publishDecisions(thinking(), atDecider());
    }

    /**
     * Applies a journaled outcome, live, on replay or while catching up; {@code ControlActions.check} has checked
     * that the run has a decision table and that the bytes hold an outcome.
     */
    void apply(final DirectBuffer data, final int offset)
    {
        table.apply(events, world, data, offset);
        latencyMs.recordValue(Math.min(HIGHEST_LATENCY_MS,
            TimeUnit.NANOSECONDS.toMillis(AnswerDescriptor.latencyNs(data, offset))));
    }

    @Override
    public void close()
    {
        if (runner != null)
        {
            runner.close();
        }
    }

    private boolean isLive()
    {
        return runner != null && (journal == null || !journal.isCatchingUp());
    }

    private void dispatch()
    {
        if (dispatchedUpTo < 0)
        {
            // the first time live: everything in flight, a restored run's and a caught-up one's too
            for (final long id : table.idsInFlight())
            {
                submit(table.request(id));
            }
        }
        else
        {
            for (long id = dispatchedUpTo, end = table.nextId(); id < end; id++)
            {
                final DecisionRequest request = table.request(id);
                if (request != null)
                {
                    submit(request);
                }
            }
        }
        dispatchedUpTo = table.nextId();
    }

    private void submit(final DecisionRequest request)
    {
        runner.submit(request);
        recent.asked(request);
    }

    private boolean waiting()
    {
        simulation.control().publishDecisions(thinking(), atDecider());
        return false;
    }

    private boolean missing(final long id)
    {
        throw new IllegalStateException("the journal holds no outcome for " +
            (id < 0 ? "the decisions in flight" : "decision " + id) + ", which the run needs next: it ends here");
    }

    private void take(final DecisionResult result, final double time)
    {
        if (result.answer() == null)
        {
            throw new IllegalStateException(result.request() + " has no outcome: " + result.error());
        }
        if (result.error() != null)
        {
            lastError = result.request() + ": " + result.error();
            errors++;
        }
        recent.answered(result);
        final int length = AnswerDescriptor.encode(outcome, result.request().id(), time, result.answer(),
            result.outcome(), result.latencyNs(), result.prompt());
        simulation.input(AnswerDescriptor.INPUT_KIND, result.request().agent(), outcome, 0, length);
    }
}

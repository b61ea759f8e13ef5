package io.myriad.kernel;

import java.util.ArrayList;
import java.util.List;

import io.myriad.kernel.checkpoint.Checkpoint;
import io.myriad.kernel.checkpoint.Checkpointer;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.metrics.Metric;
import io.myriad.kernel.metrics.MetricsTable;
import io.myriad.kernel.metrics.MetricsWriter;
import io.myriad.kernel.observe.RunObserver;
import io.myriad.kernel.world.World;
import io.myriad.layouts.ModuleAccess;

/**
 * What a run leaves behind as it goes, between ticks on the driving thread: the journal's state hashes (at tick 0,
 * every {@code hashEvery} ticks and at every checkpoint), the checkpoints its policy asks for, the metrics rows (at
 * the start, every {@code metricsEvery} ticks and at the end; on the event clock each row says its sim time first),
 * and the run's end.
 * <p>
 * A run that continues a stopped run's metrics file writes only the rows that file does not hold yet: none at its
 * start unless the start is on the cadence, and none while it re-executes ticks whose rows are there already.
 */
final class RunRecords
{
    /** The first value column of {@code metrics.csv} on the event clock: the sim time of the row's step. */
    static final String SIM_TIME_COLUMN = "sim_time";

    private final World world;
    private final JournalWriter journal;
    private final long hashEvery;
    private final Checkpointer checkpointer;
    private final Checkpoint restoredFrom;
    private final String modelName;
    private final MetricsTable metrics;
    private final MetricsWriter metricsWriter;
    private final int metricsEvery;
    private final boolean metricsContinued;
    private final double[] row;
    private final boolean timed;
    private long lastMetricsTick;
    private final RunObserver observer;
    private final List<String> header;

    RunRecords(final SimulationContext ctx, final World world, final long startTick)
    {
        final RecordsContext records = ctx.records();
        this.world = world;
        this.journal = records.journal();
        this.hashEvery = journal == null ? 0 : journal.hashEvery();
        this.restoredFrom = ctx.restoreFrom();
        if (records.checkpointDirectory() != null)
        {
            // before the first checkpoint, which would otherwise fail half-written
            ModuleAccess.require("checkpoints", ModuleAccess.Need.OFF_HEAP, ModuleAccess.Need.CHECKSUMS);
        }
        this.checkpointer = records.checkpointDirectory() == null ? null :
            new Checkpointer(records.checkpointDirectory(), records.checkpointPolicy(), startTick,
                world.events() == null ? Double.NaN : world.events().now(), restoredFrom);
        this.modelName = ctx.modelName();
        final List<Metric> declared = new ArrayList<>();
        for (int t = 0; t < world.typeCount(); t++)
        {
            declared.add(Metric.count(world.type(t).name(), world.type(t)));
        }
        declared.addAll(ctx.model().metrics());
        this.metrics = new MetricsTable(declared);
        this.metricsEvery = records.metricsEvery();
        // on the event clock, a row says the sim time it was taken at, before the metrics
        this.timed = world.events() != null;
        this.row = new double[metrics.columns() + (timed ? 1 : 0)];
        final List<String> columns = new ArrayList<>();
        if (timed)
        {
            columns.add(SIM_TIME_COLUMN);
        }
        columns.addAll(metrics.header());
        this.header = List.copyOf(columns);
        this.observer = ctx.observer();
        this.metricsContinued = records.metricsKeptUpTo() != RecordsContext.NEW_METRICS_FILE;
        if (records.metricsFile() == null)
        {
            this.metricsWriter = null;
        }
        else if (metricsContinued)
        {
            this.metricsWriter = MetricsWriter.resume(records.metricsFile(), header, metricsEvery,
                records.metricsKeptUpTo(), startTick);
        }
        else
        {
            this.metricsWriter = MetricsWriter.open(records.metricsFile(), header);
        }
        this.lastMetricsTick = metricsWriter == null ? -1 : metricsWriter.lastStep();
    }

    /**
     * The run starts: a fresh run journals its initial state's hash; a restored one's is in the journal already.
     */
    void started(final long tick)
    {
        if (tick > lastMetricsTick && (!metricsContinued || tick % metricsEvery == 0))
        {
            writeMetrics(tick);
        }
        if (journal != null && restoredFrom == null)
        {
            journal.stateHash(0, world.stateHash(0), liveAgents());
        }
    }

    /**
     * A tick ended: journal its hash if one is due, and take a checkpoint if the policy says so.
     *
     * @param tick    ticks done.
     * @param events  commands handled so far.
     * @param simTime sim time on the event clock, {@code NaN} on the tick clock.
     */
    void tickEnded(final long tick, final long events, final double simTime)
    {
        if ((metricsWriter != null || observer != null) && metricsEvery > 0 && tick % metricsEvery == 0 &&
            tick > lastMetricsTick)
        {
            writeMetrics(tick);
        }
        final boolean checkpointDue = checkpointer != null && checkpointer.isDue(tick, events, simTime);
        if (journal != null && (checkpointDue || (hashEvery != 0 && tick % hashEvery == 0)))
        {
            journal.stateHash(tick, world.stateHash(tick), liveAgents());
        }
        if (checkpointDue)
        {
            checkpoint(tick);
            checkpointer.scheduled(tick, events, simTime);
        }
    }

    Checkpoint checkpoint(final long tick)
    {
        if (checkpointer == null)
        {
            throw new IllegalStateException("no checkpoint directory: set RecordsContext.checkpoints(directory, " +
                "policy)");
        }
        if (metricsWriter != null)
        {
            metricsWriter.flush(); // a resume from this checkpoint finds every row up to it in the file
        }
        long journalRecords = -1;
        if (journal != null)
        {
            journal.flush();
            journalRecords = journal.position();
        }
        return checkpointer.take(world, tick, world.stateHash(tick), journalRecords, modelName);
    }

    Checkpoint lastCheckpoint()
    {
        return checkpointer == null ? restoredFrom : checkpointer.last();
    }

    /**
     * The run ends at {@code tick}: journal its end, flagged when the run was over, unless a resumed run closes
     * before it caught up with its journal, or closes again where its journal already ends; either adds nothing.
     */
    void ended(final long tick, final boolean over)
    {
        if (tick > lastMetricsTick)
        {
            writeMetrics(tick);
        }
        if (journal != null && !journal.isCatchingUp() && !journal.isEndRecordedAt(tick))
        {
            journal.runEnd(tick, world.stateHash(tick), liveAgents(), over);
            journal.flush();
        }
    }

    /**
     * Writes every row handed over and closes the metrics file.
     */
    void close()
    {
        if (metricsWriter != null)
        {
            metricsWriter.close();
        }
    }

    /**
     * @return the columns of a metrics row, as {@code metrics.csv} heads them after its step.
     */
    List<String> metricsColumns()
    {
        return header;
    }

    private void writeMetrics(final long tick)
    {
        if (metricsWriter != null || observer != null)
        {
            if (timed)
            {
                row[0] = world.events().now();
            }
            metrics.compute(world, row, timed ? 1 : 0);
            if (metricsWriter != null)
            {
                metricsWriter.write(tick, row);
            }
            if (observer != null)
            {
                observer.metricsRow(tick, row);
            }
            lastMetricsTick = tick;
        }
    }

    /**
     * Agents alive over every type, as the journal's records hold them (an int32; a world of more is clamped).
     */
    private int liveAgents()
    {
        return (int)Math.min(world.liveCount(), Integer.MAX_VALUE);
    }
}

package io.myriad.tools.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

import io.myriad.kernel.Simulation;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.tools.scenario.RunSettings;

/**
 * The figures of one finished run.
 *
 * @param model                  the model's name.
 * @param preset                 the preset applied, or null.
 * @param agents                 agents alive at the end.
 * @param ticks                  ticks run: steps, on the event clock.
 * @param time                   the run's clock, sim time and events.
 * @param threads                compute threads, the driving thread included.
 * @param seed                   the run's seed.
 * @param layout                 memory layout of the agent store.
 * @param batchSize              agents per batch.
 * @param waitStrategy           how workers waited between batches.
 * @param wallSeconds            wall time of the ticks timed, setup excluded (in a resume, the ticks after its
 *                               catch-up).
 * @param agentUpdatesPerSecond  agents times the ticks timed over wall seconds; on the event clock, events
 *                               (each activates one agent) over wall seconds.
 * @param tickP50Ns              median tick latency in nanoseconds.
 * @param tickP99Ns              99th percentile tick latency in nanoseconds.
 * @param tickP999Ns             99.9th percentile tick latency in nanoseconds.
 * @param tickMaxNs              longest tick in nanoseconds.
 * @param allocatedBytesPerTick  median bytes allocated per steady-state tick by the simulation's threads, -1 if
 *                               unknown: 0 when the compiled code allocates nothing, however the JIT settled.
 * @param allocatedBytesMean     mean bytes allocated per steady-state tick, -1 if unknown: warm-up garbage that
 *                               lasted past the warm-up ticks shows here and in {@code ticksThatAllocated}, not in
 *                               the median.
 * @param ticksThatAllocated     steady-state ticks that allocated anything, -1 if unknown.
 * @param allocationTicks        ticks those figures are measured over: those after the warm-up ticks.
 * @param stateHash              the state hash after the last tick.
 * @param javaVersion            the JVM's version.
 * @param metrics                the model's figures after the last tick, in its order.
 * @param parameters             every model parameter's value, in declaration order.
 * @param scenario               the scenario file as named, or null when the run had none.
 * @param runDirectory           where the run's files are, as a path relative to the working directory if under it.
 * @param journal                the run's journal, or null when it wrote none.
 */
public record RunSummary(
    String model,
    String preset,
    long agents,
    long ticks,
    Time time,
    int threads,
    long seed,
    String layout,
    int batchSize,
    String waitStrategy,
    double wallSeconds,
    double agentUpdatesPerSecond,
    long tickP50Ns,
    long tickP99Ns,
    long tickP999Ns,
    long tickMaxNs,
    long allocatedBytesPerTick,
    double allocatedBytesMean,
    long ticksThatAllocated,
    long allocationTicks,
    long stateHash,
    String javaVersion,
    Map<String, Double> metrics,
    Map<String, Object> parameters,
    String scenario,
    String runDirectory,
    Journal journal)
{
    /**
     * Copies the maps so the summary is immutable.
     *
     * @param model                  the model's name.
     * @param preset                 the preset applied, or null.
     * @param agents                 agents alive at the end.
     * @param ticks                  ticks run.
     * @param time                   the run's clock, sim time and events.
     * @param threads                compute threads.
     * @param seed                   the run's seed.
     * @param layout                 memory layout.
     * @param batchSize              agents per batch.
     * @param waitStrategy           wait strategy.
     * @param wallSeconds            wall time of the ticks.
     * @param agentUpdatesPerSecond  agent updates per second.
     * @param tickP50Ns              median tick latency.
     * @param tickP99Ns              99th percentile tick latency.
     * @param tickP999Ns             99.9th percentile tick latency.
     * @param tickMaxNs              longest tick.
     * @param allocatedBytesPerTick  median bytes allocated per tick, -1 if unknown.
     * @param allocatedBytesMean     mean bytes allocated per tick, -1 if unknown.
     * @param ticksThatAllocated     ticks that allocated anything, -1 if unknown.
     * @param allocationTicks        ticks the allocation figures are measured over.
     * @param stateHash              the state hash.
     * @param javaVersion            the JVM's version.
     * @param metrics                the model's figures.
     * @param parameters             the model's parameters.
     * @param scenario               the scenario file, or null.
     * @param runDirectory           where the run's files are.
     * @param journal                the run's journal, or null.
     */
    public RunSummary
    {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Reads a finished run's figures. Call between ticks, on the thread that drove the simulation.
     *
     * @param settings     the run's settings.
     * @param sim          the simulation, after its last tick.
     * @param firstTick    the tick at which the wall time started: 0 for a run, where a resume's catch-up ended.
     * @param firstEvents  events taken by then.
     * @param wallNanos    wall time of the ticks from {@code firstTick} to the simulation's tick.
     * @param runDirectory where the run's files go.
     * @return the summary, without its journal's figures ({@link #withJournal(Journal)} adds them).
     */
    public static RunSummary of(
        final RunSettings settings,
        final Simulation sim,
        final long firstTick,
        final long firstEvents,
        final long wallNanos,
        final String runDirectory)
    {
        final long live = sim.world().liveCount();
        final double wallSeconds = Math.max(wallNanos, 1) / 1e9;
        final Histogram latency = sim.tickLatency();
        final Map<String, Double> metrics = sim.model().observe(sim.lastTickMetrics(), sim.world());
        final boolean events = sim.world().events() != null;
        final double eventsPerSecond = (sim.eventsTaken() - firstEvents) / wallSeconds;
        final Histogram lag = sim.pacer().lag();
        final Time time = new Time(events ? "events" : "ticks", sim.simTime(), sim.eventsTaken(),
            events ? eventsPerSecond : 0.0, sim.pacer().timeScale(), lag.getValueAtPercentile(50.0),
            lag.getValueAtPercentile(99.0), lag.getMaxValue(), DecisionFigures.of(sim.decisions()));
        return new RunSummary(
            settings.model(),
            settings.preset(),
            live,
            sim.tick(),
            time,
            settings.threads(),
            settings.seed(),
            settings.layout().name(),
            settings.batchSize(),
            settings.waitStrategy(),
            wallSeconds,
            events ? eventsPerSecond : (double)live * (sim.tick() - firstTick) / wallSeconds,
            latency.getValueAtPercentile(50.0),
            latency.getValueAtPercentile(99.0),
            latency.getValueAtPercentile(99.9),
            latency.getMaxValue(),
            sim.allocation().medianBytesPerStep(),
            sim.allocation().meanBytesPerStep(),
            sim.allocation().isSupported() ? sim.allocation().stepsThatAllocated() : -1,
            sim.allocation().steadySteps(),
            sim.stateHash(),
            System.getProperty("java.version"),
            metrics,
            settings.parameters(),
            settings.scenario(),
            runDirectory,
            null);
    }

    /**
     * @param figures what the run's journal holds.
     * @return this summary with them.
     */
    public RunSummary withJournal(final Journal figures)
    {
        return new RunSummary(model, preset, agents, ticks, time, threads, seed, layout, batchSize, waitStrategy,
            wallSeconds, agentUpdatesPerSecond, tickP50Ns, tickP99Ns, tickP999Ns, tickMaxNs, allocatedBytesPerTick,
            allocatedBytesMean, ticksThatAllocated, allocationTicks, stateHash, javaVersion, metrics, parameters,
            scenario, runDirectory, figures);
    }

    /**
     * The run's clock and how far it went.
     *
     * @param clock           {@code ticks} or {@code events}.
     * @param simTime         sim time after the last step: the ticks on the tick clock (a second a tick), the last
     *                        step's events' time on the event clock.
     * @param events          events taken by steps, 0 on the tick clock.
     * @param eventsPerSecond events taken over the wall seconds timed, 0 on the tick clock.
     * @param timeScale       sim seconds a wall second the run was paced at, 0 when it ran as fast as it could.
     * @param lagP50Ns        when paced, the median of how late steps started after their due wall time.
     * @param lagP99Ns        the 99th percentile of it.
     * @param lagMaxNs        the most of it.
     * @param decisions       what the decisions came to, or null when the model decides through no decider.
     */
    public record Time(
        String clock, double simTime, long events, double eventsPerSecond, double timeScale, long lagP50Ns,
        long lagP99Ns, long lagMaxNs, DecisionFigures decisions)
    {
    }

    /**
     * What a run's journal holds.
     *
     * @param directory where it is, as the run directory is shown.
     * @param level     what it records.
     * @param hashEvery ticks between its state hashes.
     * @param records   records written, the run's start not counted.
     * @param stalls    times the simulation waited for the journal stage to make room.
     */
    public record Journal(String directory, String level, long hashEvery, long records, long stalls)
    {
        /**
         * @param directory where the journal is, as the run directory is shown.
         * @param settings  the run's settings.
         * @param writer    the run's journal, closed or about to be.
         * @return what it holds.
         */
        public static Journal of(final String directory, final RunSettings settings, final JournalWriter writer)
        {
            return new Journal(directory, settings.journalLevel().label(), settings.hashEvery(), writer.records(),
                writer.stalls());
        }
    }
}

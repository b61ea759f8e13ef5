package io.myriad.tools.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runs a server hosts, by id, in the order they started. At most {@link #MAX_ACTIVE} run at once: a machine's
 * cores are shared by a run's workers, and more runs only make each slower.
 */
public final class Runs
{
    /** Runs starting or running at once, at most. */
    public static final int MAX_ACTIVE = 4;
    /** Runs that ended kept for clients, at most; the oldest are let go (their run directories stay). */
    public static final int MAX_ENDED = 32;

    private final ConcurrentSkipListMap<Integer, HostedRun> byNumber = new ConcurrentSkipListMap<>();
    private final AtomicInteger next = new AtomicInteger(1);
    private final RunFactory factory;

    /**
     * @param factory starts the runs the API asks for.
     */
    public Runs(final RunFactory factory)
    {
        this.factory = factory;
    }

    /**
     * @return what starts runs.
     */
    public RunFactory factory()
    {
        return factory;
    }

    /**
     * Starts a run the API asked for.
     *
     * @param request the request's JSON.
     * @return the run, starting.
     * @throws RequestException if the request is wrong (400) or {@link #MAX_ACTIVE} runs are active (409).
     */
    public synchronized HostedRun start(final Map<String, Object> request)
    {
        if (active() >= MAX_ACTIVE)
        {
            throw new RequestException(409, MAX_ACTIVE + " runs are active already: stop one " +
                "(POST /api/runs/ID/stop) and start again");
        }
        final int number = next.get();
        final HostedRun run = factory.start("run-" + number, request);
        next.incrementAndGet();
        byNumber.put(number, run);
        letGoOfOldRuns();
        return run;
    }

    /**
     * Hosts a run started elsewhere ({@code myriad run --serve}).
     *
     * @param label     what it runs.
     * @param model     its model.
     * @param directory its run directory.
     * @return the run, for its driving thread to attach.
     */
    public synchronized HostedRun host(final String label, final String model, final java.nio.file.Path directory)
    {
        final int number = next.getAndIncrement();
        final HostedRun run = new HostedRun("run-" + number, label, model, directory);
        byNumber.put(number, run);
        letGoOfOldRuns();
        return run;
    }

    /**
     * @param id a run's id.
     * @return the run, or null.
     */
    public HostedRun get(final String id)
    {
        if (id == null || !id.startsWith("run-"))
        {
            return null;
        }
        try
        {
            return byNumber.get(Integer.parseInt(id.substring(4)));
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }

    /**
     * @return every run, oldest first.
     */
    public List<HostedRun> all()
    {
        return new ArrayList<>(byNumber.values());
    }

    /**
     * Called with the registry's lock held.
     */
    private void letGoOfOldRuns()
    {
        int ended = 0;
        for (final Map.Entry<Integer, HostedRun> entry : byNumber.descendingMap().entrySet())
        {
            final HostedRun.State state = entry.getValue().state();
            if ((state == HostedRun.State.FINISHED || state == HostedRun.State.FAILED) && ++ended > MAX_ENDED)
            {
                byNumber.remove(entry.getKey());
            }
        }
    }

    private int active()
    {
        int active = 0;
        for (final HostedRun run : byNumber.values())
        {
            if (run.state() == HostedRun.State.STARTING || run.state() == HostedRun.State.RUNNING)
            {
                active++;
            }
        }
        return active;
    }
}

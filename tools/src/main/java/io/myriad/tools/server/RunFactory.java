package io.myriad.tools.server;

import java.util.List;
import java.util.Map;

/**
 * What starts runs for the control server: the command line's scenarios, models and settings, behind an interface
 * so that the server knows nothing of how a scenario is read.
 */
public interface RunFactory
{
    /**
     * @return the scenarios a run can start from: each with its {@code name} and what it runs.
     */
    List<Map<String, Object>> scenarios();

    /**
     * @return the models, each with its {@code name}, description and parameters.
     */
    List<Map<String, Object>> models();

    /**
     * Checks a request, plans its run and starts it on a thread of its own, which attaches the simulation to the
     * run it returns.
     *
     * @param id      the new run's id.
     * @param request the request's JSON: {@code scenario} or {@code model}, {@code settings}, {@code params},
     *                {@code paused}.
     * @return the run, starting.
     * @throws RequestException (400) naming what is wrong with the request; nothing is then started or written.
     */
    HostedRun start(String id, Map<String, Object> request);
}

package io.myriad.tools.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.myriad.kernel.Clock;
import io.myriad.kernel.Decisions;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.control.Control;
import io.myriad.kernel.decide.DecisionRequest;
import io.myriad.kernel.decide.DecisionResult;
import io.myriad.kernel.model.ExternalEvent;
import io.myriad.kernel.observe.NetworkView;
import io.myriad.kernel.observe.Scene;
import io.myriad.kernel.observe.Snapshots;

/**
 * A run the control server hosts: started from the API or the dashboard, or the one {@code myriad run --serve}
 * runs. Its driving thread {@link #attach attaches} the simulation once launched and says when it ended; any
 * thread reads its state and steers it through its {@link Control}. What observers see comes from its
 * {@link Snapshots}, taken at step boundaries.
 */
public final class HostedRun
{
    /** Where a run is in its life. */
    public enum State
    {
        /** Planned and launching. */
        STARTING,
        /** Launched: running, paused or waiting. */
        RUNNING,
        /** Its steps are done, or it was stopped; its summary is written. */
        FINISHED,
        /** It failed; {@link #error()} says why. */
        FAILED
    }

    private static final int RECENT = 10;
    private static final int TEXT = 120;

    private final String id;
    private final String label;
    private final String model;
    private final Path directory;
    private final Snapshots snapshots = new Snapshots();
    private volatile Simulation simulation;
    private volatile Scene scene;
    private volatile List<String> metricsColumns = List.of();
    private volatile List<ExternalEvent> externalEvents = List.of();
    private volatile Clock clock = Clock.TICKS;
    private volatile State state = State.STARTING;
    private volatile String error;
    private volatile String summaryJson;

    /**
     * @param id        the run's id in the server.
     * @param label     what it was started from: a scenario's name, or a model's.
     * @param model     the model's name.
     * @param directory the run directory its journal, metrics and summary go to.
     */
    public HostedRun(final String id, final String label, final String model, final Path directory)
    {
        this.id = id;
        this.label = label;
        this.model = model;
        this.directory = directory;
    }

    /**
     * Driving thread, once the simulation is launched and before its first step.
     *
     * @param launched the simulation.
     */
    public void attach(final Simulation launched)
    {
        this.scene = Scene.of(launched.world());
        this.metricsColumns = launched.metricsColumns();
        this.externalEvents = launched.model().externalEvents();
        this.clock = launched.model().clock();
        this.simulation = launched;
        this.state = State.RUNNING;
    }

    /**
     * Driving thread, after the last step and before the simulation closes: takes a last frame of every view a
     * client asks for by default (every type's points, every grid layer, every small network), so that the run's
     * end stays drawable.
     *
     * @param ended the simulation, between steps.
     */
    public void lastFrames(final Simulation ended)
    {
        try
        {
            for (final Scene.Points points : scene.points())
            {
                snapshots.points(points, null, RunSocket.DEFAULT_MAX_POINTS).request();
            }
            for (final Scene.Layer layer : scene.layers())
            {
                snapshots.grid(layer, RunSocket.DEFAULT_MAX_CELLS).request();
            }
            for (final Scene.Network network : scene.networks())
            {
                if (network.nodes() <= NetworkView.MAX_NODES && network.links() <= NetworkView.MAX_LINKS)
                {
                    snapshots.network(network, null).request();
                }
            }
        }
        catch (final IllegalArgumentException full)
        {
            // clients asked for every view the run keeps: the views they made still get their last frame
        }
        snapshots.atBoundary(ended, false);
    }

    /**
     * @param summary the run's summary as one line of JSON ({@code summary.json}).
     */
    public void finished(final String summary)
    {
        this.summaryJson = summary;
        this.state = State.FINISHED;
    }

    /**
     * @param why what went wrong.
     */
    public void failed(final String why)
    {
        this.error = why;
        this.state = State.FAILED;
    }

    /** @return the run's id. */
    public String id()
    {
        return id;
    }

    /** @return its state. */
    public State state()
    {
        return state;
    }

    /** @return why it failed, or null. */
    public String error()
    {
        return error;
    }

    /** @return its summary as JSON once finished, or null. */
    public String summaryJson()
    {
        return summaryJson;
    }

    /** @return its run directory. */
    public Path directory()
    {
        return directory;
    }

    /** @return what observers asked to see. */
    public Snapshots snapshots()
    {
        return snapshots;
    }

    /** @return what can be drawn, or null before the launch. */
    public Scene scene()
    {
        return scene;
    }

    /** @return the columns of its metrics rows. */
    public List<String> metricsColumns()
    {
        return metricsColumns;
    }

    /** @return what its model takes from outside. */
    public List<ExternalEvent> externalEvents()
    {
        return externalEvents;
    }

    /**
     * @return the decisions panel's content for a run that decides through a decider: agents thinking, decisions
     *         at the decider, and the newest questions and answers; null for any other run.
     */
    public Map<String, Object> decisions()
    {
        final Simulation sim = simulation;
        final Decisions decisions = sim == null ? null : sim.decisions();
        if (decisions == null || decisions.counts() == null)
        {
            return null;
        }
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("thinking", decisions.thinking());
        out.put("atDecider", decisions.atDecider());
        out.put("errors", decisions.errors());
        final List<Map<String, Object>> asked = new ArrayList<>();
        for (final DecisionRequest request : decisions.recent().asked(RECENT))
        {
            asked.add(Map.of("id", request.id(), "agent", request.agent(), "time", request.time()));
        }
        out.put("asked", asked);
        final List<Map<String, Object>> answered = new ArrayList<>();
        for (final DecisionResult result : decisions.recent().answered(RECENT))
        {
            final Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", result.request().id());
            answer.put("agent", result.request().agent());
            answer.put("action", result.answer() == null ? null : result.answer().action());
            answer.put("amount", result.answer() == null ? null : result.answer().amount());
            final String text = result.answer() == null ? null : result.answer().text();
            answer.put("text", text == null || text.length() <= TEXT ? text : text.substring(0, TEXT) + "...");
            answer.put("latencyMs", result.latencyNs() / 1_000_000);
            answer.put("error", result.error());
            answered.add(answer);
        }
        out.put("answered", answered);
        return out;
    }

    /**
     * @return its control surface, or null before the launch.
     */
    public Control control()
    {
        final Simulation sim = simulation;
        return sim == null ? null : sim.control();
    }

    /**
     * @return the run as the API describes it: its id, state, clock, status and what it takes from outside.
     */
    public Map<String, Object> describe()
    {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("label", label);
        out.put("model", model);
        out.put("state", state.name().toLowerCase());
        out.put("clock", clock.name().toLowerCase());
        out.put("directory", directory.toString());
        if (error != null)
        {
            out.put("error", error);
        }
        final Control control = control();
        if (control != null)
        {
            out.put("status", status(control.status()));
        }
        final List<Map<String, Object>> events = new ArrayList<>();
        for (final ExternalEvent event : externalEvents)
        {
            final Map<String, Object> described = new LinkedHashMap<>();
            described.put("name", event.name());
            described.put("description", event.description());
            described.put("agentType", event.agentType());
            described.put("argument", event.argument());
            events.add(described);
        }
        out.put("events", events);
        return out;
    }

    /**
     * @param status a control status.
     * @return it as the API and the stream say it.
     */
    public static Map<String, Object> status(final Control.Status status)
    {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("step", status.steps());
        out.put("simTime", status.simTime());
        out.put("events", status.events());
        out.put("eventsPending", status.eventsPending());
        out.put("eventsPerSecond", status.eventsPerSecond());
        out.put("timeScale", status.timeScale());
        out.put("paused", status.paused());
        out.put("stopped", status.stopped());
        out.put("refused", status.refused());
        out.put("thinking", status.thinking());
        out.put("atDecider", status.atDecider());
        return out;
    }
}

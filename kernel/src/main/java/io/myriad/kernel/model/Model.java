package io.myriad.kernel.model;

import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;

import io.myriad.kernel.Clock;
import io.myriad.kernel.command.CommandRegistry;
import io.myriad.kernel.metrics.Metric;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;

/**
 * One run's model: the world it declares (agent types and parts), how that world starts, the phases of a step and
 * the commands they emit.
 * <p>
 * Created by a {@link ModelPlugin}; owned by one {@code Simulation}, which builds the world from
 * {@link #agentTypes()} and {@link #parts()}, calls {@link #initialise(World)} once on the thread that drives it
 * (or restores the world from a checkpoint instead), then runs the {@link #phases()} every step. Everything that
 * lasts from one step to the next lives in the world; the model's own fields hold configuration, flyweights and
 * derived scratch state only.
 */
public interface Model
{
    /**
     * @return the agent types, in declaration order; at least one. The same instances every call.
     */
    List<AgentType> agentTypes();

    /**
     * @return the parts beside the stores (grids, networks, RNG streams, globals), in declaration order; the same
     *         instances every call.
     */
    default List<Part> parts()
    {
        return List.of();
    }

    /**
     * @return the clock its steps run on: {@link Clock#TICKS}, every live agent each tick, or {@link Clock#EVENTS},
     *         the events of the world's queue ({@link World#events()}), which the kernel adds to the world.
     */
    default Clock clock()
    {
        return Clock.TICKS;
    }

    /**
     * @return on the event clock, how many events may be pending at once: the queue makes room for them before the
     *         run, so that scheduling allocates nothing while it runs; more may be pending, at the cost of memory
     *         taken as they come.
     */
    default long pendingEvents()
    {
        return 0;
    }

    /**
     * @return what the model takes from outside its run, for people steering it: a dashboard's buttons, the
     *         control server's {@code inject}. An input not listed here is refused through the control surface.
     *         None by default.
     */
    default List<ExternalEvent> externalEvents()
    {
        return List.of();
    }

    /**
     * Says whether an event injected from outside the run ({@code Simulation.control().inject}) may be scheduled:
     * asked on the driving thread before the event is journaled, so a refused one changes nothing. Accept only kinds
     * the model means to take from outside, for agents that exist, and that its phases handle safely beside the
     * agents' own events (through a command, say, when an agent may be due twice in a step). None by default.
     *
     * @param world the world, between steps.
     * @param kind  the event's kind.
     * @param agent the agent it is for, or -1.
     * @return true to journal and schedule it.
     */
    default boolean acceptsInjected(final World world, final int kind, final int agent)
    {
        return false;
    }

    /**
     * @param world the world after a step.
     * @return true when the run is over whatever its limits say (a fire burnt out, an epidemic ended): asked after
     *         every step, on the driving thread; must depend on the world alone.
     */
    default boolean isFinished(final World world)
    {
        return false;
    }

    /**
     * Spawns the initial agents and sets the initial state of every store and part. Randomness must come from the
     * counter-based generator keyed by {@link World#seed()}, so the initial state is a function of the seed alone.
     *
     * @param world the world, every store empty.
     */
    void initialise(World world);

    /**
     * @return the passes of a step, in order, with a barrier and the apply stage after each; at least one.
     */
    List<Phase> phases();

    /**
     * Registers a handler for every command the phases emit, and names the reasons handlers reject them for.
     *
     * @param commands the registry.
     */
    default void commands(final CommandRegistry commands)
    {
    }

    /**
     * @return names of the per-step sums batches add to with {@link BatchContext#addMetric(int, double)}, by index.
     */
    default List<String> metricNames()
    {
        return List.of();
    }

    /**
     * @return the figures written every N steps to the run's {@code metrics.csv}: column reductions of one type each
     *         (count, sum, mean, min, max, histogram), in their column order.
     */
    default List<Metric> metrics()
    {
        return List.of();
    }

    /**
     * Derived figures to report, from the last step's metric sums, e.g. a mean or an order parameter.
     *
     * @param metricSums the last step's sums, indexed as {@link #metricNames()}.
     * @param world      the world after the step.
     * @return figures by name, in the order to show them; not called on the hot path.
     */
    default Map<String, Double> observe(final double[] metricSums, final World world)
    {
        return Map.of();
    }

    /**
     * Applies an input from outside the run (a control command, a decider's answer), between steps, on the
     * driving thread, before the step it takes effect at. The simulation journals it first; a replay applies the
     * journaled copy at the same point, so an input must change state only through its arguments.
     *
     * @param world  the world, between steps: write current values.
     * @param step   the step about to be computed.
     * @param kind   the model's input kind.
     * @param target the agent it is for, or -1.
     * @param data   its bytes.
     * @param offset where they start.
     * @param length how many.
     */
    default void applyInput(
        final World world,
        final long step,
        final int kind,
        final int target,
        final DirectBuffer data,
        final int offset,
        final int length)
    {
        throw new UnsupportedOperationException("this model takes no inputs (kind " + kind + ")");
    }
}

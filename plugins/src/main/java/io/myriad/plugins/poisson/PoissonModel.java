package io.myriad.plugins.poisson;

import java.util.List;

import io.myriad.kernel.model.ExternalEvent;
import io.myriad.kernel.Clock;
import io.myriad.kernel.command.CommandRegistry;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.event.DueEvents;
import io.myriad.kernel.event.EventQueue;
import io.myriad.kernel.event.NextDecision;
import io.myriad.kernel.metrics.Metric;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * Agents on the event clock, each deciding at its own times. A decision moves the agent's wealth a random step up
 * or down and schedules its next decision by the model's policy: after an exponential delay (a Poisson process),
 * or every {@code mean_interval} seconds. With {@code grain} above 0 the times are rounded up to its multiples,
 * so that many agents decide at once and a step's events are cut into parallel batches; at 0 times are continuous,
 * almost every step is one event, and it runs inline on the driving thread.
 * <p>
 * One phase, {@code decide}, whose work items are the step's due events. From outside, {@code Control.inject} may
 * bring {@link #NUDGE}s, which move an agent's wealth through a command. All that lasts is in the world: the
 * agents' columns and the event queue with every agent's next decision.
 */
final class PoissonModel implements Model
{
    /** The event kind of a decision. */
    static final int DECIDE = 1;
    /**
     * The event kind of a nudge from outside: the agent's wealth moves by the event's data, a double's raw bits, in
     * the apply stage; the only kind {@code Control.inject} may bring.
     */
    static final int NUDGE = 2;
    private static final int STREAM_DECISIONS = 40;
    private static final int STREAM_WEALTH = 41;

    private final AgentType deciders;
    private final int agents;
    private final NextDecision policy;
    private final double grain;
    private final double stepSize;

    PoissonModel(final int agents, final NextDecision policy, final double grain, final double stepSize)
    {
        this.agents = agents;
        this.policy = policy;
        this.grain = grain;
        this.stepSize = stepSize;
        this.deciders = AgentType.of("deciders", DeciderSchema.SCHEMA, Math.max(1, agents));
    }

    @Override
    public Clock clock()
    {
        return Clock.EVENTS;
    }

    @Override
    public long pendingEvents()
    {
        return agents;
    }

    @Override
    public List<AgentType> agentTypes()
    {
        return List.of(deciders);
    }

    /**
     * Every agent starts with no wealth, its first decision drawn as if it had decided at time 0.
     */
    @Override
    public void initialise(final World world)
    {
        world.store(deciders).spawn(agents);
        final EventQueue events = world.events();
        final long key = CounterRng.key(world.seed(), STREAM_DECISIONS);
        for (int i = 0; i < agents; i++)
        {
            // the draw of an agent's first decision is keyed by a sequence no event has: -1
            events.schedule(round(policy.next(0.0, key, -1, i)), 0, DECIDE, i, 0);
        }
    }

    @Override
    public List<Phase> phases()
    {
        return List.of(new Decide());
    }

    @Override
    public List<Metric> metrics()
    {
        return List.of(
            Metric.mean("wealth_mean", deciders, DeciderSchema.WEALTH),
            Metric.min("wealth_min", deciders, DeciderSchema.WEALTH),
            Metric.max("wealth_max", deciders, DeciderSchema.WEALTH),
            Metric.sum("decisions", deciders, DeciderSchema.DECISIONS));
    }

    @Override
    public List<ExternalEvent> externalEvents()
    {
        return List.of(ExternalEvent.event("nudge", "moves an agent's wealth by an amount, now", NUDGE, 0)
            .forAgent(deciders.name()).withArgument("amount"));
    }

    /**
     * Takes nudges for live agents from outside; never decisions, which would start a second chain of them.
     */
    @Override
    public boolean acceptsInjected(final World world, final int kind, final int agent)
    {
        final AgentStore store = world.store(deciders);
        return kind == NUDGE && agent >= 0 && agent < store.highWaterMark() && store.isAlive(agent);
    }

    @Override
    public void commands(final CommandRegistry commands)
    {
        final NudgeCodec nudge = new NudgeCodec();
        final DeciderFlyweight decider = new DeciderFlyweight();
        commands.handle(NudgeCodec.ID, NudgeCodec.NAME, (command) ->
        {
            nudge.wrap(command.buffer(), command.payloadOffset());
            decider.wrapIfStale(command.world().store(command.targetType()));
            decider.wealth(command.targetIndex(), decider.wealth(command.targetIndex()) + nudge.amount());
            return Outcome.APPLIED;
        });
    }

    private double round(final double time)
    {
        return grain > 0 && time != NextDecision.NEVER ? Math.ceil(time / grain) * grain : time;
    }

    /**
     * The step's decisions: each agent due moves its wealth and schedules its next decision.
     */
    private final class Decide implements Phase
    {
        @Override
        public String name()
        {
            return "decide";
        }

        @Override
        public AgentType sweeps()
        {
            return deciders;
        }

        @Override
        public int workItems(final World world)
        {
            return world.due().count();
        }

        @Override
        public PhaseWorker newWorker(final World world)
        {
            final DeciderFlyweight decider = new DeciderFlyweight();
            final NudgeCodec nudge = new NudgeCodec();
            final DueEvents due = world.due();
            final long timing = CounterRng.key(world.seed(), STREAM_DECISIONS);
            final long walk = CounterRng.key(world.seed(), STREAM_WEALTH);
            final int type = deciders.id();
            return (batch) ->
            {
                final AgentStore store = batch.store();
                decider.wrapIfStale(store);
                final Outbox outbox = batch.outbox();
                final double now = due.time();
                for (int k = batch.from(), to = batch.to(); k < to; k++)
                {
                    final int agent = due.agent(k);
                    if (due.kind(k) == NUDGE)
                    {
                        nudge.wrap(outbox.buffer(), outbox.command(NudgeCodec.ID, NudgeCodec.LENGTH, type, agent))
                            .amount(Double.longBitsToDouble(due.data(k)));
                        continue;
                    }
                    final long sequence = due.sequence(k);
                    final double step = stepSize * (2 * CounterRng.uniform(walk, sequence, agent, 0) - 1);
                    decider.wealth(agent, decider.wealth(agent) + step);
                    decider.decisions(agent, decider.decisions(agent) + 1);
                    final double next = round(policy.next(now, timing, sequence, agent));
                    if (next != NextDecision.NEVER)
                    {
                        outbox.schedule(next, 0, DECIDE, type, agent, 0);
                    }
                }
            };
        }
    }
}

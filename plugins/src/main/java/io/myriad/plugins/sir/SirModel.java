package io.myriad.plugins.sir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;

import io.myriad.kernel.model.ExternalEvent;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.space.network.Network;
import io.myriad.kernel.space.network.NetworkGenerator;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;

/**
 * Discrete-time SIR on a contact network, updated synchronously. In a step, each susceptible node with {@code m}
 * infected neighbours is infected with probability {@code 1 - (1 - beta)^m} (each infected neighbour passes it on
 * with probability {@code beta}, independently); each infected node recovers with probability {@code gamma}. Every
 * node reads its neighbours' states as the step found them and writes its own next state, so the sweep needs no
 * commands and its result does not depend on order or threads.
 */
final class SirModel implements Model
{
    static final byte SUSCEPTIBLE = 0;
    static final byte INFECTED = 1;
    static final byte RECOVERED = 2;
    static final int METRIC_SUSCEPTIBLE = 0;
    static final int METRIC_INFECTED = 1;
    static final int METRIC_RECOVERED = 2;
    private static final int STREAM_NETWORK = 1;
    private static final int STREAM_START = 2;
    private static final int STREAM_SPREAD = 3;

    final AgentType people;
    final Network contacts;
    private final NetworkGenerator generator;
    private final double beta;
    private final double gamma;
    private final double infectedAtStart;
    private final PersonFlyweight starting = new PersonFlyweight();

    SirModel(final NetworkGenerator generator, final double beta, final double gamma, final double infectedAtStart)
    {
        this.generator = generator;
        this.beta = beta;
        this.gamma = gamma;
        this.infectedAtStart = infectedAtStart;
        this.people = AgentType.of("people", PersonSchema.SCHEMA, generator.nodeCount());
        this.contacts = Network.empty("contacts", generator.nodeCount(), false, false);
    }

    @Override
    public List<AgentType> agentTypes()
    {
        return List.of(people);
    }

    @Override
    public List<Part> parts()
    {
        return List.of(contacts);
    }

    /**
     * Generates the network from the run's seed and infects each node with probability {@code initially_infected}.
     */
    @Override
    public void initialise(final World world)
    {
        contacts.copyFrom(generator.generate(contacts.name(), world.seed(), STREAM_NETWORK));
        world.store(people).spawn(generator.nodeCount());
        infectAsAtStart(world);
    }

    @Override
    public List<ExternalEvent> externalEvents()
    {
        return List.of(ExternalEvent.input("new_epidemic", "everybody susceptible again but the people infected " +
            "at the start, who are infected again", SirPlugin.INPUT_NEW_EPIDEMIC));
    }

    /**
     * Takes {@link SirPlugin#INPUT_NEW_EPIDEMIC}: everybody susceptible again but the people infected at the start,
     * who are infected again, for a fresh epidemic on the same network. Allocates nothing.
     */
    @Override
    public void applyInput(
        final World world,
        final long step,
        final int kind,
        final int target,
        final DirectBuffer data,
        final int offset,
        final int length)
    {
        if (kind != SirPlugin.INPUT_NEW_EPIDEMIC)
        {
            throw new IllegalArgumentException("the SIR model takes input kind " + SirPlugin.INPUT_NEW_EPIDEMIC +
                " (new epidemic), not " + kind);
        }
        infectAsAtStart(world);
    }

    private void infectAsAtStart(final World world)
    {
        final long key = CounterRng.key(world.seed(), STREAM_START);
        final PersonFlyweight person = starting.wrapIfStale(world.store(people));
        for (int node = 0; node < generator.nodeCount(); node++)
        {
            person.state(node, CounterRng.uniform(key, 0, node, 0) < infectedAtStart ? INFECTED : SUSCEPTIBLE);
        }
    }

    @Override
    public List<Phase> phases()
    {
        return List.of(new Spread());
    }

    @Override
    public List<String> metricNames()
    {
        return List.of("susceptible", "infected", "recovered");
    }

    @Override
    public Map<String, Double> observe(final double[] metricSums, final World world)
    {
        final Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("susceptible", metricSums[METRIC_SUSCEPTIBLE]);
        figures.put("infected", metricSums[METRIC_INFECTED]);
        figures.put("recovered", metricSums[METRIC_RECOVERED]);
        return figures;
    }

    /**
     * Every node's next state from its own and its neighbours' current ones. The chance to escape infection from
     * {@code m} infected neighbours is looked up, {@code (1 - beta)^m} for every degree the network has.
     */
    private final class Spread implements Phase
    {
        @Override
        public String name()
        {
            return "spread";
        }

        @Override
        public AgentType sweeps()
        {
            return people;
        }

        @Override
        public PhaseWorker newWorker(final World world)
        {
            int maxDegree = 0;
            for (int node = 0; node < contacts.nodeCount(); node++)
            {
                maxDegree = Math.max(maxDegree, contacts.degree(node));
            }
            final double[] escape = new double[maxDegree + 1];
            for (int m = 0; m <= maxDegree; m++)
            {
                escape[m] = StrictMath.pow(1 - beta, m);
            }
            final PersonFlyweight person = new PersonFlyweight();
            final long key = CounterRng.key(world.seed(), STREAM_SPREAD);
            return (batch) ->
            {
                person.wrapIfStale(batch.store());
                final Network contacts = SirModel.this.contacts;
                final long step = batch.step();
                int susceptible = 0;
                int infected = 0;
                for (int node = batch.from(), to = batch.to(); node < to; node++)
                {
                    byte next = person.state(node);
                    if (next == SUSCEPTIBLE)
                    {
                        int sick = 0;
                        for (int edge = contacts.firstEdge(node), end = contacts.endEdge(node); edge < end; edge++)
                        {
                            sick += person.state(contacts.target(edge)) == INFECTED ? 1 : 0;
                        }
                        if (sick > 0 && CounterRng.uniform(key, step, node, 0) >= escape[sick])
                        {
                            next = INFECTED;
                        }
                    }
                    else if (next == INFECTED && CounterRng.uniform(key, step, node, 1) < gamma)
                    {
                        next = RECOVERED;
                    }
                    person.nextState(node, next);
                    susceptible += next == SUSCEPTIBLE ? 1 : 0;
                    infected += next == INFECTED ? 1 : 0;
                }
                batch.addMetric(METRIC_SUSCEPTIBLE, susceptible);
                batch.addMetric(METRIC_INFECTED, infected);
                batch.addMetric(METRIC_RECOVERED, batch.to() - batch.from() - susceptible - infected);
            };
        }
    }
}

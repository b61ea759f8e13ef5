package io.myriad.plugins.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.command.CommandApplier;
import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.metrics.AllocationMeter;
import io.myriad.kernel.metrics.ThreadAllocation;
import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.layouts.AgentStore;

class ExchangeModelTest
{
    private static SimulationContext context(final int agents, final long money, final long seed, final int workers)
    {
        final ExchangePlugin plugin = new ExchangePlugin();
        return new SimulationContext()
            .model(plugin.create(ModelConfig.of(plugin, agents, seed, Map.of("money", money))))
            .seed(seed)
            .workers(workers)
            .batchSize(512)
            .ringSize(64);
    }

    private static AgentStore traders(final Simulation sim)
    {
        return sim.world().store(sim.world().type("traders"));
    }

    private static long totalMoney(final Simulation sim)
    {
        final AgentStore traders = traders(sim);
        final TraderFlyweight trader = new TraderFlyweight().wrap(traders);
        long total = 0;
        for (int i = 0; i < traders.capacity(); i++)
        {
            assertTrue(trader.money(i) >= 0, "no one holds negative money");
            total += trader.money(i);
        }
        return total;
    }

    @Test
    void shouldConserveMoneyAndRelaxToTheExponentialLaw()
    {
        final int agents = 4_000;
        final long money = 10;
        try (Simulation sim = Simulation.launch(context(agents, money, 3, 2)))
        {
            sim.step();
            assertEquals(agents, traders(sim).capacity());
            assertEquals(agents, sim.world().liveCount(), "the traders, and no other agents");
            assertEquals(0.0, sim.model().observe(sim.lastTickMetrics(), sim.world()).get("relative_variance"), 1e-12,
                "everyone starts equal");
            sim.run(1_500);
            assertEquals(agents * money, totalMoney(sim));
            assertEquals(agents, sim.world().liveCount(), "no trader is born or dies");
            final Map<String, Double> figures = sim.model().observe(sim.lastTickMetrics(), sim.world());
            assertEquals(money, figures.get("mean_money"), 1e-9);
            // A geometric law of mean m has variance m(m + 1): relative variance 1.1, and 1/(m + 1) of agents broke.
            assertEquals(1.1, figures.get("relative_variance"), 0.15, figures.toString());
            assertEquals(1.0 / 11, figures.get("broke_share"), 0.025, figures.toString());
            final CommandApplier commands = sim.commands();
            assertEquals(agents * 1_501L, commands.applied() + commands.rejected(), "one transfer a trader a tick");
            assertTrue(commands.rejected() > 0, "broke agents' transfers are rejected");
            assertEquals(commands.rejected(), commands.count(ExchangeModel.REASON_BROKE),
                "every rejected transfer is rejected because its giver is broke");
            assertEquals(0, commands.count(Outcome.TARGET_DEAD));
            assertEquals("broke", commands.registry().outcomeName(ExchangeModel.REASON_BROKE));
        }
    }

    @Test
    void shouldGiveTheSameStateOnAnyNumberOfWorkers()
    {
        long expected = 0;
        for (final int workers : new int[] { 1, 2, 3 })
        {
            try (Simulation sim = Simulation.launch(context(3_000, 3, 11, workers)))
            {
                sim.run(60);
                if (workers == 1)
                {
                    expected = sim.stateHash();
                }
                assertEquals(expected, sim.stateHash(), workers + " workers");
            }
        }
        try (Simulation sim = Simulation.launch(context(3_000, 3, 12, 1)))
        {
            sim.run(60);
            assertNotEquals(expected, sim.stateHash(), "another seed, other exchanges");
        }
    }

    @Test
    void shouldAllocateNothingPerTickOnceWarm()
    {
        assumeTrue(ThreadAllocation.isSupported(), "this JVM does not count bytes per thread");
        final int warmup = 200;
        final int ticks = 500;
        try (Simulation sim = Simulation.launch(context(4_000, 10, 5, 2).warmupTicks(warmup)))
        {
            sim.run(warmup + ticks);
            final AllocationMeter allocation = sim.allocation();
            assertEquals(0, allocation.medianBytesPerStep(), allocation.stepsThatAllocated() + " of " + ticks +
                " ticks allocated, " + allocation.steadyBytes() + " bytes in all");
        }
    }

    @Test
    void shouldNeedTwoAgents()
    {
        final ExchangePlugin plugin = new ExchangePlugin();
        final InvalidConfigException ex = assertThrows(InvalidConfigException.class,
            () -> plugin.create(ModelConfig.of(plugin, 1, 1, Map.of())));
        assertEquals("agents", ex.path());
    }
}

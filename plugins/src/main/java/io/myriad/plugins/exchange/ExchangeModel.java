package io.myriad.plugins.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.myriad.kernel.command.Command;
import io.myriad.kernel.command.CommandRegistry;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.metrics.Metric;
import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * Each tick, every trader picks another uniformly at random (a counter-based draw of the tick and its index) and
 * emits a transfer of {@code amount} units to it; the apply stage, in batch order, carries out each transfer whose
 * giver still has the amount and rejects the rest. Metrics are taken from the money held at the start of the tick.
 */
public final class ExchangeModel implements Model
{
    static final int REASON_BROKE = Outcome.FIRST_MODEL_REASON;
    static final int STREAM_PARTNER = 1;
    static final int METRIC_MONEY = 0;
    static final int METRIC_MONEY_SQUARED = 1;
    static final int METRIC_BROKE = 2;

    private final int agents;
    private final long initialMoney;
    private final long amount;
    private final TraderFlyweight applying = new TraderFlyweight();
    private final TransferCodec transfer = new TransferCodec();
    private final AgentType traders;

    /**
     * @param agents       traders, at least 2.
     * @param initialMoney units each trader starts with.
     * @param amount       units per transfer, at least 1.
     */
    public ExchangeModel(final int agents, final long initialMoney, final long amount)
    {
        if (agents < 2)
        {
            throw new IllegalArgumentException("the exchange model needs at least 2 agents, was " + agents);
        }
        this.agents = agents;
        this.initialMoney = initialMoney;
        this.amount = amount;
        this.traders = AgentType.of("traders", TraderSchema.SCHEMA, agents);
    }

    /**
     * {@inheritDoc}
     */
    public List<AgentType> agentTypes()
    {
        return List.of(traders);
    }

    /**
     * Every trader starts with the same money.
     *
     * @param world the world, its store empty (the start is the same for every seed; the exchanges are not).
     */
    public void initialise(final World world)
    {
        final AgentStore store = world.store(traders);
        store.spawn(agents);
        final TraderFlyweight trader = new TraderFlyweight().wrap(store);
        for (int i = 0; i < agents; i++)
        {
            trader.money(i, initialMoney);
        }
    }

    /**
     * {@inheritDoc}
     */
    public List<Phase> phases()
    {
        return List.of(new TradePhase());
    }

    /**
     * {@inheritDoc}
     */
    public List<String> metricNames()
    {
        return List.of("money_sum", "money_squared_sum", "broke");
    }

    /**
     * The money held: its mean, least and most, and how traders spread over ten bins of width {@code money / 2}.
     */
    public List<Metric> metrics()
    {
        return List.of(
            Metric.mean("money_mean", traders, TraderSchema.MONEY),
            Metric.min("money_min", traders, TraderSchema.MONEY),
            Metric.max("money_max", traders, TraderSchema.MONEY),
            Metric.histogram("money", traders, TraderSchema.MONEY, 0, 5.0 * initialMoney, 10));
    }

    /**
     * The mean money, its variance relative to the squared mean (0 at the equal start, 1 for the exponential law
     * the exchange relaxes to), and the share of traders with nothing.
     *
     * @param metricSums the last tick's sums.
     * @param world      the world after the tick.
     * @return {@code mean_money}, {@code relative_variance} and {@code broke_share}.
     */
    public Map<String, Double> observe(final double[] metricSums, final World world)
    {
        final int liveAgents = world.store(traders).liveCount();
        final Map<String, Double> figures = new LinkedHashMap<>();
        final double mean = metricSums[METRIC_MONEY] / liveAgents;
        final double variance = metricSums[METRIC_MONEY_SQUARED] / liveAgents - mean * mean;
        figures.put("mean_money", mean);
        figures.put("relative_variance", mean == 0 ? 0.0 : variance / (mean * mean));
        figures.put("broke_share", metricSums[METRIC_BROKE] / liveAgents);
        return figures;
    }

    /**
     * Transfers, whose giver is the command's source and whose amount is its one field, are applied by
     * {@link #transfer}; a giver without the amount rejects it as {@code broke}.
     */
    public void commands(final CommandRegistry commands)
    {
        commands.handle(TransferCodec.ID, TransferCodec.NAME, this::transfer).reason(REASON_BROKE, "broke");
    }

    private int transfer(final Command command)
    {
        final TraderFlyweight trader = applying;
        trader.wrapIfStale(command.world().store(traders));
        final int giver = command.sourceIndex();
        final long units = transfer.wrap(command.buffer(), command.payloadOffset()).amount();
        final long held = trader.money(giver);
        if (held < units)
        {
            return REASON_BROKE;
        }
        trader.money(giver, held - units);
        trader.money(command.targetIndex(), trader.money(command.targetIndex()) + units);
        return Outcome.APPLIED;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "exchange(agents=" + agents + ", money=" + initialMoney + ", amount=" + amount + ")";
    }

    /**
     * Every trader emits one transfer to a random other trader.
     */
    private final class TradePhase implements Phase
    {
        public String name()
        {
            return "trade";
        }

        public AgentType sweeps()
        {
            return traders;
        }

        public PhaseWorker newWorker(final World world)
        {
            final TraderFlyweight trader = new TraderFlyweight();
            final TransferCodec transfer = new TransferCodec();
            return (batch) -> trade(batch, trader.wrapIfStale(batch.store()), transfer);
        }

        private void trade(final BatchContext batch, final TraderFlyweight trader, final TransferCodec transfer)
        {
            final long key = CounterRng.key(batch.seed(), STREAM_PARTNER);
            final long tick = batch.step();
            final int type = traders.id();
            final Outbox outbox = batch.outbox();
            final int others = agents - 1;
            double money = 0;
            double moneySquared = 0;
            int broke = 0;
            for (int i = batch.from(), to = batch.to(); i < to; i++)
            {
                final long held = trader.money(i);
                money += held;
                moneySquared += (double)held * held;
                broke += held == 0 ? 1 : 0;
                final int draw = CounterRng.toBoundedInt(CounterRng.bits(key, tick, i, 0), others);
                final int receiver = draw < i ? draw : draw + 1;
                final int payload = outbox.command(TransferCodec.ID, TransferCodec.LENGTH, type, receiver, type, i);
                transfer.wrap(outbox.buffer(), payload).amount(amount);
            }
            batch.addMetric(METRIC_MONEY, money);
            batch.addMetric(METRIC_MONEY_SQUARED, moneySquared);
            batch.addMetric(METRIC_BROKE, broke);
        }
    }
}

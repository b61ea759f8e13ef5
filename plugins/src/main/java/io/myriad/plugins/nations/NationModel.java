package io.myriad.plugins.nations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.myriad.kernel.model.ExternalEvent;
import io.myriad.kernel.Clock;
import io.myriad.kernel.command.CommandRegistry;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.decide.DecisionTable;
import io.myriad.kernel.event.DueEvents;
import io.myriad.kernel.event.EventQueue;
import io.myriad.kernel.metrics.Metric;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * The nation economy, on the event clock: nations with an economic strength ask a decider every
 * {@code decision_interval} sim seconds whether to buy or sell goods; an engine rule applies interest to every
 * nation's strength every {@code interest_interval} seconds, another moves the price every
 * {@code price_interval} seconds by the net demand since the last move (and back towards where it started), and a
 * scheduled external event crashes the market at {@code crash_time}, cutting the price by {@code crash_depth}.
 * <p>
 * Each rule has its own priority, ahead of the nations', so a step holds one rule's event or nations' events only.
 * A decision reads its nation and the market and asks ({@code Outbox.decide}); its answer's action comes back as
 * an event and becomes a {@link Trade} command, carried out in the apply stage in batch order; a crash is a
 * {@link Crash} command, so that one injected at any priority comes after the step's reads of the price. All that
 * lasts is in the world: the nations, the market (one agent), the queue and the decisions in flight.
 */
final class NationModel implements Model
{
    static final int DECIDE = 1;
    static final int INTEREST = 2;
    static final int PRICE = 3;
    static final int CRASH = 4;
    static final int BUY = 10;
    static final int SELL = 11;
    static final int HOLD = 12;
    static final int INTEREST_PRIORITY = 0;
    static final int PRICE_PRIORITY = 1;
    static final int CRASH_PRIORITY = 2;
    static final int AGENT_PRIORITY = 3;
    static final double MAX_DEPTH = 0.99;
    private static final int STREAM_START = 50;
    private static final int STREAM_STRENGTH = 51;

    private final NationSettings settings;
    private final AgentType nations;
    private final AgentType market;
    private final DecisionTable decisions;

    NationModel(final NationSettings settings)
    {
        this.settings = settings;
        this.nations = AgentType.of("nations", NationSchema.SCHEMA, Math.max(1, settings.nations()));
        this.market = AgentType.of("market", MarketSchema.SCHEMA, 1);
        this.decisions = new DecisionTable("decisions", new NationDeliberation(this, settings.mode(),
            settings.latency(), settings.maxTrade(), settings.threshold(), settings.staleness()));
    }

    AgentType nations()
    {
        return nations;
    }

    double price(final World world)
    {
        return new MarketFlyweight().wrap(world.store(market)).price(0);
    }

    @Override
    public Clock clock()
    {
        return Clock.EVENTS;
    }

    @Override
    public long pendingEvents()
    {
        return settings.nations() + 4L;
    }

    @Override
    public List<AgentType> agentTypes()
    {
        return List.of(nations, market);
    }

    @Override
    public List<Part> parts()
    {
        return List.of(decisions);
    }

    @Override
    public void initialise(final World world)
    {
        final int count = settings.nations();
        world.store(nations).spawn(count);
        world.store(market).spawn(1);
        new MarketFlyweight().wrap(world.store(market)).price(0, settings.startPrice());
        final NationFlyweight nation = new NationFlyweight().wrap(world.store(nations));
        final EventQueue events = world.events();
        final long start = CounterRng.key(world.seed(), STREAM_START);
        final long strength = CounterRng.key(world.seed(), STREAM_STRENGTH);
        for (int i = 0; i < count; i++)
        {
            nation.strength(i, settings.startStrength() * (0.5 + CounterRng.uniform(strength, 0, i, 0)));
            nation.lastDecision(i, Double.NaN);
            // nations first decide at times spread over the first interval
            events.schedule(settings.decisionInterval() * CounterRng.uniform(start, 0, i, 0), AGENT_PRIORITY,
                DECIDE, i, 0);
        }
        events.schedule(settings.interestInterval(), INTEREST_PRIORITY, INTEREST, -1, 0);
        events.schedule(settings.priceInterval(), PRICE_PRIORITY, PRICE, -1, 0);
        if (settings.crashDepth() > 0)
        {
            events.schedule(settings.crashTime(), CRASH_PRIORITY, CRASH, -1,
                Double.doubleToRawLongBits(settings.crashDepth()));
        }
    }

    @Override
    public List<ExternalEvent> externalEvents()
    {
        return List.of(ExternalEvent.event("crash", "a market crash now: the price falls by a depth in [0, 1)",
            CRASH, CRASH_PRIORITY).withArgument("depth"));
    }

    /**
     * Takes market crashes from outside (their data the depth, a double's raw bits, in [0, 1)); nothing else.
     */
    @Override
    public boolean acceptsInjected(final World world, final int kind, final int agent)
    {
        return kind == CRASH && agent == -1;
    }

    @Override
    public List<Phase> phases()
    {
        return List.of(new Events());
    }

    @Override
    public void commands(final CommandRegistry commands)
    {
        final TradeCodec trade = new TradeCodec();
        final NationFlyweight nation = new NationFlyweight();
        final MarketFlyweight goods = new MarketFlyweight();
        commands.handle(TradeCodec.ID, TradeCodec.NAME, (command) ->
        {
            trade.wrap(command.buffer(), command.payloadOffset());
            nation.wrapIfStale(command.world().store(command.targetType()));
            goods.wrapIfStale(command.world().store(market));
            final int i = command.targetIndex();
            final double price = goods.price(0);
            final double amount = switch (trade.action())
            {
                case NationDeliberation.BUY -> Math.min(trade.amount(), Math.floor(nation.strength(i) / price));
                case NationDeliberation.SELL -> -Math.min(trade.amount(), nation.goods(i));
                default -> 0.0;
            };
            nation.lastDecision(i, trade.time());
            if (amount != 0)
            {
                nation.strength(i, nation.strength(i) - amount * price);
                nation.goods(i, nation.goods(i) + amount);
                nation.trades(i, nation.trades(i) + 1);
                goods.demand(0, goods.demand(0) + amount);
                goods.trades(0, goods.trades(0) + 1);
            }
            return Outcome.APPLIED;
        });
        final CrashCodec crash = new CrashCodec();
        commands.handle(CrashCodec.ID, CrashCodec.NAME, (command) ->
        {
            crash.wrap(command.buffer(), command.payloadOffset());
            goods.wrapIfStale(command.world().store(market));
            // an injected crash's depth is the caller's: kept within [0, 0.99]
            final double depth = crash.depth() > 0 ? Math.min(crash.depth(), MAX_DEPTH) : 0;
            goods.price(0, goods.price(0) * (1 - depth));
            goods.crashes(0, goods.crashes(0) + 1);
            return Outcome.APPLIED;
        });
    }

    @Override
    public List<Metric> metrics()
    {
        return List.of(
            Metric.sum("strength_total", nations, NationSchema.STRENGTH),
            Metric.sum("goods_total", nations, NationSchema.GOODS),
            Metric.max("price", market, MarketSchema.PRICE),
            Metric.max("trades", market, MarketSchema.TRADES),
            Metric.max("crashes", market, MarketSchema.CRASHES));
    }

    @Override
    public Map<String, Double> observe(final double[] metricSums, final World world)
    {
        final MarketFlyweight goods = new MarketFlyweight().wrap(world.store(market));
        final NationFlyweight nation = new NationFlyweight().wrap(world.store(nations));
        double strength = 0;
        for (int i = 0; i < world.store(nations).highWaterMark(); i++)
        {
            strength += nation.strength(i);
        }
        final Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("strength_total", strength);
        figures.put("price", goods.price(0));
        figures.put("trades", (double)goods.trades(0));
        figures.put("crashes", (double)goods.crashes(0));
        return figures;
    }

    /**
     * A step's events: a rule's (interest, price, crash), or nations' (decisions and their actions).
     */
    private final class Events implements Phase
    {
        @Override
        public String name()
        {
            return "events";
        }

        @Override
        public AgentType sweeps()
        {
            return nations;
        }

        @Override
        public int workItems(final World world)
        {
            return world.due().count();
        }

        @Override
        public PhaseWorker newWorker(final World world)
        {
            final NationFlyweight nation = new NationFlyweight();
            final MarketFlyweight goods = new MarketFlyweight();
            final TradeCodec trade = new TradeCodec();
            final CrashCodec crash = new CrashCodec();
            final DueEvents due = world.due();
            final double[] facts = new double[4];
            final int type = nations.id();
            return (batch) ->
            {
                final AgentStore store = batch.store();
                nation.wrapIfStale(store);
                goods.wrapIfStale(world.store(market));
                final Outbox outbox = batch.outbox();
                final double now = due.time();
                for (int k = batch.from(), to = batch.to(); k < to; k++)
                {
                    final int agent = due.agent(k);
                    switch (due.kind(k))
                    {
                        case DECIDE ->
                        {
                            facts[NationDeliberation.STRENGTH] = nation.strength(agent);
                            facts[NationDeliberation.GOODS] = nation.goods(agent);
                            facts[NationDeliberation.PRICE] = goods.price(0);
                            facts[NationDeliberation.START_PRICE] = settings.startPrice();
                            outbox.decide(type, agent, nation.lastDecision(agent), facts, facts.length);
                            outbox.schedule(now + settings.decisionInterval(), AGENT_PRIORITY, DECIDE, type, agent, 0);
                        }
                        case BUY, SELL, HOLD -> trade.wrap(outbox.buffer(),
                            outbox.command(TradeCodec.ID, TradeCodec.LENGTH, type, agent))
                            .action(due.kind(k) - BUY).amount(Double.longBitsToDouble(due.data(k))).time(now);
                        case INTEREST ->
                        {
                            final double factor = 1 + settings.interestRate();
                            for (int i = 0, end = store.highWaterMark(); i < end; i++)
                            {
                                nation.strength(i, nation.strength(i) * factor);
                            }
                            outbox.schedule(now + settings.interestInterval(), INTEREST_PRIORITY, INTEREST, -1, -1,
                                0);
                        }
                        case PRICE ->
                        {
                            movePrice(goods);
                            outbox.schedule(now + settings.priceInterval(), PRICE_PRIORITY, PRICE, -1, -1, 0);
                        }
                        case CRASH -> crash.wrap(outbox.buffer(),
                            outbox.command(CrashCodec.ID, CrashCodec.LENGTH, market.id(), 0))
                            .depth(Double.longBitsToDouble(due.data(k)));
                        default -> throw new IllegalStateException("the nation economy has no event kind " +
                            due.kind(k));
                    }
                }
            };
        }

        private void movePrice(final MarketFlyweight goods)
        {
            final double price = goods.price(0);
            // net demand as a share of the most the nations could have bought: from -1 to 1
            final double most = Math.max(1, settings.nations()) * Math.max(1, settings.maxTrade());
            final double pressure = settings.priceSensitivity() * goods.demand(0) / most;
            final double reversion = settings.reversion() * (settings.startPrice() - price);
            goods.price(0, Math.max(0.01, price * (1 + pressure) + reversion));
            goods.demand(0, 0);
        }
    }
}

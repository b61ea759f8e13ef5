package io.myriad.plugins.nations;

import java.util.List;

import io.myriad.kernel.decide.Answer;
import io.myriad.kernel.decide.DecisionAction;
import io.myriad.kernel.decide.DecisionMode;
import io.myriad.kernel.decide.DecisionRequest;
import io.myriad.kernel.decide.Deliberation;
import io.myriad.kernel.event.NextDecision;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * How a nation decides: it sees its strength, its goods, the price and the price the market started at, and
 * answers buy, sell or hold with an amount of goods. Its rules (the scripted decider's): buy when goods are cheaper
 * than at the start by more than the threshold, sell when dearer, else hold; the fallback holds. A stale answer is
 * kept only if the nation can still carry it out.
 */
final class NationDeliberation implements Deliberation
{
    static final int BUY = 0;
    static final int SELL = 1;
    static final int HOLD = 2;
    static final int STRENGTH = 0;
    static final int GOODS = 1;
    static final int PRICE = 2;
    static final int START_PRICE = 3;

    private final DecisionMode mode;
    private final NextDecision latency;
    private final double maxTrade;
    private final double threshold;
    private final double staleness;
    private final NationModel model;
    private final List<DecisionAction> actions;

    NationDeliberation(
        final NationModel model,
        final DecisionMode mode,
        final NextDecision latency,
        final double maxTrade,
        final double threshold,
        final double staleness)
    {
        this.model = model;
        this.mode = mode;
        this.latency = latency;
        this.maxTrade = maxTrade;
        this.threshold = threshold;
        this.staleness = staleness;
        this.actions = List.of(
            new DecisionAction("buy", NationModel.BUY, "buy goods at the market price", 0, maxTrade),
            new DecisionAction("sell", NationModel.SELL, "sell goods you hold at the market price", 0, maxTrade),
            new DecisionAction("hold", NationModel.HOLD, "neither buy nor sell", 0, 0));
    }

    @Override
    public String situation()
    {
        return "You govern the economy of a nation trading goods on a world market. Interest compounds on your " +
            "economic strength every few seconds; buying goods when they are cheap and selling them when dear " +
            "makes you stronger. The market can crash.";
    }

    /**
     * @return the rules' threshold and the most a trade may be, which the scripted answers depend on.
     */
    @Override
    public String version()
    {
        return "nations 1; threshold " + threshold + "; max trade " + maxTrade;
    }

    @Override
    public List<String> facts()
    {
        return List.of("strength", "goods", "price", "start_price");
    }

    @Override
    public List<DecisionAction> actions()
    {
        return actions;
    }

    @Override
    public DecisionMode mode()
    {
        return mode;
    }

    @Override
    public NextDecision latency()
    {
        return latency;
    }

    @Override
    public int actionPriority()
    {
        return NationModel.AGENT_PRIORITY;
    }

    @Override
    public Answer fallback(final DecisionRequest request)
    {
        return Answer.of(HOLD, 0, "fallback: hold");
    }

    @Override
    public Answer script(final DecisionRequest request)
    {
        final double price = request.fact(PRICE);
        final double start = request.fact(START_PRICE);
        if (price < start * (1 - threshold) && request.fact(STRENGTH) >= price)
        {
            final double amount = Math.min(maxTrade, Math.floor(request.fact(STRENGTH) / price));
            return Answer.of(BUY, amount, "rule: the price " + price + " is below " + start * (1 - threshold));
        }
        if (price > start * (1 + threshold) && request.fact(GOODS) > 0)
        {
            return Answer.of(SELL, Math.min(maxTrade, request.fact(GOODS)), "rule: the price " + price +
                " is above " + start * (1 + threshold));
        }
        return Answer.of(HOLD, 0, "rule: the price " + price + " is near " + start);
    }

    @Override
    public double stalenessBound()
    {
        return staleness;
    }

    @Override
    public boolean revalidate(final World world, final int agent, final int action, final double amount)
    {
        final AgentStore nations = world.store(model.nations());
        final NationFlyweight nation = new NationFlyweight();
        nation.wrap(nations);
        return switch (action)
        {
            case BUY -> nation.strength(agent) >= amount * model.price(world);
            case SELL -> nation.goods(agent) >= amount;
            default -> true;
        };
    }
}

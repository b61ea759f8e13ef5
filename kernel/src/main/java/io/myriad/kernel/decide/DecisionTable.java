package io.myriad.kernel.decide;

import java.nio.ByteOrder;
import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;

import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.event.EventQueue;
import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;
import io.myriad.kernel.world.World;

/**
 * The decisions in flight, a part of the world: every request the apply stage took and whose outcome has not yet
 * taken effect, with the agent that asked, when, and what it observed; and the running counts of outcomes. An agent
 * with a decision here is thinking, and a second request of it is refused ({@link Outcome#THINKING}).
 * <p>
 * Ids are given in the order requests are applied, which is the same on any number of threads. Hashed and
 * checkpointed in id order (the counts are checkpointed, not hashed: an answer from the cache leaves the same state
 * as the decider's), so a resume re-issues the decisions in flight or applies their journaled outcomes.
 * Primitive arrays and maps that grow with the decisions in flight and are then reused.
 */
public final class DecisionTable implements Part
{
    private static final int STREAM_LATENCY = 0x4D59_0D1C;
    private static final long FREE = DecisionSlots.FREE;
    /** The agent of a decision whose agent died while it was in flight. */
    private static final int GONE = -1;

    private final String name;
    private final Deliberation deliberation;
    private final int factCount;
    private final DecisionMode mode;
    private final DecisionCounts counts = new DecisionCounts();
    private final Long2LongHashMap slotById = new Long2LongHashMap(FREE);
    private final Long2LongHashMap slotByAgent = new Long2LongHashMap(FREE);
    private final DueOrder dueOrder = new DueOrder();
    private long latencyKey;
    private long nextId;
    private int size;
    private final DecisionSlots slots;

    /**
     * @param name         the part's name.
     * @param deliberation the model's side of deciding: its facts, actions and mode.
     */
    public DecisionTable(final String name, final Deliberation deliberation)
    {
        if (deliberation.actions().isEmpty())
        {
            throw new IllegalArgumentException("a deliberation names at least one action");
        }
        this.name = name;
        this.deliberation = deliberation;
        this.factCount = deliberation.facts().size();
        this.mode = deliberation.mode();
        this.slots = new DecisionSlots(factCount);
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public void attach(final World world)
    {
        latencyKey = CounterRng.key(world.seed(), STREAM_LATENCY);
    }

    /** @return the model's side of deciding. */
    public Deliberation deliberation()
    {
        return deliberation;
    }

    /** @return the running counts of requests and outcomes. */
    public DecisionCounts counts()
    {
        return counts;
    }

    /**
     * Takes a request, in the apply stage: the agent is thinking from now until its outcome takes effect.
     *
     * @param type         the agent's type id.
     * @param agent        the agent's index.
     * @param now          the sim time of the step that asked.
     * @param lastDecision the sim time of the agent's last decision, NaN for none.
     * @param buffer       holding the facts, little-endian doubles.
     * @param offset       where they start.
     * @return {@link Outcome#APPLIED}, or {@link Outcome#THINKING} if the agent has a decision in flight already.
     */
    public int request(final int type, final int agent, final double now, final double lastDecision,
        final DirectBuffer buffer, final int offset)
    {
        final long agentKey = agentKey(type, agent);
        if (slotByAgent.get(agentKey) != FREE)
        {
            counts.refused++;
            return Outcome.THINKING;
        }
        final long id = nextId++;
        final int slot = slots.take();
        slots.ids[slot] = id;
        slots.types[slot] = type;
        slots.agents[slot] = agent;
        slots.issued[slot] = now;
        slots.since[slot] = lastDecision;
        for (int f = 0; f < factCount; f++)
        {
            slots.facts[slot * factCount + f] =
                buffer.getDouble(offset + f * Double.BYTES, ByteOrder.LITTLE_ENDIAN);
        }
        slots.dues[slot] = mode == DecisionMode.MODELLED ? now + latency(id, agent) : Double.NaN;
        slotById.put(id, slot);
        slotByAgent.put(agentKey, slot);
        if (mode == DecisionMode.MODELLED)
        {
            dueOrder.add(slot, slots.dues[slot], id);
        }
        size++;
        counts.requested++;
        return Outcome.APPLIED;
    }

    /**
     * Applies a decision's journaled outcome, between steps: the decision leaves the table, and its action is
     * scheduled for the agent, unless the agent died meanwhile or the answer is stale and fails re-validation.
     *
     * @param events  the world's queue.
     * @param world   the world, for re-validation.
     * @param payload the outcome, as {@link AnswerDescriptor} lays it out.
     * @param offset  where it starts.
     * @throws IllegalStateException if no such decision is in flight or its action is not one of the deliberation's.
     */
    public void apply(final EventQueue events, final World world, final DirectBuffer payload, final int offset)
    {
        final long id = AnswerDescriptor.id(payload, offset);
        final int slot = (int)slotById.get(id);
        final int actionIndex = AnswerDescriptor.action(payload, offset);
        if (slot == FREE)
        {
            throw new IllegalStateException("an outcome for decision " + id + ", which is not in flight in " + name);
        }
        if (actionIndex < 0 || actionIndex >= deliberation.actions().size())
        {
            throw new IllegalStateException("decision " + id + " answered action " + actionIndex + "; " + name +
                " has " + deliberation.actions().size());
        }
        final int type = slots.types[slot];
        final int agent = slots.agents[slot];
        final double asked = slots.issued[slot];
        release(slot, id, type, agent);
        counts.count(AnswerDescriptor.outcome(payload, offset), AnswerDescriptor.promptTokens(payload, offset),
            AnswerDescriptor.completionTokens(payload, offset));
        final DecisionAction action = deliberation.actions().get(actionIndex);
        final double amount = action.clamp(AnswerDescriptor.amount(payload, offset));
        final double time = AnswerDescriptor.time(payload, offset);
        if (agent == GONE || agent >= world.store(type).highWaterMark() || !world.store(type).isAlive(agent))
        {
            counts.orphaned++;
            return;
        }
        if (time - asked > deliberation.stalenessBound())
        {
            if (!deliberation.revalidate(world, agent, actionIndex, amount))
            {
                counts.staleDropped++;
                return;
            }
            counts.revalidated++;
        }
        events.schedule(time, deliberation.actionPriority(), action.kind(), agent, Double.doubleToRawLongBits(amount));
    }

    /**
     * Forgets which agent a decision in flight was for, when the agent dies (in the apply stage): its outcome, when
     * it comes, is dropped as orphaned, and an agent born into the same index may ask at once.
     *
     * @param type  the agent's type id.
     * @param agent its index.
     */
    public void agentGone(final int type, final int agent)
    {
        final long agentKey = agentKey(type, agent);
        final long slot = slotByAgent.get(agentKey);
        if (slot != FREE)
        {
            slotByAgent.remove(agentKey);
            slots.agents[(int)slot] = GONE;
        }
    }

    /** @return true if the agent of this type id and index has a decision in flight. */
    public boolean isThinking(final int type, final int agent)
    {
        return slotByAgent.get(agentKey(type, agent)) != FREE;
    }

    /** @return decisions in flight: agents thinking. */
    public int size()
    {
        return size;
    }

    /** @return the id the next request gets. */
    public long nextId()
    {
        return nextId;
    }

    /** @return how answers take effect. */
    public DecisionMode mode()
    {
        return mode;
    }

    /**
     * @param time a sim time.
     * @return for {@link DecisionMode#MODELLED}, true if a decision in flight is due at or before it.
     */
    public boolean isDueBy(final double time)
    {
        return dueOrder.size() > 0 && dueOrder.firstDue() <= time;
    }

    /** @return for {@link DecisionMode#MODELLED}, the id of the decision due first; the table must hold one. */
    public long firstDueId()
    {
        return slots.ids[dueOrder.first()];
    }

    /** @return for {@link DecisionMode#MODELLED}, when the first decision is due; positive infinity when none is. */
    public double firstDue()
    {
        return dueOrder.size() == 0 ? Double.POSITIVE_INFINITY : dueOrder.firstDue();
    }

    /**
     * @param id a decision's id.
     * @return its due time (NaN when measured), or NaN if it is not in flight.
     */
    public double due(final long id)
    {
        final long slot = slotById.get(id);
        return slot == FREE ? Double.NaN : slots.dues[(int)slot];
    }

    /**
     * @param id a decision's id.
     * @return the request it is, facts copied, or null if it is not in flight.
     */
    public DecisionRequest request(final long id)
    {
        final long found = slotById.get(id);
        if (found == FREE)
        {
            return null;
        }
        final int slot = (int)found;
        final double[] observed = Arrays.copyOfRange(slots.facts, slot * factCount, (slot + 1) * factCount);
        return new DecisionRequest(id, slots.agents[slot], slots.issued[slot], slots.since[slot], observed,
            deliberation);
    }

    /** @return the ids in flight, in increasing order, in a new array. */
    public long[] idsInFlight()
    {
        return Arrays.copyOf(slots.sortedIds(size), size);
    }

    @Override
    public void hash(final StateHasher hasher)
    {
        hasher.word(nextId).word(size);
        final long[] sorted = slots.sortedIds(size);
        for (int i = 0; i < size; i++)
        {
            final int slot = (int)slotById.get(sorted[i]);
            hasher.word(slots.ids[slot]).word(agentKey(slots.types[slot], slots.agents[slot]))
                .doubleValue(slots.issued[slot]).doubleValue(slots.since[slot]).doubleValue(slots.dues[slot]);
            for (int f = 0; f < factCount; f++)
            {
                hasher.doubleValue(slots.facts[slot * factCount + f]);
            }
        }
    }

    @Override
    public void write(final PartWriter out)
    {
        out.putInt(factCount).putInt(mode.ordinal()).putLong(nextId).putInt(size);
        final long[] sorted = slots.sortedIds(size);
        for (int i = 0; i < size; i++)
        {
            final int slot = (int)slotById.get(sorted[i]);
            out.putLong(slots.ids[slot]).putInt(slots.types[slot]).putInt(slots.agents[slot])
                .putDouble(slots.issued[slot]).putDouble(slots.since[slot]).putDouble(slots.dues[slot]);
            for (int f = 0; f < factCount; f++)
            {
                out.putDouble(slots.facts[slot * factCount + f]);
            }
        }
        counts.write(out);
    }

    @Override
    public void read(final PartReader in)
    {
        in.expectInt("facts a decision observes", factCount);
        in.expectInt("decision mode (0 measured, 1 modelled)", mode.ordinal());
        clear();
        nextId = in.getLong();
        final int count = in.getInt();
        if (count < 0)
        {
            throw in.fail("decisions in flight: " + count);
        }
        for (int i = 0; i < count; i++)
        {
            final long id = in.getLong();
            final int slot = slots.take();
            slots.ids[slot] = id;
            slots.types[slot] = in.getInt();
            slots.agents[slot] = in.getInt();
            slots.issued[slot] = in.getDouble();
            slots.since[slot] = in.getDouble();
            slots.dues[slot] = in.getDouble();
            for (int f = 0; f < factCount; f++)
            {
                slots.facts[slot * factCount + f] = in.getDouble();
            }
            if (id < 0 || id >= nextId || slotById.get(id) != FREE)
            {
                throw in.fail("decision id " + id + " (ids are below " + nextId + " and unique)");
            }
            slotById.put(id, slot);
            if (slots.agents[slot] != GONE)
            {
                slotByAgent.put(agentKey(slots.types[slot], slots.agents[slot]), slot);
            }
            if (mode == DecisionMode.MODELLED)
            {
                dueOrder.add(slot, slots.dues[slot], id);
            }
            size++;
        }
        counts.read(in);
        in.expectEnd();
    }

    private double latency(final long id, final int agent)
    {
        final double latency = deliberation.latency().next(0.0, latencyKey, id, agent);
        if (!(latency >= 0) || latency == Double.POSITIVE_INFINITY)
        {
            throw new IllegalStateException("the modelled latency of decision " + id + " in " + name + " is " +
                latency + " s: a deliberation's latency is a finite number of sim seconds, 0 or more");
        }
        return latency;
    }

    private void clear()
    {
        slotById.clear();
        slotByAgent.clear();
        dueOrder.clear();
        size = 0;
        slots.clear();
    }

    private void release(final int slot, final long id, final int type, final int agent)
    {
        slotById.remove(id);
        if (agent != GONE)
        {
            slotByAgent.remove(agentKey(type, agent));
        }
        if (mode == DecisionMode.MODELLED)
        {
            dueOrder.remove(slot);
        }
        slots.release(slot);
        size--;
    }

    private static long agentKey(final int type, final int agent)
    {
        return ((long)type << Integer.SIZE) | (agent & 0xFFFF_FFFFL);
    }
}

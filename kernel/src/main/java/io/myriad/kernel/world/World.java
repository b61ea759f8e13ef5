package io.myriad.kernel.world;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.agrona.CloseHelper;

import io.myriad.kernel.channel.Channel;
import io.myriad.kernel.decide.DecisionTable;
import io.myriad.kernel.event.DueEvents;
import io.myriad.kernel.event.EventQueue;
import io.myriad.kernel.hash.StateHasher;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.Layout;

/**
 * Everything a run's state is: one off-heap store per agent type and the parts beside them, in the order the model
 * declared them, with the run's seed. The state hash and checkpoints cover the world whole, so a model keeps
 * nothing lasting outside it.
 * <p>
 * Structural changes (spawns, despawns, growth, swaps) happen on the driving thread between the parallel stages;
 * a store is replaced when its type grows, so code holding a flyweight re-wraps it from {@link #store(AgentType)}
 * at the start of each batch ({@code wrapIfStale} does).
 */
public final class World implements AutoCloseable
{
    private final AgentType[] types;
    private final AgentStore[] stores;
    private final int[] growthLimits;
    private final Part[] parts;
    private final Layout layout;
    private final long seed;
    private final StateHasher hasher = new StateHasher();
    private final EventQueue events;
    private final DecisionTable decisions;
    private final Channel[] channels;
    private final DueEvents due = new DueEvents(16);
    private boolean closed;

    /**
     * Allocates an empty store for every type, at its first capacity, and attaches every part.
     *
     * @param types  the agent types, at least one, in declaration order.
     * @param parts  the parts, in declaration order.
     * @param layout where the stores place their fields.
     * @param seed   the run's seed.
     * @throws IllegalArgumentException if two types or two parts share a name.
     */
    public World(final List<AgentType> types, final List<Part> parts, final Layout layout, final long seed)
    {
        if (types.isEmpty())
        {
            throw new IllegalArgumentException("a world needs at least one agent type");
        }
        this.types = types.toArray(new AgentType[0]);
        this.parts = parts.toArray(new Part[0]);
        this.layout = layout;
        this.seed = seed;
        final Set<String> names = new HashSet<>();
        for (final AgentType type : this.types)
        {
            requireUnique(names, "agent type", type.name());
        }
        for (final Part part : this.parts)
        {
            requireUnique(names, "part", part.name());
        }
        this.events = only(parts, EventQueue.class, "event queue");
        this.decisions = only(parts, DecisionTable.class, "decision table");
        this.channels = parts.stream().filter(Channel.class::isInstance).map(Channel.class::cast)
            .toArray(Channel[]::new);
        this.stores = new AgentStore[this.types.length];
        this.growthLimits = new int[this.types.length];
        try
        {
            for (int t = 0; t < this.types.length; t++)
            {
                this.types[t].bind(t);
                // a store grows no further than its layout can hold, whatever the type declares: worked out once,
                // since a type at its limit meets it again with every refused birth
                growthLimits[t] = this.types[t].maxCapacity() == this.types[t].capacity() ? this.types[t].capacity() :
                    Math.min(this.types[t].maxCapacity(), layout.maxCapacity(this.types[t].schema()));
                stores[t] = new AgentStore(this.types[t].schema(), layout, this.types[t].capacity());
            }
        }
        catch (final RuntimeException | Error ex)
        {
            close();
            throw ex;
        }
        for (final Part part : this.parts)
        {
            part.attach(this);
        }
    }

    /**
     * @param parts a world's parts, or a model's.
     * @param kind  a kind of part a world has at most one of.
     * @param what  what to call it in a message, e.g. {@code decision table}.
     * @param <T>   the kind.
     * @return the part of that kind among them, or null if there is none.
     * @throws IllegalArgumentException if there are two.
     */
    public static <T extends Part> T only(final List<? extends Part> parts, final Class<T> kind, final String what)
    {
        T found = null;
        for (final Part part : parts)
        {
            if (kind.isInstance(part))
            {
                if (found != null)
                {
                    throw new IllegalArgumentException("a world has one " + what + ", not " + found.name() + " and " +
                        part.name());
                }
                found = kind.cast(part);
            }
        }
        return found;
    }

    /**
     * @return the event queue among its parts, which steps take their events from on the event clock; null when
     *         the world has none (the tick clock).
     */
    public EventQueue events()
    {
        return events;
    }

    /**
     * @return the decisions in flight, among its parts; null when the model decides through no decider.
     */
    public DecisionTable decisions()
    {
        return decisions;
    }

    /** @return how many channels the world has. */
    public int channelCount()
    {
        return channels.length;
    }

    /**
     * @param id a channel's number: its place among the world's channels, in declaration order.
     * @return the channel.
     */
    public Channel channel(final int id)
    {
        return channels[id];
    }

    /** @return a step's sim time: on the event clock the queue's now, on the tick clock the step itself. */
    public double simTime(final long step)
    {
        return events == null ? step : events.now();
    }

    /** Tells every part of an agent born during the run: the apply stage does, with its type id and index. */
    public void agentBorn(final int type, final int agent)
    {
        for (final Part part : parts)
        {
            part.agentBorn(type, agent);
        }
    }

    /** Tells every part of an agent's death: the apply stage does, with its type id and index. */
    public void agentGone(final int type, final int agent)
    {
        for (final Part part : parts)
        {
            part.agentGone(type, agent);
        }
    }

    /**
     * @return the events of the step in progress, every one at the same (time, priority), in the order they were
     *         scheduled; on the event clock a phase's work items are usually these. Empty on the tick clock.
     */
    public DueEvents due()
    {
        return due;
    }

    /**
     * @param type one of the world's types.
     * @return its store as it is now.
     */
    public AgentStore store(final AgentType type)
    {
        return stores[type.id()];
    }

    /**
     * @param typeId a type's {@link AgentType#id()}.
     * @return its store as it is now.
     */
    public AgentStore store(final int typeId)
    {
        return stores[typeId];
    }

    /**
     * @return how many agent types the world has.
     */
    public int typeCount()
    {
        return types.length;
    }

    /**
     * @param typeId a type's {@link AgentType#id()}.
     * @return the type.
     */
    public AgentType type(final int typeId)
    {
        return types[typeId];
    }

    /**
     * @param name a type's name.
     * @return the type, or null if the world has none of that name.
     */
    public AgentType type(final String name)
    {
        for (final AgentType type : types)
        {
            if (type.name().equals(name))
            {
                return type;
            }
        }
        return null;
    }

    /**
     * @return how many parts the world has.
     */
    public int partCount()
    {
        return parts.length;
    }

    /**
     * @param index a part's place in declaration order.
     * @return the part.
     */
    public Part part(final int index)
    {
        return parts[index];
    }

    /**
     * @return the run's seed.
     */
    public long seed()
    {
        return seed;
    }

    /**
     * @return where the stores place their fields.
     */
    public Layout layout()
    {
        return layout;
    }

    /**
     * @return agents alive, over every type.
     */
    public long liveCount()
    {
        long live = 0;
        for (final AgentStore store : stores)
        {
            live += store.liveCount();
        }
        return live;
    }

    /**
     * Makes room for one more agent of a type if its store is full and it may grow: doubles its capacity, up to
     * its maximum. Called on the driving thread between the parallel stages.
     *
     * @param typeId a type's {@link AgentType#id()}.
     * @return true if the store has room for one more agent.
     */
    public boolean makeRoom(final int typeId)
    {
        final AgentStore store = stores[typeId];
        if (store.liveCount() < store.capacity())
        {
            return true;
        }
        final int max = growthLimits[typeId];
        if (store.capacity() >= max)
        {
            return false;
        }
        resize(typeId, (int)Math.min(max, 2L * store.capacity()));
        return true;
    }

    /**
     * Replaces a type's store by a copy at another capacity: growth, or a checkpoint of a grown store being
     * restored into a fresh world.
     *
     * @param typeId   a type's {@link AgentType#id()}.
     * @param capacity the new capacity, at least the store's and at most the type's maximum.
     */
    public void resize(final int typeId, final int capacity)
    {
        final AgentType type = types[typeId];
        if (capacity > type.maxCapacity())
        {
            throw new IllegalArgumentException("agent type " + type.name() + " may hold at most " +
                type.maxCapacity() + " agents, not " + capacity);
        }
        final AgentStore old = stores[typeId];
        if (capacity != old.capacity())
        {
            stores[typeId] = old.grownTo(capacity);
            old.close();
        }
    }

    /**
     * Swaps the double-buffered fields of every store: the end of a step.
     */
    public void swap()
    {
        for (final AgentStore store : stores)
        {
            store.swap();
        }
    }

    /**
     * The state hash of the world after {@code step} steps (see {@link io.myriad.kernel.hash.StateHash}): the step,
     * then each type's name and store, then each part's name and state, in declaration order. Call between steps
     * on the driving thread.
     *
     * @param step steps completed.
     * @return the hash.
     */
    public long stateHash(final long step)
    {
        final StateHasher h = hasher.reset();
        h.word(step);
        for (int t = 0; t < types.length; t++)
        {
            h.text(types[t].name()).store(stores[t]);
        }
        for (final Part part : parts)
        {
            h.text(part.name());
            part.hash(h);
        }
        return h.finish();
    }

    /**
     * Frees every store, and closes every part that holds memory of its own (is {@link AutoCloseable}). Idempotent.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            for (final AgentStore store : stores)
            {
                if (store != null)
                {
                    store.close();
                }
            }
            for (final Part part : parts)
            {
                if (part instanceof AutoCloseable)
                {
                    CloseHelper.quietClose((AutoCloseable)part);
                }
            }
        }
    }

    private static void requireUnique(final Set<String> names, final String what, final String name)
    {
        if (!names.add(name))
        {
            throw new IllegalArgumentException(what + " name " + name + " is used twice in the world: " +
                "every agent type and part needs its own name");
        }
    }
}

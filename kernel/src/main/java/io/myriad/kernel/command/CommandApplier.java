package io.myriad.kernel.command;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import io.myriad.kernel.decide.DecisionTable;
import io.myriad.kernel.event.EventQueue;
import io.myriad.kernel.rng.RngStream;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * The apply stage: carries out one batch's commands in order on the driving thread, and counts their outcomes.
 * Kernel commands (births, deaths) are carried out here; a model's command is checked against its target's
 * liveness and handed to its handler. Births take room from their type's store, growing it when the type may grow.
 */
public final class CommandApplier
{
    private final World world;
    private final CommandRegistry registry;
    private final Command command;
    private final long[] outcomes = new long[Outcome.MAX_REASON + 1];
    private final long[] birthsRefused;
    private long handled;
    private final EventQueue events;
    private final DecisionTable decisions;

    /**
     * @param world    the world commands change.
     * @param registry the model's handlers.
     * @param rng      the stream handlers draw from.
     */
    public CommandApplier(final World world, final CommandRegistry registry, final RngStream rng)
    {
        this.world = world;
        this.registry = registry;
        this.command = new Command(world, rng);
        this.birthsRefused = new long[world.typeCount()];
        this.events = world.events();
        this.decisions = world.decisions();
    }

    /**
     * Applies the commands of one outbox, in order.
     *
     * @param outbox      a batch's commands.
     * @param step        the step they were emitted in.
     * @param outcomeBits where to write each command's outcome, one byte each from offset 0, or null.
     */
    public void apply(final Outbox outbox, final long step, final MutableDirectBuffer outcomeBits)
    {
        final MutableDirectBuffer buffer = outbox.buffer();
        final int end = outbox.length();
        final Command command = this.command;
        int index = 0;
        for (int offset = 0; offset < end; offset += command.length())
        {
            final int outcome = applyOne(command.wrap(buffer, offset, step));
            outcomes[outcome]++;
            handled++;
            if (outcomeBits != null)
            {
                outcomeBits.putByte(index, (byte)outcome);
            }
            index++;
        }
    }

    /**
     * Marks what the agents of one outbox read from channels during the phase as read. The apply stage marks
     * every batch's reads before it applies any batch's commands: the reads saw the state the phase began with,
     * so the sends of one batch must find room freed by the reads of every batch, whatever the batch size.
     *
     * @param outbox a batch's outbox.
     */
    public void applyReads(final Outbox outbox)
    {
        for (int r = 0, reads = outbox.readCount(); r < reads; r++)
        {
            world.channel(outbox.readChannel(r)).consume(outbox.readType(r), outbox.readAgent(r));
        }
    }

    /**
     * @param outcome an outcome code.
     * @return commands with that outcome so far.
     */
    public long count(final int outcome)
    {
        return outcomes[outcome];
    }

    /**
     * @return commands applied so far.
     */
    public long applied()
    {
        return outcomes[Outcome.APPLIED];
    }

    /**
     * @return commands handled so far, applied or rejected: what {@link #applied()} and {@link #rejected()} add up to,
     *         kept as it goes, so asking every step costs nothing.
     */
    public long handled()
    {
        return handled;
    }

    /**
     * @return commands rejected so far, for any reason.
     */
    public long rejected()
    {
        long total = 0;
        for (int i = 1; i < outcomes.length; i++)
        {
            total += outcomes[i];
        }
        return total;
    }

    /**
     * @param typeId a type's id.
     * @return births of that type refused so far because its store was at its maximum capacity.
     */
    public long birthsRefused(final int typeId)
    {
        return birthsRefused[typeId];
    }

    /**
     * @return one line per agent type that refused births at its maximum capacity, naming the type, its maximum and
     *         the births refused, with what to do; empty when none did.
     */
    public List<String> capacityWarnings()
    {
        final List<String> warnings = new ArrayList<>();
        for (int t = 0; t < birthsRefused.length; t++)
        {
            if (birthsRefused[t] > 0)
            {
                warnings.add("agent type " + world.type(t).name() + " refused " + birthsRefused[t] + " births at its " +
                    "maximum capacity of " + world.type(t).maxCapacity() + " agents: raise the maximum the model " +
                    "declares for it (AgentType.growing) if the population should grow further");
            }
        }
        return warnings;
    }

    /**
     * @return the registry commands are routed by.
     */
    public CommandRegistry registry()
    {
        return registry;
    }

    private int applyOne(final Command command)
    {
        final int id = command.id();
        final int type = command.targetType();
        if (id == CommandDescriptor.SCHEDULE && type == -1 && command.targetIndex() == -1)
        {
            return schedule(command);
        }
        if (id == CommandDescriptor.CHANNEL)
        {
            final int source = command.sourceType();
            if (source >= 0 && (source >= world.typeCount() || !world.store(source).isAlive(command.sourceIndex())))
            {
                return Outcome.SOURCE_DEAD;
            }
            return channel(command);
        }
        if (type < 0 || type >= world.typeCount())
        {
            throw new IllegalStateException(registry.commandName(id) + " command aimed at agent type " + type +
                ", which the world does not have (" + world.typeCount() + " types)");
        }
        if (command.isSpawn())
        {
            return spawn(command, id, type);
        }
        final AgentStore store = world.store(type);
        final int target = command.targetIndex();
        if (target < 0 || target >= store.highWaterMark() || !store.isAlive(target))
        {
            return Outcome.TARGET_DEAD;
        }
        if (id == CommandDescriptor.DESPAWN)
        {
            store.despawn(target);
            world.agentGone(type, target);
            return Outcome.APPLIED;
        }
        if (id == CommandDescriptor.SCHEDULE)
        {
            return schedule(command);
        }
        if (id == CommandDescriptor.DECIDE)
        {
            return decide(command);
        }
        return handler(id).apply(command);
    }

    private int schedule(final Command command)
    {
        if (events == null)
        {
            throw new IllegalStateException("the model scheduled an event, but it runs on the tick clock, which has " +
                "no event queue: declare Model.clock() as Clock.EVENTS to run on events");
        }
        scheduleFrom(events, command.buffer(), command.payloadOffset(), command.targetIndex());
        return Outcome.APPLIED;
    }

    private int channel(final Command command)
    {
        final MutableDirectBuffer buffer = command.buffer();
        final int payload = command.payloadOffset();
        final int channel = buffer.getInt(payload + CommandDescriptor.CHANNEL_ID_OFFSET, ByteOrder.LITTLE_ENDIAN);
        if (channel < 0 || channel >= world.channelCount())
        {
            throw new IllegalStateException("a channel command names channel " + channel + ", which the world does " +
                "not have (" + world.channelCount() + " channels)");
        }
        return world.channel(channel).apply(command,
            buffer.getInt(payload + CommandDescriptor.CHANNEL_OP_OFFSET, ByteOrder.LITTLE_ENDIAN), buffer, payload);
    }

    private int decide(final Command command)
    {
        if (decisions == null)
        {
            throw new IllegalStateException("the model asked for a decision, but its world has no DecisionTable: " +
                "declare one among Model.parts(), built from the model's Deliberation");
        }
        final int payload = command.payloadOffset();
        final int facts = decisions.deliberation().facts().size();
        if (command.length() != CommandDescriptor.length((facts + 1) * Double.BYTES))
        {
            throw new IllegalStateException("a decide command for agent " + command.targetIndex() + " carries " +
                ((command.length() - CommandDescriptor.HEADER_LENGTH) / Double.BYTES - 1) + " facts; the " +
                "deliberation has " + facts + ": pass Outbox.decide as many as Deliberation.facts() names");
        }
        final double since = command.buffer().getDouble(payload + CommandDescriptor.DECIDE_SINCE_OFFSET,
            ByteOrder.LITTLE_ENDIAN);
        return decisions.request(command.targetType(), command.targetIndex(), events.now(), since, command.buffer(),
            payload + Double.BYTES);
    }

    /**
     * Schedules the event a payload laid out as a schedule command's ({@link CommandDescriptor#SCHEDULE}) holds: a
     * command's, or an event injected from outside the run, which the kernel journals in the same bytes.
     *
     * @param events  the queue.
     * @param buffer  the payload's buffer.
     * @param payload where the payload starts.
     * @param agent   the agent the event is for, or -1.
     */
    public static void scheduleFrom(final EventQueue events, final DirectBuffer buffer, final int payload,
        final int agent)
    {
        events.schedule(
            buffer.getDouble(payload + CommandDescriptor.SCHEDULE_TIME_OFFSET, ByteOrder.LITTLE_ENDIAN),
            buffer.getInt(payload + CommandDescriptor.SCHEDULE_PRIORITY_OFFSET, ByteOrder.LITTLE_ENDIAN),
            buffer.getInt(payload + CommandDescriptor.SCHEDULE_KIND_OFFSET, ByteOrder.LITTLE_ENDIAN),
            agent,
            buffer.getLong(payload + CommandDescriptor.SCHEDULE_DATA_OFFSET, ByteOrder.LITTLE_ENDIAN));
    }

    private int spawn(final Command command, final int id, final int type)
    {
        final int parentType = command.sourceType();
        if (parentType >= world.typeCount())
        {
            throw new IllegalStateException("a birth names parent type " + parentType + ", which the world does " +
                "not have (" + world.typeCount() + " types)");
        }
        if (parentType >= 0 && !world.store(parentType).isAlive(command.sourceIndex()))
        {
            return Outcome.PARENT_DEAD;
        }
        if (!world.makeRoom(type))
        {
            birthsRefused[type]++;
            return Outcome.CAPACITY;
        }
        final AgentStore store = world.store(type);
        final int born = store.spawn();
        command.targetIndex(born);
        world.agentBorn(type, born);
        if (id == CommandDescriptor.SPAWN)
        {
            return Outcome.APPLIED;
        }
        final int outcome = handler(id).apply(command);
        if (outcome != Outcome.APPLIED)
        {
            store.despawn(born);
            world.agentGone(type, born);
        }
        return outcome;
    }

    private CommandHandler handler(final int id)
    {
        final CommandHandler handler = registry.handler(id);
        if (handler == null)
        {
            throw new IllegalStateException("the model emitted a command with id " + id + " but registered no " +
                "handler for it: register one in Model.commands(CommandRegistry)");
        }
        return handler;
    }
}

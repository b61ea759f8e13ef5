package io.myriad.kernel.command;

import java.util.Arrays;

/**
 * The commands a model handles and the reasons its handlers reject them for, declared once before the run. A
 * command is routed by its id to its handler; a command whose id has no handler stops the run with an error that
 * names it, since it means the model emits what it cannot apply.
 */
public final class CommandRegistry
{
    private CommandHandler[] handlers = new CommandHandler[0];
    private String[] commandNames = new String[0];
    private final String[] reasonNames = new String[Outcome.MAX_REASON + 1];

    /**
     * Routes commands of an id to a handler.
     *
     * @param id      the command's id (its codec's {@code ID}), 1 to 32767.
     * @param name    its name (its codec's {@code NAME}), for reports.
     * @param handler carries it out.
     * @return this registry.
     */
    public CommandRegistry handle(final int id, final String name, final CommandHandler handler)
    {
        if (id < CommandDescriptor.MIN_MODEL_ID || id > CommandDescriptor.MAX_MODEL_ID)
        {
            throw new IllegalArgumentException("command " + name + ": id " + id + " is outside " +
                CommandDescriptor.MIN_MODEL_ID + ".." + CommandDescriptor.MAX_MODEL_ID);
        }
        if (id < handlers.length && handlers[id] != null)
        {
            throw new IllegalArgumentException("command id " + id + " has two handlers: " + commandNames[id] +
                " and " + name);
        }
        if (id >= handlers.length)
        {
            handlers = Arrays.copyOf(handlers, id + 1);
            commandNames = Arrays.copyOf(commandNames, id + 1);
        }
        handlers[id] = handler;
        commandNames[id] = name;
        return this;
    }

    /**
     * Names a reason the model's handlers reject commands for.
     *
     * @param code the code a handler returns, {@link Outcome#FIRST_MODEL_REASON} to {@link Outcome#MAX_REASON}.
     * @param name the reason's name, for reports and journals.
     * @return this registry.
     */
    public CommandRegistry reason(final int code, final String name)
    {
        if (code < Outcome.FIRST_MODEL_REASON || code > Outcome.MAX_REASON)
        {
            throw new IllegalArgumentException("rejection reason " + name + ": code " + code + " is outside " +
                Outcome.FIRST_MODEL_REASON + ".." + Outcome.MAX_REASON);
        }
        if (reasonNames[code] != null)
        {
            throw new IllegalArgumentException("rejection reason " + code + " is named twice: " + reasonNames[code] +
                " and " + name);
        }
        reasonNames[code] = name;
        return this;
    }

    /**
     * @param id a command id.
     * @return its handler, or null.
     */
    public CommandHandler handler(final int id)
    {
        return id >= 0 && id < handlers.length ? handlers[id] : null;
    }

    /**
     * @param id a command id.
     * @return its name: the model's, or the kernel's for a kernel command, or {@code command-<id>}.
     */
    public String commandName(final int id)
    {
        switch (id)
        {
            case CommandDescriptor.DESPAWN:
                return "despawn";
            case CommandDescriptor.SPAWN:
                return "spawn";
            case CommandDescriptor.SCHEDULE:
                return "schedule";
            case CommandDescriptor.DECIDE:
                return "decide";
            case CommandDescriptor.CHANNEL:
                return "channel";
            case CommandDescriptor.DELIVERY:
                return "delivery";
            default:
                break;
        }
        return id >= 0 && id < commandNames.length && commandNames[id] != null ? commandNames[id] : "command-" + id;
    }

    /**
     * @param outcome an outcome code.
     * @return its name: the kernel's, or the model's registered one, or null if none.
     */
    public String outcomeName(final int outcome)
    {
        final String kernel = Outcome.kernelName(outcome);
        return kernel != null ? kernel : outcome >= 0 && outcome <= Outcome.MAX_REASON ? reasonNames[outcome] : null;
    }
}

package io.myriad.kernel.command;

/**
 * What became of a command, one byte: applied, rejected by the kernel for one of its reasons, or rejected by the
 * model's handler for a reason the model registered. Journaled with each command at the events level and counted
 * per reason.
 */
public final class Outcome
{
    /** The command was carried out. */
    public static final int APPLIED = 0;
    /** Its target died earlier in the step (or was never alive). */
    public static final int TARGET_DEAD = 1;
    /** A birth beyond its type's maximum capacity. */
    public static final int CAPACITY = 2;
    /** A birth vetoed because its parent died earlier in the step. */
    public static final int PARENT_DEAD = 3;
    /** A decision request of an agent that has one in flight already. */
    public static final int THINKING = 4;
    /** A message sent to a full channel whose policy is to reject. */
    public static final int CHANNEL_FULL = 5;
    /** An act on a channel by an agent without permission: a send, a write, a subscription, to a non-receiver. */
    public static final int DENIED = 6;
    /** An act on a channel by an agent that died earlier in the step. */
    public static final int SOURCE_DEAD = 7;
    /** The lowest reason a model may register. */
    public static final int FIRST_MODEL_REASON = 8;
    /** The highest reason there is. */
    public static final int MAX_REASON = 255;

    private static final String[] KERNEL_NAMES = { "applied", "target_dead", "capacity", "parent_dead", "thinking",
        "channel_full", "denied", "source_dead" };

    private Outcome()
    {
    }

    /**
     * @param outcome an outcome.
     * @return the kernel's name for it, or null for a model's reason or an unused code.
     */
    public static String kernelName(final int outcome)
    {
        return outcome >= 0 && outcome < KERNEL_NAMES.length ? KERNEL_NAMES[outcome] : null;
    }
}

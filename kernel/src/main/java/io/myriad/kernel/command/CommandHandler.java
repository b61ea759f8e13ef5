package io.myriad.kernel.command;

/**
 * Carries out one kind of command, in batch order on the driving thread. Conflicts are resolved by that order:
 * the first valid claim wins, and a handler rejects a later one by returning a reason.
 */
@FunctionalInterface
public interface CommandHandler
{
    /**
     * @param command the command, its target alive (or, for a birth, just spawned); valid during the call only.
     * @return {@link Outcome#APPLIED}, or a rejection reason the model registered with
     *         {@link CommandRegistry#reason(int, String)}.
     */
    int apply(Command command);
}

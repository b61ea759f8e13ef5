/**
 * Commands: what phases emit instead of writing other agents' state. A model declares each command once as an
 * {@code @Command} record (the build generates its codec); a batch appends commands to its
 * {@link io.myriad.kernel.command.Outbox}, each carrying its target (type, index); after the phase the
 * {@link io.myriad.kernel.command.CommandApplier} carries them out in batch order on one thread, routing each by
 * id to the model's {@link io.myriad.kernel.command.CommandHandler}, and counts every
 * {@link io.myriad.kernel.command.Outcome}. Births and deaths are the kernel's own commands.
 */
package io.myriad.kernel.command;

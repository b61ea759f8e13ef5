/**
 * The {@code myriad} command line: {@link io.myriad.tools.Main} builds the picocli command tree ({@code run},
 * {@code replay}, {@code resume}, {@code journal}, {@code models}, {@code help}) and maps failures to exit statuses:
 * 0 for success, 1 for a run that failed (out of memory, an internal error), 2 for bad input (a bad scenario, flag
 * or parameter), which is reported in one line that says what is wrong, where and how to fix it.
 * <p>
 * A command is a class named for it, holding its options. {@code RunCommand} takes its run in steps, each a class
 * of its own: {@code RunDirectory} (where the run goes and what it leaves there), {@code ModelCreation} (the model,
 * and whether its agents fit), {@code Oversubscription} (the warning, which replay and resume give too, for more
 * threads than processors) and {@code SimulationRun} (the ticks themselves). {@code JournalCommand} is a parent
 * whose subcommands are each a {@code JournalSubcommand}: {@code JournalDumpCommand}, {@code JournalTailCommand},
 * {@code JournalStatsCommand} and {@code JournalVerifyCommand}, which print records as {@code RecordJson} lines.
 */
package io.myriad.tools;

package io.myriad.kernel.checkpoint;

import java.nio.file.Path;

/**
 * What a checkpoint's manifest says: where its data is and what state it holds.
 *
 * @param manifest       the manifest file.
 * @param data           the data file.
 * @param tick           ticks done when it was taken.
 * @param model          the model's name.
 * @param schema         the agents' schema, as {@code name:type[:double]} fields joined by ';'.
 * @param layout         the store's layout.
 * @param seed           the run's seed.
 * @param liveAgents     agents alive.
 * @param stateHash      the state hash at that tick.
 * @param journalRecords records the journal held after its run start when the checkpoint was taken, or -1.
 * @param dataBytes      the data file's length.
 */
public record Checkpoint(
    Path manifest,
    Path data,
    long tick,
    String model,
    String schema,
    String layout,
    long seed,
    int liveAgents,
    long stateHash,
    long journalRecords,
    long dataBytes)
{
}

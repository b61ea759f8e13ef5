package io.myriad.kernel.checkpoint;

import java.nio.file.Path;

/**
 * What a checkpoint's manifest says: where its data is and what state it holds.
 *
 * @param manifest       the manifest file.
 * @param data           the data file.
 * @param tick           ticks done when it was taken.
 * @param model          the model's name.
 * @param world          the world's shape: its types' schemas and its parts' names, see
 *                       {@link Checkpoints#describe(io.myriad.kernel.world.World)}.
 * @param layout         the stores' layout.
 * @param seed           the run's seed.
 * @param liveAgents     agents alive, over every type.
 * @param stateHash      the state hash at that tick.
 * @param journalRecords records the journal held after its run start when the checkpoint was taken, or -1.
 * @param dataBytes      the data file's length.
 */
public record Checkpoint(
    Path manifest,
    Path data,
    long tick,
    String model,
    String world,
    String layout,
    long seed,
    long liveAgents,
    long stateHash,
    long journalRecords,
    long dataBytes)
{
}

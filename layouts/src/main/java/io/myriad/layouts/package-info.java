/**
 * Agent state as data: schemas, memory layouts and the off-heap agent store.
 * <p>
 * A {@link io.myriad.layouts.Schema} lists an agent type's fields; it is declared once, usually as a record
 * annotated with {@link io.myriad.layouts.AgentSchema}, from which the build generates a schema constant and a
 * typed flyweight. A {@link io.myriad.layouts.Layout} decides where each field of each agent lives in memory:
 * {@link io.myriad.layouts.SoaLayout} (a column per field, the default), {@link io.myriad.layouts.AosoaLayout}
 * (blocks of columns) or {@link io.myriad.layouts.AosLayout} (a record per agent, the baseline for comparison).
 * Every layout reduces to one addressing rule, {@link io.myriad.layouts.Addressing}, so the same accessors serve
 * them all. The {@link io.myriad.layouts.AgentStore} owns the memory: capacity, live count, spawn and despawn
 * with a deterministic free list, and double-buffered fields for synchronous updates. Behind its one public face
 * are two package-private parts: {@code Liveness} (which indices hold live agents, and so which one the next spawn
 * takes) and {@code OffHeapRegions} (the aligned direct memory of the layout's regions).
 * <p>
 * Commands, what agents ask the kernel to do, are declared the same way: a record annotated with
 * {@link io.myriad.layouts.Command} gives a {@link io.myriad.layouts.CommandSchema} and a little-endian payload
 * codec.
 * <p>
 * This package knows nothing of time or scheduling.
 */
package io.myriad.layouts;

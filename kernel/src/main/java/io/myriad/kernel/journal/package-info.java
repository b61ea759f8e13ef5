/**
 * The journal: every run's inputs and checks recorded in a Chronicle Queue, so the run can be replayed and
 * verified bit for bit.
 * <p>
 * A journal is a Chronicle Queue directory of <em>documents</em>; each document holds one or more
 * <em>records</em> in Myriad's own binary framing ({@link io.myriad.kernel.journal.RecordDescriptor}): length,
 * type, version, tick, payload and a CRC-32C. One descriptor class per record type gives its payload's bytes:
 * {@link io.myriad.kernel.journal.RunStartDescriptor}, {@link io.myriad.kernel.journal.StateHashDescriptor},
 * {@link io.myriad.kernel.journal.EventsDescriptor}, {@link io.myriad.kernel.journal.InputDescriptor} and
 * {@link io.myriad.kernel.journal.RunEndDescriptor}.
 * <ul>
 *     <li>{@link io.myriad.kernel.journal.JournalWriter} is the journal stage: the simulation's thread encodes a
 *     record into an Agrona ring buffer, allocating nothing, and the writer's own thread drains the ring into the
 *     queue, many records to a document. Behind it, package-private: the record encoder, the ring with its
 *     draining agent, and the catch-up check of a journal reopened by a resume.</li>
 *     <li>{@link io.myriad.kernel.journal.JournalReader} reads records back, checking each one's framing and
 *     checksum.</li>
 *     <li>{@link io.myriad.kernel.journal.Replay} rebuilds a run from its journal's first record and checks every
 *     state hash the run recorded.</li>
 * </ul>
 */
package io.myriad.kernel.journal;

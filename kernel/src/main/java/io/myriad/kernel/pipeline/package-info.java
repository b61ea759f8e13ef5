/**
 * The step pipeline on the LMAX Disruptor.
 * <p>
 * A phase's batches live in a pool indexed by batch number ({@code Batch}: range, outbox, metric sums); a ring of
 * pre-allocated slots carries references to them to the compute workers. The driving thread publishes a phase's
 * batches as the ring has room, then:
 * <ol>
 *   <li><b>compute</b>: W workers, worker k taking the batches {@code batchIndex % W == k}; worker 0 is the driving
 *   thread itself, polling, and workers 1..W-1 are {@code BatchEventProcessor}s on their own threads. A slot is
 *   free again once every worker has passed it, so a phase may have more batches than the ring has slots;</li>
 *   <li><b>apply</b> ({@code ApplyStage}): once every worker has passed the phase's last slot, the driving thread
 *   applies each batch's commands in batch order (births, deaths, the model's commands; first valid claim wins),
 *   journals them with their outcomes at level events, and adds the batches' metric sums in batch order.</li>
 * </ol>
 * A phase of one batch (a small population; later, a step of one event) skips the ring: the driving thread
 * computes it inline and applies it, with no hand-over to other threads ({@code ComputeRing} holds the ring and its
 * workers). A barrier separates phases; after the last phase the world's stores swap their double-buffered
 * fields. Nothing here depends on the number of workers except who computes which batch, so results are identical
 * for any W.
 */
package io.myriad.kernel.pipeline;

/**
 * The tick pipeline on the LMAX Disruptor.
 * <p>
 * One ring of pre-allocated {@link io.myriad.kernel.pipeline.BatchTask} slots carries every batch of every phase.
 * The driving thread publishes a phase's batches, then three stages consume them:
 * <ol>
 *   <li><b>compute</b>: W workers, worker k taking the batches {@code batchIndex % W == k}; worker 0 is the driving
 *   thread itself, polling, and workers 1..W-1 are {@code BatchEventProcessor}s on their own threads;</li>
 *   <li><b>apply</b>: once every batch of the phase is computed, the driving thread applies each batch's outbox
 *   in batch order (births, deaths, model actions; first valid claim wins);</li>
 *   <li><b>metrics</b>: the batches' metric sums are combined in batch order.</li>
 * </ol>
 * A barrier separates phases; after the last phase the store swaps its double-buffered fields. Nothing here
 * depends on the number of workers except who computes which batch, so results are identical for any W.
 */
package io.myriad.kernel.pipeline;

package io.myriad.kernel.pipeline;

/**
 * A ring slot: a reference to the pooled {@link Batch} it carries to the compute workers. Pre-allocated, so
 * publishing allocates nothing; the ring only orders hand-overs and holds no state of its own.
 */
final class BatchTask
{
    Batch batch;
}

package io.myriad.kernel.decide;

/**
 * What came back for a request, off the simulation threads: the answer (the fallback, if the decider timed out or
 * failed), how, how long it took, and the error when it failed.
 *
 * @param request   the request.
 * @param answer    the answer to take; null only when the model's fallback itself failed, which stops the run.
 * @param outcome   {@link AnswerDescriptor#ANSWERED}, {@code CACHED}, {@code TIMED_OUT} or {@code FAILED}.
 * @param latencyNs wall nanoseconds from dispatch to answer.
 * @param prompt    the request as a prompt, UTF-8, for the journal.
 * @param error     what went wrong, or null; with an answer, a note (a timeout, a failure, a cache that failed).
 */
public record DecisionResult(
    DecisionRequest request, Answer answer, int outcome, long latencyNs, byte[] prompt, String error)
{
}

package io.myriad.kernel.decide;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The newest questions a run sent its decider and the newest answers it took, for people watching it (the
 * dashboard's decisions panel): the driving thread records them as they go, with no allocation of its own (the
 * requests and results exist already); any thread reads the newest, newest first.
 */
public final class RecentDecisions
{
    /** Questions and answers kept, each. */
    public static final int KEPT = 32;

    private final AtomicReferenceArray<DecisionRequest> asked = new AtomicReferenceArray<>(KEPT);
    private final AtomicReferenceArray<DecisionResult> answered = new AtomicReferenceArray<>(KEPT);
    private final AtomicLong askedCount = new AtomicLong();
    private final AtomicLong answeredCount = new AtomicLong();

    /**
     * Driving thread: a question was sent to the decider.
     *
     * @param request the question.
     */
    public void asked(final DecisionRequest request)
    {
        final long count = askedCount.get();
        asked.lazySet((int)(count % KEPT), request);
        askedCount.lazySet(count + 1);
    }

    /**
     * Driving thread: an answer was taken.
     *
     * @param result the answer.
     */
    public void answered(final DecisionResult result)
    {
        final long count = answeredCount.get();
        answered.lazySet((int)(count % KEPT), result);
        answeredCount.lazySet(count + 1);
    }

    /**
     * @param most how many at most, up to {@link #KEPT}.
     * @return the newest questions, newest first.
     */
    public List<DecisionRequest> asked(final int most)
    {
        return newest(asked, askedCount.get(), most);
    }

    /**
     * @param most how many at most, up to {@link #KEPT}.
     * @return the newest answers, newest first.
     */
    public List<DecisionResult> answered(final int most)
    {
        return newest(answered, answeredCount.get(), most);
    }

    private static <T> List<T> newest(final AtomicReferenceArray<T> ring, final long count, final int most)
    {
        final List<T> out = new ArrayList<>();
        for (long i = count - 1; i >= 0 && i >= count - Math.min(most, KEPT); i--)
        {
            final T item = ring.get((int)(i % KEPT));
            if (item != null)
            {
                out.add(item);
            }
        }
        return out;
    }
}

package io.myriad.kernel.decide;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The bytes of a decision's outcome, journaled as a kernel input ({@link #INPUT_KIND}, target the agent) before it
 * takes effect, so that replay and a resume's catch-up apply it again without calling the decider. Little-endian:
 * <pre>
 *   0  id (int64)                the decision's id
 *   8  time (float64)            when its action takes effect
 *  16  amount (float64)          the action's amount, as answered (clamped when applied)
 *  24  latency (int64)           wall nanoseconds from dispatch to answer
 *  32  action (int32)            index in Deliberation.actions()
 *  36  outcome (int32)           ANSWERED, CACHED, TIMED_OUT or FAILED
 *  40  prompt tokens (int32)
 *  44  completion tokens (int32)
 *  48  prompt length (int32)     bytes of UTF-8
 *  52  text length (int32)       bytes of UTF-8
 *  56  prompt, then text
 * </pre>
 * The prompt and the answer's text are there for people ({@code myriad journal dump --type decision}); they are cut
 * short to keep a record within {@link #MAX_TEXT} bytes each.
 */
public final class AnswerDescriptor
{
    /** The kernel's input kind of a decision's outcome. */
    public static final int INPUT_KIND = -2;
    /** The decider answered. */
    public static final int ANSWERED = 0;
    /** The answer came from the cache. */
    public static final int CACHED = 1;
    /** The decider took longer than the timeout: the fallback. */
    public static final int TIMED_OUT = 2;
    /** The decider failed (after its retries): the fallback. */
    public static final int FAILED = 3;
    /** Most bytes of prompt, and of text, a record carries. */
    public static final int MAX_TEXT = 16 * 1024;

    static final int ID_OFFSET = 0;
    static final int TIME_OFFSET = 8;
    static final int AMOUNT_OFFSET = 16;
    static final int LATENCY_OFFSET = 24;
    static final int ACTION_OFFSET = 32;
    static final int OUTCOME_OFFSET = 36;
    static final int PROMPT_TOKENS_OFFSET = 40;
    static final int COMPLETION_TOKENS_OFFSET = 44;
    static final int PROMPT_LENGTH_OFFSET = 48;
    static final int TEXT_LENGTH_OFFSET = 52;
    /** Bytes before the prompt. */
    public static final int FIXED_LENGTH = 56;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final String[] OUTCOMES = { "answered", "cached", "timed_out", "failed" };

    private AnswerDescriptor()
    {
    }

    /**
     * @param outcome an outcome code.
     * @return its name, e.g. {@code timed_out}.
     */
    public static String outcomeName(final int outcome)
    {
        return outcome >= 0 && outcome < OUTCOMES.length ? OUTCOMES[outcome] : "unknown(" + outcome + ")";
    }

    /**
     * Writes an outcome, its texts cut short at {@link #MAX_TEXT} bytes each.
     *
     * @param buffer    where, from offset 0; it must hold {@link #FIXED_LENGTH} + 2 x {@link #MAX_TEXT} bytes.
     * @param id        the decision's id.
     * @param time      when its action takes effect.
     * @param answer    the answer (or the fallback).
     * @param outcome   how it came.
     * @param latencyNs wall nanoseconds from dispatch to answer.
     * @param prompt    the prompt, UTF-8.
     * @return bytes written.
     */
    public static int encode(
        final MutableDirectBuffer buffer,
        final long id,
        final double time,
        final Answer answer,
        final int outcome,
        final long latencyNs,
        final byte[] prompt)
    {
        final byte[] text = utf8(answer.text());
        final int promptLength = Math.min(prompt.length, MAX_TEXT);
        final int textLength = Math.min(text.length, MAX_TEXT);
        buffer.putLong(ID_OFFSET, id, ORDER);
        buffer.putDouble(TIME_OFFSET, time, ORDER);
        buffer.putDouble(AMOUNT_OFFSET, answer.amount(), ORDER);
        buffer.putLong(LATENCY_OFFSET, latencyNs, ORDER);
        buffer.putInt(ACTION_OFFSET, answer.action(), ORDER);
        buffer.putInt(OUTCOME_OFFSET, outcome, ORDER);
        buffer.putInt(PROMPT_TOKENS_OFFSET, answer.promptTokens(), ORDER);
        buffer.putInt(COMPLETION_TOKENS_OFFSET, answer.completionTokens(), ORDER);
        buffer.putInt(PROMPT_LENGTH_OFFSET, promptLength, ORDER);
        buffer.putInt(TEXT_LENGTH_OFFSET, textLength, ORDER);
        buffer.putBytes(FIXED_LENGTH, prompt, 0, promptLength);
        buffer.putBytes(FIXED_LENGTH + promptLength, text, 0, textLength);
        return FIXED_LENGTH + promptLength + textLength;
    }

    static byte[] utf8(final String text)
    {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @return true if {@code length} bytes hold a whole outcome, texts and all.
     */
    public static boolean fits(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < FIXED_LENGTH)
        {
            return false;
        }
        final int prompt = buffer.getInt(offset + PROMPT_LENGTH_OFFSET, ORDER);
        final int text = buffer.getInt(offset + TEXT_LENGTH_OFFSET, ORDER);
        return prompt >= 0 && text >= 0 && (long)FIXED_LENGTH + prompt + text == length;
    }

    /** @return the decision's id. */
    public static long id(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + ID_OFFSET, ORDER);
    }

    /** @return when its action takes effect. */
    public static double time(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + TIME_OFFSET, ORDER);
    }

    /** @return the amount as answered. */
    public static double amount(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + AMOUNT_OFFSET, ORDER);
    }

    /** @return wall nanoseconds from dispatch to answer. */
    public static long latencyNs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + LATENCY_OFFSET, ORDER);
    }

    /** @return the action's index. */
    public static int action(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + ACTION_OFFSET, ORDER);
    }

    /** @return the outcome code. */
    public static int outcome(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + OUTCOME_OFFSET, ORDER);
    }

    /** @return tokens of the request. */
    public static int promptTokens(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + PROMPT_TOKENS_OFFSET, ORDER);
    }

    /** @return tokens of the answer. */
    public static int completionTokens(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + COMPLETION_TOKENS_OFFSET, ORDER);
    }

    /** @return the prompt. */
    public static String prompt(final DirectBuffer buffer, final int offset)
    {
        return buffer.getStringWithoutLengthUtf8(offset + FIXED_LENGTH, buffer.getInt(offset + PROMPT_LENGTH_OFFSET,
            ORDER));
    }

    /** @return the answer's text. */
    public static String text(final DirectBuffer buffer, final int offset)
    {
        final int promptLength = buffer.getInt(offset + PROMPT_LENGTH_OFFSET, ORDER);
        return buffer.getStringWithoutLengthUtf8(offset + FIXED_LENGTH + promptLength,
            buffer.getInt(offset + TEXT_LENGTH_OFFSET, ORDER));
    }
}

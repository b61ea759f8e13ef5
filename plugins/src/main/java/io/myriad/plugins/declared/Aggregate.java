package io.myriad.plugins.declared;

import io.myriad.kernel.channel.Inbox;
import io.myriad.layouts.CommandSchema;
import io.myriad.layouts.FieldType;

/**
 * A figure an agent's rules read from the messages it read this step, on one of its input channels: how many, the
 * sum, mean, least or greatest of a field, the last one's, or whether one carries a value. Kept in the scope's
 * values: {@code slot}, and for a mean {@code slot + 1} for the count.
 */
final class Aggregate
{
    enum Kind
    {
        COUNT, SUM, MEAN, MIN, MAX, LAST, HAS
    }

    final int input;
    final Kind kind;
    final int slot;
    private final int offset;
    private final FieldType type;
    private final Expr value;

    /**
     * @param input  the input channel's place among the type's inputs.
     * @param kind   what is worked out.
     * @param slot   where, in the scope's aggregates.
     * @param offset the field's offset in a message, or -1 for the sender's index.
     * @param type   the field's storage type, or null for the sender.
     * @param value  for {@link Kind#HAS}, the value looked for.
     */
    Aggregate(final int input, final Kind kind, final int slot, final int offset, final FieldType type,
        final Expr value)
    {
        this.input = input;
        this.kind = kind;
        this.slot = slot;
        this.offset = offset;
        this.type = type;
        this.value = value;
    }

    /**
     * @return slots it takes: two for a mean, else one.
     */
    int width()
    {
        return kind == Kind.MEAN || kind == Kind.HAS ? 2 : 1;
    }

    void start(final Scope scope)
    {
        final double[] slots = scope.values;
        switch (kind)
        {
            case MIN -> slots[slot] = Double.POSITIVE_INFINITY;
            case MAX -> slots[slot] = Double.NEGATIVE_INFINITY;
            case MEAN ->
            {
                slots[slot] = 0;
                slots[slot + 1] = 0;
            }
            case HAS ->
            {
                slots[slot] = 0;
                slots[slot + 1] = value.eval(scope);
            }
            default -> slots[slot] = 0;
        }
    }

    void add(final Scope scope, final Inbox inbox)
    {
        final double[] slots = scope.values;
        if (kind == Kind.COUNT)
        {
            slots[slot]++;
            return;
        }
        final double v = type == null ? inbox.sender() : type.read(inbox.buffer(), inbox.offset() + offset,
            CommandSchema.BYTE_ORDER);
        switch (kind)
        {
            case SUM -> slots[slot] += v;
            case MEAN ->
            {
                slots[slot] += v;
                slots[slot + 1]++;
            }
            case MIN -> slots[slot] = Math.min(slots[slot], v);
            case MAX -> slots[slot] = Math.max(slots[slot], v);
            case LAST -> slots[slot] = v;
            case HAS -> slots[slot] = v == slots[slot + 1] ? 1 : slots[slot];
            default -> throw new IllegalStateException(kind.name());
        }
    }

    void finish(final Scope scope)
    {
        final double[] slots = scope.values;
        switch (kind)
        {
            case MEAN -> slots[slot] = slots[slot + 1] == 0 ? 0 : slots[slot] / slots[slot + 1];
            case MIN, MAX -> slots[slot] = Double.isInfinite(slots[slot]) ? 0 : slots[slot];
            default ->
            {
            }
        }
    }
}

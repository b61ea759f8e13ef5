package io.myriad.kernel.command;

import io.myriad.kernel.LeftPadding;

/**
 * The fields of an {@link Outbox} that change with every command, between its paddings.
 */
abstract class OutboxFields extends LeftPadding
{
    int length;
    int count;
    long[] reads = new long[64];
    int readCount;
}

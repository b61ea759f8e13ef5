package io.myriad.kernel.command;

/**
 * The fields of an {@link Outbox} that change with every command, between its paddings.
 */
abstract class OutboxFields extends OutboxLeftPadding
{
    int length;
    int count;
    long[] reads = new long[64];
    int readCount;
}

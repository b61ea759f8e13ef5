package io.myriad.kernel.channel;

/**
 * The fields of an {@link Inbox} that change as it reads, between its paddings.
 */
abstract class InboxFields extends InboxLeftPadding
{
    int type;
    int agent;
    int slot;
    boolean started;
}

package io.myriad.kernel.channel;

import io.myriad.kernel.LeftPadding;

/**
 * The fields of an {@link Inbox} that change as it reads, between its paddings.
 */
abstract class InboxFields extends LeftPadding
{
    int type;
    int agent;
    int slot;
    boolean started;
}

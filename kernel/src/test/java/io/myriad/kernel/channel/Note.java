package io.myriad.kernel.channel;

import io.myriad.layouts.Command;

/**
 * A test message.
 *
 * @param stamp what the sender says: which step and which sender, in one number.
 * @param value a number it carries.
 */
@Command(id = 41)
record Note(long stamp, double value)
{
}

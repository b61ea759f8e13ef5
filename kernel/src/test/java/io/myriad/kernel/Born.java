package io.myriad.kernel;

import io.myriad.layouts.Command;

/**
 * The birth of a ring cell, with its first value.
 *
 * @param value the newborn's value.
 */
@Command(id = 2)
record Born(long value)
{
}

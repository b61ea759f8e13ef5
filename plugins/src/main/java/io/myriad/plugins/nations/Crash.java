package io.myriad.plugins.nations;

import io.myriad.layouts.Command;

/**
 * A market crash taking effect, in the apply stage, so that one injected at any priority is carried out after the
 * step's phase has read the price, whatever the workers.
 *
 * @param depth the share of the price it takes, kept within [0, 0.99].
 */
@Command(id = 32)
public record Crash(double depth)
{
}

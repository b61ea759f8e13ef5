package io.myriad.plugins.schelling;

import io.myriad.layouts.Command;

/**
 * An unhappy resident's request to move to a random empty cell; the handler draws the cell when it applies it.
 */
@Command(id = 21)
public record Move()
{
}

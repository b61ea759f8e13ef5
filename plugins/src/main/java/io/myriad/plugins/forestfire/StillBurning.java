package io.myriad.plugins.forestfire;

import io.myriad.layouts.Command;

/**
 * Tells the forest that some cell of a batch of cells is burning after this step.
 */
@Command(id = 22)
public record StillBurning()
{
}

package io.myriad.plugins.pets;

import io.myriad.layouts.Command;

/**
 * Two pets played: their tie grows with their compatibility (shrinks if they are incompatible).
 *
 * @param partner       the other pet.
 * @param compatibility how well their preferences agree, from 0 to 1.
 */
@Command(id = 62)
record Played(int partner, double compatibility)
{
}

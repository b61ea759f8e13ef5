package io.myriad.plugins.pets;

import io.myriad.layouts.Command;

/**
 * A pet eats from its cell: as much as it bites, or what food is left there, first come first served.
 *
 * @param cell the cell.
 * @param bite how much it would eat.
 */
@Command(id = 61)
record Eat(int cell, double bite)
{
}

package io.myriad.plugins.wolfsheep;

import io.myriad.layouts.Command;

/**
 * A lamb or a cub, born in its parent's cell with half its parent's energy.
 *
 * @param cell   where it is born.
 * @param energy what it starts with.
 */
@Command(id = 20)
public record Born(int cell, double energy)
{
}

package io.myriad.plugins.wolfsheep;

import io.myriad.layouts.Command;

/**
 * A wolf's claim on a sheep of its cell: the first claims win, and a wolf that comes after the cell's last sheep
 * has been eaten goes hungry.
 *
 * @param cell the wolf's cell.
 */
@Command(id = 23)
public record Eat(int cell)
{
}

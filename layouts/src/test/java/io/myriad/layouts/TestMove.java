package io.myriad.layouts;

/**
 * A command for the tests, named apart from its record; the build generates {@code TestMoveCodec} from it.
 *
 * @param toCell the cell to move to.
 * @param bid    what the agent offers for it.
 */
@Command(id = 1, name = "Move")
record TestMove(int toCell, double bid)
{
}

package io.myriad.kernel.space.grid;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.metrics.ThreadAllocation;
import io.myriad.kernel.rng.CounterRng;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GridAllocationTest
{
    @Test
    void shouldAllocateNothingOnQueriesAndUpdates()
    {
        assumeTrue(ThreadAllocation.isSupported(), "this JVM does not count allocation per thread");
        try (Grid2D grid = new Grid2D("g", 64, 48, Topology.TORUS))
        {
            final DoubleLayer grass = grid.doubleLayer("grass", true);
            final IntLayer state = grid.intLayer("state", false);
            final SingleOccupancy households = grid.singleOccupancy("households");
            final MultipleOccupancy sheep = grid.multipleOccupancy("sheep", 1000);
            final int[] scratch = new int[grid.maxNeighbours(Neighbourhood.MOORE, 2)];
            final StateHasher hasher = new StateHasher().reset();
            final long key = CounterRng.key(1, 1);
            for (int round = 0; round < 6; round++)
            {
                final long before = ThreadAllocation.currentThreadAllocatedBytes();
                long sink = 0;
                for (int step = 0; step < 20_000; step++)
                {
                    final int cell = step % grid.cellCount();
                    final long bits = CounterRng.bits(key, step);
                    sink += grid.neighbours(cell, Neighbourhood.MOORE, 2, scratch);
                    sink += grid.neighbours(cell, Neighbourhood.VON_NEUMANN, 2, scratch);
                    sink += grid.randomNeighbour(cell, Neighbourhood.MOORE, 1, bits, scratch);
                    sink += grid.offset(cell, -3, 5);
                    grass.setNext(cell, grass.get(cell) + 1.0);
                    state.set(cell, state.get(cell) + 1);
                    final int empty = households.randomEmptyCell(bits);
                    if (empty >= 0 && households.tryPlace(step, empty))
                    {
                        sink += households.randomEmptyNeighbour(empty, Neighbourhood.MOORE, 2, bits, scratch);
                        final int to = households.randomEmptyCell(~bits);
                        if (to >= 0)
                        {
                            households.move(empty, to);
                        }
                    }
                    if (step % 3 == 0)
                    {
                        sink += households.vacate(cell);
                    }
                    sheep.assign(step % 1000, cell);
                    if (step % 100 == 0)
                    {
                        grid.swapLayers();
                        sheep.rebuild(1000);
                        sink += sheep.count(cell) + sheep.agentAt(sheep.start(cell));
                        grid.hash(hasher);
                        sink += hasher.finish();
                    }
                }
                final long allocated = ThreadAllocation.currentThreadAllocatedBytes() - before;
                if (round > 0)
                {
                    // An allocation per call, or per swap, rebuild and hash (200 a round), would be 3,200 bytes or
                    // more; below that is the odd few hundred bytes the JVM itself may charge to the thread when it
                    // deoptimises or recompiles the loop.
                    assertTrue(allocated < 2048, allocated + " bytes allocated in round " + round + " (" + sink + ")");
                }
            }
        }
    }
}

package io.myriad.kernel.space.grid;

import io.myriad.kernel.hash.StateHasher;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridLayerTest
{
    private final StateHasher hasher = new StateHasher().reset();

    @Test
    void shouldSetAndGetEveryCell()
    {
        try (Grid2D grid = new Grid2D("g", 13, 7, Topology.TORUS))
        {
            final DoubleLayer grass = grid.doubleLayer("grass", false);
            final IntLayer state = grid.intLayer("state", false);
            for (int cell = 0; cell < grid.cellCount(); cell++)
            {
                assertEquals(0.0, grass.get(cell));
                assertEquals(0, state.get(cell));
                grass.set(cell, cell * 0.5);
                state.set(cell, -cell);
            }
            for (int cell = 0; cell < grid.cellCount(); cell++)
            {
                assertEquals(cell * 0.5, grass.get(cell));
                assertEquals(-cell, state.get(cell));
                assertEquals(cell * 0.5, grass.currentBuffer().getDouble(cell * Double.BYTES));
            }
            grass.fill(2.5);
            state.fill(9);
            assertEquals(2.5, grass.get(grid.cellCount() - 1));
            assertEquals(9, state.get(0));
            assertEquals(0, grass.currentBuffer().addressOffset() & 63, "columns are cache-line aligned");
        }
    }

    @Test
    void shouldReadCurrentAndWriteNextUntilTheSwap()
    {
        try (Grid2D grid = new Grid2D("g", 4, 4, Topology.BOUNDED))
        {
            final DoubleLayer heat = grid.doubleLayer("heat", true);
            final IntLayer count = grid.intLayer("count", true);
            heat.set(5, 1.0);
            count.set(5, 1);
            heat.setNext(5, 2.0);
            count.setNext(5, 2);
            assertEquals(1.0, heat.get(5));
            assertEquals(2.0, heat.next(5));
            assertEquals(1, count.get(5));
            assertEquals(2, count.next(5));
            assertEquals(0, heat.parity());

            grid.swapLayers();
            assertEquals(1, heat.parity());
            assertEquals(2.0, heat.get(5));
            assertEquals(1.0, heat.next(5), "the next column is the old current one until written");
            assertEquals(2, count.get(5));
            assertEquals(1, count.next(5));

            heat.copyToNext();
            assertEquals(2.0, heat.next(5));
            heat.swap();
            assertEquals(0, heat.parity());
            assertEquals(2.0, heat.get(5));
        }
    }

    @Test
    void shouldShareOneColumnWhenNotDoubleBuffered()
    {
        try (Grid2D grid = new Grid2D("g", 4, 4, Topology.BOUNDED))
        {
            final DoubleLayer food = grid.doubleLayer("food", false);
            assertFalse(food.isDoubleBuffered());
            food.setNext(3, 4.0);
            assertEquals(4.0, food.get(3));
            food.set(3, 5.0);
            assertEquals(5.0, food.next(3));
            food.swap();
            food.copyToNext();
            assertEquals(0, food.parity());
            assertEquals(5.0, food.get(3));
            assertTrue(food.currentBuffer() == food.nextBuffer());
        }
    }

    @Test
    void shouldChangeTheHashWhenOneCellChangesAndOnlyThen()
    {
        try (Grid2D grid = new Grid2D("g", 9, 9, Topology.TORUS))
        {
            final DoubleLayer grass = grid.doubleLayer("grass", true);
            final IntLayer patches = grid.intLayer("patches", false);
            for (int cell = 0; cell < grid.cellCount(); cell++)
            {
                grass.set(cell, cell / 3.0);
                patches.set(cell, cell % 4);
            }
            final long before = hash(grid);
            assertEquals(before, hash(grid));

            grass.set(40, grass.get(40));
            patches.set(40, patches.get(40));
            grass.setNext(40, 99.0);
            assertEquals(before, hash(grid), "neither rewriting a value nor writing the next column changes it");

            grass.set(80, Math.nextUp(grass.get(80)));
            final long grassChanged = hash(grid);
            assertNotEquals(before, grassChanged);
            grass.set(80, 80 / 3.0);
            assertEquals(before, hash(grid));

            patches.set(0, 7);
            assertNotEquals(before, hash(grid));
            patches.set(0, 0);
            assertEquals(before, hash(grid));

            grass.set(0, -0.0);
            assertNotEquals(before, hash(grid), "values are hashed by their bits");
            grass.set(0, 0.0);

            grass.copyToNext();
            grass.swap();
            assertEquals(before, hash(grid), "which column is current does not matter, only the values");
        }
    }

    @Test
    void shouldRefuseCellsOutsideTheGridAndNamesTakenAlready()
    {
        final Grid2D grid = new Grid2D("g", 3, 3, Topology.TORUS);
        final DoubleLayer grass = grid.doubleLayer("grass", true);
        final IntLayer state = grid.intLayer("state", false);
        assertThrows(IndexOutOfBoundsException.class, () -> grass.get(9));
        assertThrows(IndexOutOfBoundsException.class, () -> grass.setNext(-1, 1.0));
        assertThrows(IndexOutOfBoundsException.class, () -> state.set(9, 1));
        assertThrows(IllegalArgumentException.class, () -> grid.intLayer("grass", false));
        grid.singleOccupancy("sheep");
        assertThrows(IllegalArgumentException.class, () -> grid.doubleLayer("sheep", false));
        assertThrows(IllegalArgumentException.class, () -> grid.multipleOccupancy("state", 10));
        assertThrows(IllegalArgumentException.class, () -> grid.doubleLayer("", false));
        assertEquals(2, grid.layerCount());
        assertEquals("state", grid.layer(1).name());
        grid.close();
        grid.close();
        assertThrows(IndexOutOfBoundsException.class, () -> grass.get(0), "a closed layer has no cells");
    }

    private long hash(final Grid2D grid)
    {
        grid.hash(hasher);
        return hasher.finish();
    }
}

package io.myriad.kernel.observe;

import java.util.ArrayList;
import java.util.List;

import io.myriad.kernel.space.ContinuousSpace2D;
import io.myriad.kernel.space.grid.Grid2D;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.World;
import io.myriad.layouts.Schema;

/**
 * What of a world can be drawn: the agent types that have a place ({@code x} and {@code y} fields), with the
 * space's bounds when the world has a continuous space or a grid, and every layer of every grid. Found from the
 * world's types and parts, so every model, declared ones too, is drawn without saying anything.
 *
 * @param points the types with a place, in the world's order.
 * @param layers the grids' layers, grid by grid.
 */
public record Scene(List<Points> points, List<Layer> layers)
{
    /**
     * A type drawn as a point per agent.
     *
     * @param type    the agent type's id in the world.
     * @param name    its name.
     * @param x       the field index of its x.
     * @param y       the field index of its y.
     * @param columns its fields' names, any of which colours the points.
     * @param bounds  the space's extent {x0, x1, y0, y1}, or null for the points' own.
     */
    public record Points(int type, String name, int x, int y, List<String> columns, double[] bounds)
    {
    }

    /**
     * A grid layer drawn as an image, a pixel a cell.
     *
     * @param part   the grid's index among the world's parts.
     * @param grid   the grid's name.
     * @param layer  the layer's index in the grid.
     * @param name   the layer's name.
     * @param width  columns.
     * @param height rows.
     */
    public record Layer(int part, String grid, int layer, String name, int width, int height)
    {
    }

    /**
     * @param world a world, between steps.
     * @return what of it can be drawn.
     */
    public static Scene of(final World world)
    {
        double[] bounds = null;
        final List<Layer> layers = new ArrayList<>();
        for (int p = 0; p < world.partCount(); p++)
        {
            if (world.part(p) instanceof ContinuousSpace2D space)
            {
                bounds = new double[] {0, space.width(), 0, space.height()};
            }
            else if (world.part(p) instanceof Grid2D grid)
            {
                if (bounds == null)
                {
                    bounds = new double[] {0, grid.width(), 0, grid.height()};
                }
                for (int l = 0; l < grid.layerCount(); l++)
                {
                    layers.add(new Layer(p, grid.name(), l, grid.layer(l).name(), grid.width(), grid.height()));
                }
            }
        }
        final List<Points> points = new ArrayList<>();
        for (int t = 0; t < world.typeCount(); t++)
        {
            final AgentType type = world.type(t);
            final Schema schema = type.schema();
            final int x = schema.fieldIndex("x");
            final int y = schema.fieldIndex("y");
            if (x >= 0 && y >= 0)
            {
                final List<String> columns = new ArrayList<>();
                for (int f = 0; f < schema.fieldCount(); f++)
                {
                    columns.add(schema.field(f).name());
                }
                points.add(new Points(t, type.name(), x, y, List.copyOf(columns), bounds));
            }
        }
        return new Scene(List.copyOf(points), List.copyOf(layers));
    }
}

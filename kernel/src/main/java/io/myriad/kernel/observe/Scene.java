package io.myriad.kernel.observe;

import java.util.ArrayList;
import java.util.List;

import io.myriad.kernel.space.ContinuousSpace2D;
import io.myriad.kernel.space.grid.Grid2D;
import io.myriad.kernel.world.World;
import io.myriad.layouts.Schema;

/**
 * What of a world can be drawn: the agent types that have a place ({@code x} and {@code y} fields, or a {@code cell}
 * of the world's grid), with the space's bounds when the world has a continuous space or a grid; every layer of every
 * grid; and every network, as nodes and links. Found from the world's types and parts, so every model, declared
 * ones too, is drawn without saying anything.
 *
 * @param points   the types with a place, in the world's order.
 * @param layers   the grids' layers, grid by grid.
 * @param networks the networks.
 */
public record Scene(List<Points> points, List<Layer> layers, List<Network> networks)
{
    /**
     * A type drawn as a point per agent.
     *
     * @param type      the agent type's id in the world.
     * @param name      its name.
     * @param x         the field index of its x, or -1 when its place is a cell.
     * @param y         the field index of its y, or -1 when its place is a cell.
     * @param cell      the field index of its cell of the grid, or -1 when it has an x and a y.
     * @param gridWidth the grid's columns, for a place that is a cell.
     * @param columns   its fields' names, any of which colours the points.
     * @param bounds    the space's extent {x0, x1, y0, y1}, or null for the points' own.
     * @param most      the most agents the type holds, which bounds a view's frames.
     */
    public record Points(
        int type, String name, int x, int y, int cell, int gridWidth, List<String> columns, double[] bounds,
        int most)
    {
    }

    /**
     * A network drawn as nodes and links, with the agent type whose agent {@code i} is node {@code i}, if any.
     *
     * @param part    the network's index among the world's parts.
     * @param name    the network's name.
     * @param nodes   its nodes.
     * @param links   its links: edges, each undirected one once.
     * @param type    the agent type of its nodes, or -1 when no type has as many agents as it has nodes.
     * @param columns that type's fields, any of which colours the nodes.
     */
    public record Network(int part, String name, int nodes, int links, int type, List<String> columns)
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
        int gridWidth = 0;
        final List<Layer> layers = new ArrayList<>();
        final List<io.myriad.kernel.space.network.Network> networks = new ArrayList<>();
        final List<Integer> networkParts = new ArrayList<>();
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
                    gridWidth = grid.width();
                }
                for (int l = 0; l < grid.layerCount(); l++)
                {
                    layers.add(new Layer(p, grid.name(), l, grid.layer(l).name(), grid.width(), grid.height()));
                }
            }
            else if (world.part(p) instanceof io.myriad.kernel.space.network.Network network)
            {
                networks.add(network);
                networkParts.add(p);
            }
        }
        final List<Points> points = new ArrayList<>();
        for (int t = 0; t < world.typeCount(); t++)
        {
            final Schema schema = world.type(t).schema();
            final int x = schema.fieldIndex("x");
            final int y = schema.fieldIndex("y");
            final int cell = schema.fieldIndex("cell");
            if (x >= 0 && y >= 0)
            {
                points.add(new Points(t, world.type(t).name(), x, y, -1, 0, columns(schema), bounds,
                    world.type(t).maxCapacity()));
            }
            else if (cell >= 0 && gridWidth > 0)
            {
                points.add(new Points(t, world.type(t).name(), -1, -1, cell, gridWidth, columns(schema), bounds,
                    world.type(t).maxCapacity()));
            }
        }
        final List<Network> drawn = new ArrayList<>();
        for (int n = 0; n < networks.size(); n++)
        {
            final io.myriad.kernel.space.network.Network network = networks.get(n);
            int type = -1;
            for (int t = world.typeCount() - 1; t >= 0; t--)
            {
                type = world.store(t).highWaterMark() == network.nodeCount() ? t : type;
            }
            drawn.add(new Network(networkParts.get(n), network.name(), network.nodeCount(), network.linkCount(),
                type, type < 0 ? List.of() : columns(world.type(type).schema())));
        }
        return new Scene(List.copyOf(points), List.copyOf(layers), List.copyOf(drawn));
    }

    private static List<String> columns(final Schema schema)
    {
        final List<String> columns = new ArrayList<>();
        for (int f = 0; f < schema.fieldCount(); f++)
        {
            columns.add(schema.field(f).name());
        }
        return List.copyOf(columns);
    }
}

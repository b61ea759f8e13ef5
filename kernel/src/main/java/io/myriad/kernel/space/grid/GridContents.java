package io.myriad.kernel.space.grid;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;

/**
 * The layers and occupancies declared on a {@link Grid2D}, in declaration order, and the grid's checkpoint section
 * ({@link GridDescriptor}) that saves them together with the grid's configuration.
 */
final class GridContents
{
    private final Grid2D grid;
    private final List<GridLayer> layers = new ArrayList<>();
    private final List<SingleOccupancy> singleOccupancies = new ArrayList<>();
    private final List<MultipleOccupancy> multipleOccupancies = new ArrayList<>();

    GridContents(final Grid2D grid)
    {
        this.grid = grid;
    }

    void checkNewName(final String name)
    {
        if (name == null || name.isEmpty())
        {
            throw new IllegalArgumentException("a layer or occupancy of grid " + grid.name() + " needs a name");
        }
        boolean taken = false;
        for (final GridLayer layer : layers)
        {
            taken |= layer.name().equals(name);
        }
        for (final SingleOccupancy occupancy : singleOccupancies)
        {
            taken |= occupancy.name().equals(name);
        }
        for (final MultipleOccupancy occupancy : multipleOccupancies)
        {
            taken |= occupancy.name().equals(name);
        }
        if (taken)
        {
            throw new IllegalArgumentException("grid " + grid.name() + " already has a layer or occupancy named " +
                name);
        }
    }

    <T extends GridLayer> T add(final T layer)
    {
        layers.add(layer);
        return layer;
    }

    SingleOccupancy add(final SingleOccupancy occupancy)
    {
        singleOccupancies.add(occupancy);
        return occupancy;
    }

    MultipleOccupancy add(final MultipleOccupancy occupancy)
    {
        multipleOccupancies.add(occupancy);
        return occupancy;
    }

    int layerCount()
    {
        return layers.size();
    }

    GridLayer layer(final int index)
    {
        return layers.get(index);
    }

    void swapLayers()
    {
        final List<GridLayer> layers = this.layers;
        for (int i = 0, n = layers.size(); i < n; i++)
        {
            layers.get(i).swap();
        }
    }

    void hash(final StateHasher hasher)
    {
        final List<GridLayer> layers = this.layers;
        final List<SingleOccupancy> singles = this.singleOccupancies;
        final List<MultipleOccupancy> multiples = this.multipleOccupancies;
        hasher.word(layers.size());
        for (int i = 0, n = layers.size(); i < n; i++)
        {
            layers.get(i).hash(hasher);
        }
        hasher.word(singles.size());
        for (int i = 0, n = singles.size(); i < n; i++)
        {
            singles.get(i).hash(hasher);
        }
        hasher.word(multiples.size());
        for (int i = 0, n = multiples.size(); i < n; i++)
        {
            multiples.get(i).hash(hasher);
        }
    }

    void write(final PartWriter out)
    {
        final List<GridLayer> layers = this.layers;
        final List<SingleOccupancy> singles = this.singleOccupancies;
        final List<MultipleOccupancy> multiples = this.multipleOccupancies;
        out.putInt(GridDescriptor.VERSION).putInt(grid.width()).putInt(grid.height())
            .putInt(grid.topology().ordinal()).putInt(nativeOrder());
        out.putInt(layers.size());
        for (int i = 0, n = layers.size(); i < n; i++)
        {
            layers.get(i).writeConfiguration(out);
        }
        out.putInt(singles.size());
        for (int i = 0, n = singles.size(); i < n; i++)
        {
            singles.get(i).writeConfiguration(out);
        }
        out.putInt(multiples.size());
        for (int i = 0, n = multiples.size(); i < n; i++)
        {
            multiples.get(i).writeConfiguration(out);
        }
        for (int i = 0, n = layers.size(); i < n; i++)
        {
            out.putInt(layers.get(i).parity());
        }
        for (int i = 0, n = layers.size(); i < n; i++)
        {
            layers.get(i).writeValues(out);
        }
        for (int i = 0, n = singles.size(); i < n; i++)
        {
            singles.get(i).writeValues(out);
        }
    }

    void read(final PartReader in)
    {
        readConfiguration(in);
        final int[] parities = new int[layers.size()];
        long stateBytes = 0;
        for (int i = 0; i < parities.length; i++)
        {
            final GridLayer layer = layers.get(i);
            parities[i] = in.getInt();
            if (parities[i] != 0 && !(parities[i] == 1 && layer.isDoubleBuffered()))
            {
                throw in.fail("parity " + parities[i] + " for layer " + layer.name() + ", which " +
                    (layer.isDoubleBuffered() ? "is 0 or 1" : "is always 0 as it is not double buffered"));
            }
            stateBytes += layer.savedBytes();
        }
        for (final SingleOccupancy occupancy : singleOccupancies)
        {
            stateBytes += occupancy.savedBytes();
        }
        if (in.remaining() != stateBytes)
        {
            throw in.fail((in.remaining() < stateBytes ? "a section cut short: " : "a section too long: ") +
                in.remaining() + " bytes of layer and occupancy values where grid " + grid.name() + " needs " +
                stateBytes);
        }
        for (int i = 0; i < parities.length; i++)
        {
            layers.get(i).readValues(in, parities[i]);
        }
        for (final SingleOccupancy occupancy : singleOccupancies)
        {
            occupancy.readValues(in);
        }
        in.expectEnd();
    }

    void close()
    {
        for (final GridLayer layer : layers)
        {
            layer.close();
        }
        for (final SingleOccupancy occupancy : singleOccupancies)
        {
            occupancy.close();
        }
    }

    private void readConfiguration(final PartReader in)
    {
        in.expectInt("grid section format version", GridDescriptor.VERSION);
        in.expectInt("grid width", grid.width());
        in.expectInt("grid height", grid.height());
        final int topology = in.getInt();
        if (topology != grid.topology().ordinal())
        {
            final Topology[] topologies = Topology.values();
            throw in.fail("a grid of topology " + (topology >= 0 && topology < topologies.length ?
                topologies[topology] : "code " + topology) + ", this run's is " + grid.topology());
        }
        final int order = in.getInt();
        if (order != nativeOrder())
        {
            throw in.fail("grid columns in " + (order == GridDescriptor.BIG_ENDIAN ? "big" : "little") +
                "-endian byte order, this machine's is " + ByteOrder.nativeOrder());
        }
        in.expectInt("grid layer count", layers.size());
        for (int i = 0, n = layers.size(); i < n; i++)
        {
            layers.get(i).readConfiguration(in, i);
        }
        in.expectInt("grid single occupancy count", singleOccupancies.size());
        for (int i = 0, n = singleOccupancies.size(); i < n; i++)
        {
            singleOccupancies.get(i).readConfiguration(in, i);
        }
        in.expectInt("grid multiple occupancy count", multipleOccupancies.size());
        for (int i = 0, n = multipleOccupancies.size(); i < n; i++)
        {
            multipleOccupancies.get(i).readConfiguration(in, i);
        }
    }

    private static int nativeOrder()
    {
        return ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? GridDescriptor.BIG_ENDIAN :
            GridDescriptor.LITTLE_ENDIAN;
    }
}

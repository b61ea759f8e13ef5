package io.myriad.kernel.observe;

import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.space.network.Network;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;

/**
 * A small network as nodes and links, for a node-link drawing: a byte a node, the value of a column of the node's
 * agent scaled between the least and the greatest in the frame (0 for every node without a column), then each link
 * once as two little-endian 32-bit node numbers. Networks of more than {@link #MAX_NODES} nodes or
 * {@link #MAX_LINKS} links are too big to draw as nodes and links.
 */
public final class NetworkView extends SnapshotView
{
    /** Nodes a network drawn as nodes and links has at most. */
    public static final int MAX_NODES = 20_000;
    /** Links it has at most. */
    public static final int MAX_LINKS = 200_000;

    private final int part;
    private final int type;
    private final int valueField;

    NetworkView(final int id, final String key, final Scene.Network network, final int valueField)
    {
        super(id, key, network.nodes() + 8 * network.links());
        this.part = network.part();
        this.type = network.type();
        this.valueField = valueField;
    }

    @Override
    int kind()
    {
        return Frame.NETWORK;
    }

    @Override
    int copy(final World world, final Frame frame)
    {
        final Network network = (Network)world.part(part);
        final int nodes = network.nodeCount();
        final UnsafeBuffer out = frame.buffer();
        double min = 0;
        double max = 0;
        if (valueField >= 0)
        {
            final AgentStore store = world.store(type);
            final int slot = store.currentSlot(valueField);
            final FieldType fieldType = store.schema().field(valueField).type();
            final UnsafeBuffer column = store.buffer(slot);
            min = Double.POSITIVE_INFINITY;
            max = Double.NEGATIVE_INFINITY;
            for (int node = 0; node < nodes; node++)
            {
                final double value = fieldType.read(column, store.offset(slot, node));
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            final double scale = max > min ? 255.0 / (max - min) : 0;
            for (int node = 0; node < nodes; node++)
            {
                final double value = fieldType.read(column, store.offset(slot, node));
                out.putByte(Frame.HEADER_BYTES + node, (byte)(int)((value - min) * scale));
            }
        }
        else
        {
            out.setMemory(Frame.HEADER_BYTES, nodes, (byte)0);
        }
        int at = Frame.HEADER_BYTES + nodes;
        int links = 0;
        for (int node = 0; node < nodes; node++)
        {
            for (int edge = network.firstEdge(node), end = network.endEdge(node); edge < end; edge++)
            {
                final int target = network.target(edge);
                if (network.isDirected() || node <= target)
                {
                    out.putInt(at, node, ByteOrder.LITTLE_ENDIAN);
                    out.putInt(at + 4, target, ByteOrder.LITTLE_ENDIAN);
                    at += 8;
                    links++;
                }
            }
        }
        frame.putInt(Frame.COUNT_OFFSET, nodes);
        frame.putInt(Frame.TOTAL_OFFSET, links);
        frame.putDouble(Frame.MIN_OFFSET, min);
        frame.putDouble(Frame.MAX_OFFSET, max);
        frame.putInt(Frame.FLAGS_OFFSET, valueField >= 0 ? Frame.HAS_VALUES : 0);
        frame.putInt(Frame.STRIDE_OFFSET, 1);
        return at - Frame.HEADER_BYTES;
    }
}

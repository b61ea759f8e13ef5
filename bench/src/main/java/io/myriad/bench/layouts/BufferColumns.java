package io.myriad.bench.layouts;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Four Agrona {@link UnsafeBuffer} columns over 64-byte-aligned direct memory, for the kernels that go through
 * the buffers and, via their addresses, for those that go around them.
 */
@State(Scope.Benchmark)
public class BufferColumns extends DirectColumns
{
    UnsafeBuffer x;
    UnsafeBuffer y;
    UnsafeBuffer vx;
    UnsafeBuffer vy;

    void view(final ByteBuffer x, final ByteBuffer y, final ByteBuffer vx, final ByteBuffer vy)
    {
        this.x = new UnsafeBuffer(x);
        this.y = new UnsafeBuffer(y);
        this.vx = new UnsafeBuffer(vx);
        this.vy = new UnsafeBuffer(vy);
    }
}

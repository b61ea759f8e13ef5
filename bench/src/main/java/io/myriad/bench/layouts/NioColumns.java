package io.myriad.bench.layouts;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Four direct, native-order {@link ByteBuffer} columns, 64-byte aligned, and {@link DoubleBuffer} views of them:
 * the JDK's own checked ways to off-heap memory.
 */
@State(Scope.Benchmark)
public class NioColumns extends DirectColumns
{
    ByteBuffer x;
    ByteBuffer y;
    ByteBuffer vx;
    ByteBuffer vy;
    DoubleBuffer xView;
    DoubleBuffer yView;
    DoubleBuffer vxView;
    DoubleBuffer vyView;

    void view(final ByteBuffer x, final ByteBuffer y, final ByteBuffer vx, final ByteBuffer vy)
    {
        this.x = x;
        this.y = y;
        this.vx = vx;
        this.vy = vy;
        xView = x.asDoubleBuffer();
        yView = y.asDoubleBuffer();
        vxView = vx.asDoubleBuffer();
        vyView = vy.asDoubleBuffer();
    }
}

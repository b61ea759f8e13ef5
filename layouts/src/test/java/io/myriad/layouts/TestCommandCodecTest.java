package io.myriad.layouts;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.Stream;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The codecs the build generated from {@link TestMove} and {@link TestTrade}, used as models and the kernel use
 * them: typed, over heap and direct buffers, at offsets that are and are not aligned.
 */
class TestCommandCodecTest
{
    static Stream<MutableDirectBuffer> buffers()
    {
        return Stream.of(
            new UnsafeBuffer(new byte[256]),
            new UnsafeBuffer(ByteBuffer.allocateDirect(256)),
            new ExpandableArrayBuffer(8),
            new ExpandableDirectByteBuffer(8));
    }

    @Test
    void shouldGenerateTheConstants()
    {
        assertEquals(1, TestMoveCodec.ID);
        assertEquals("Move", TestMoveCodec.NAME);
        assertEquals(16, TestMoveCodec.LENGTH);
        assertEquals(0, TestMoveCodec.TO_CELL_OFFSET);
        assertEquals(8, TestMoveCodec.BID_OFFSET);
        assertSame(ByteOrder.LITTLE_ENDIAN, TestMoveCodec.BYTE_ORDER);

        assertEquals(2, TestTradeCodec.ID);
        assertEquals("TestTrade", TestTradeCodec.NAME);
        assertEquals(0, TestTradeCodec.SIDE_OFFSET);
        assertEquals(1, TestTradeCodec.URGENT_OFFSET);
        assertEquals(2, TestTradeCodec.QUANTITY_OFFSET);
        assertEquals(8, TestTradeCodec.PRICE_OFFSET);
        assertEquals(16, TestTradeCodec.WEIGHT_OFFSET);
        assertEquals(20, TestTradeCodec.PARTNER_OFFSET);
        assertEquals(24, TestTradeCodec.SHARE_OFFSET);
        assertEquals(32, TestTradeCodec.LENGTH);
    }

    @Test
    void shouldDescribeTheCommandsInTheirSchemas()
    {
        assertEquals(CommandSchema.builder("Move", 1)
            .field("toCell", FieldType.INT)
            .field("bid", FieldType.DOUBLE)
            .build(), TestMoveCodec.SCHEMA);

        final CommandSchema trade = TestTradeCodec.SCHEMA;
        assertEquals("TestTrade", trade.name());
        assertEquals(TestTradeCodec.ID, trade.id());
        assertEquals(TestTradeCodec.LENGTH, trade.length());
        assertEquals(7, trade.fieldCount());
        final int[] offsets = {
            TestTradeCodec.SIDE_OFFSET, TestTradeCodec.URGENT_OFFSET, TestTradeCodec.QUANTITY_OFFSET,
            TestTradeCodec.PRICE_OFFSET, TestTradeCodec.WEIGHT_OFFSET, TestTradeCodec.PARTNER_OFFSET,
            TestTradeCodec.SHARE_OFFSET };
        for (int i = 0; i < offsets.length; i++)
        {
            assertEquals(offsets[i], trade.offset(i), trade.field(i).name());
        }
        assertEquals(new SchemaField("urgent", FieldType.BYTE, false), trade.field(1));
        assertTrue(trade.isBoolean(1));
        assertFalse(trade.isBoolean(0));
    }

    @ParameterizedTest
    @MethodSource("buffers")
    void shouldRoundTripEveryFieldAtAlignedAndUnalignedOffsets(final MutableDirectBuffer buffer)
    {
        final TestTradeCodec trade = new TestTradeCodec();
        final TestMoveCodec move = new TestMoveCodec();
        for (final int offset : new int[]{ 8, 40, 73 })
        {
            assertSame(trade, trade.wrap(buffer, offset));
            trade.side((byte)-1)
                .urgent(true)
                .quantity((short)-32768)
                .price(Long.MAX_VALUE - offset)
                .weight(-1.5f)
                .partner(Integer.MIN_VALUE + offset)
                .share(0.125 * offset);
            move.wrap(buffer, offset + TestTradeCodec.LENGTH).toCell(offset).bid(Double.MAX_VALUE);

            final TestTradeCodec reader = new TestTradeCodec().wrap(buffer, offset);
            assertSame(buffer, reader.buffer());
            assertEquals(offset, reader.offset());
            assertEquals((byte)-1, reader.side());
            assertTrue(reader.urgent());
            assertEquals((short)-32768, reader.quantity());
            assertEquals(Long.MAX_VALUE - offset, reader.price());
            assertEquals(-1.5f, reader.weight());
            assertEquals(Integer.MIN_VALUE + offset, reader.partner());
            assertEquals(0.125 * offset, reader.share());
            assertEquals(offset, move.toCell());
            assertEquals(Double.MAX_VALUE, move.bid());

            // Little-endian whatever the platform: the buffer says so reading explicitly.
            assertEquals(Long.MAX_VALUE - offset,
                buffer.getLong(offset + TestTradeCodec.PRICE_OFFSET, ByteOrder.LITTLE_ENDIAN));
            assertEquals((byte)offset, buffer.getByte(offset + TestTradeCodec.PARTNER_OFFSET));
            assertEquals((byte)0x80, buffer.getByte(offset + TestTradeCodec.PARTNER_OFFSET + 3));
        }
    }

    @Test
    void shouldLeavePaddingAndNeighboursAlone()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        buffer.setMemory(0, 64, (byte)0x33);
        final int offset = 16;
        new TestMoveCodec().wrap(buffer, offset).toCell(-1).bid(-1.0);

        for (int i = 0; i < buffer.capacity(); i++)
        {
            final boolean written = (i >= offset && i < offset + 4) || (i >= offset + 8 && i < offset + 16);
            if (!written)
            {
                assertEquals(0x33, buffer.getByte(i), "byte " + i);
            }
        }
    }

    @Test
    void shouldCheckBoundsThroughTheBuffer()
    {
        final TestMoveCodec move = new TestMoveCodec().wrap(new UnsafeBuffer(new byte[16]), 4);
        assertEquals(0, move.toCell());
        assertThrows(IndexOutOfBoundsException.class, move::bid);
    }

    @Test
    void shouldDescribeThePayloadForDebugging()
    {
        final TestMoveCodec move = new TestMoveCodec();
        assertNull(move.buffer());
        assertEquals("Move(unwrapped)", move.toString());
        move.wrap(new ExpandableArrayBuffer(), 0).toCell(12).bid(0.5);
        assertEquals("Move(toCell=12, bid=0.5)", move.toString());
        assertEquals("TestTrade(side=0, urgent=false, quantity=0, price=0, weight=0.0, partner=0, share=0.0)",
            new TestTradeCodec().wrap(new UnsafeBuffer(new byte[32]), 0).toString());
    }
}

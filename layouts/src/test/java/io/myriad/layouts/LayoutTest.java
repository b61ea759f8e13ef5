package io.myriad.layouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayoutTest
{
    @Test
    void shouldFindLayoutsByName()
    {
        assertSame(SoaLayout.INSTANCE, Layout.named("soa"));
        assertSame(AosLayout.INSTANCE, Layout.named("aos"));
        final AosoaLayout aosoa = assertInstanceOf(AosoaLayout.class, Layout.named("aosoa16"));
        assertEquals(16, aosoa.blockSize());
        assertEquals(2, ((AosoaLayout)Layout.named("aosoa2")).blockSize());
        assertEquals(1024, ((AosoaLayout)Layout.named("aosoa1024")).blockSize());
    }

    @ParameterizedTest
    @ValueSource(strings = { "soa", "aos", "aosoa8", "aosoa16", "aosoa64" })
    void shouldRoundTripNames(final String name)
    {
        assertEquals(name, Layout.named(name).name());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "SOA", "soa ", "aosa", "aosoa", "aosoa3", "aosoa1", "aosoa2048", "aosoax", "aosoa-16",
        "row" })
    void shouldRejectUnknownNamesListingTheChoices(final String name)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Layout.named(name));
        assertTrue(ex.getMessage().contains("'" + name + "'"), ex.getMessage());
        assertTrue(ex.getMessage().contains("soa, aos or aosoa<N>"), ex.getMessage());
        assertTrue(ex.getMessage().contains("2 to 1024"), ex.getMessage());
    }
}

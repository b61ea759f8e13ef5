package io.myriad.layouts.generator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GeneratedNamesTest
{
    @ParameterizedTest
    @CsvSource({
        "x, X",
        "age, AGE",
        "heatLevel, HEAT_LEVEL",
        "posX, POS_X",
        "x2, X2",
        "x2Pos, X2_POS",
        "httpURLPort, HTTP_URL_PORT",
        "URL, URL",
        "already_snake, ALREADY_SNAKE",
        "_hidden, _HIDDEN",
        "aBC, A_BC",
    })
    void shouldConvertCamelCaseToUpperSnakeCase(final String name, final String constant)
    {
        assertEquals(constant, GeneratedNames.constantName(name));
    }

    @Test
    void shouldPrefixNextAccessors()
    {
        assertEquals("nextX", GeneratedNames.nextName("x"));
        assertEquals("nextHeatLevel", GeneratedNames.nextName("heatLevel"));
        assertEquals("next_x", GeneratedNames.nextName("_x"));
    }

    @Test
    void shouldSuffixOffsetConstants()
    {
        assertEquals("X_OFFSET", GeneratedNames.offsetConstantName("x"));
        assertEquals("TO_CELL_OFFSET", GeneratedNames.offsetConstantName("toCell"));
        assertEquals("HTTP_URL_PORT_OFFSET", GeneratedNames.offsetConstantName("httpURLPort"));
    }

    @Test
    void shouldQuoteStringsAsAsciiJavaLiterals()
    {
        assertEquals("\"Bird\"", SourceWriter.quote("Bird"));
        assertEquals("\"a\\\"b\\\\c\\n\\t\"", SourceWriter.quote("a\"b\\c\n\t"));
        assertEquals("\"caf\\u00e9 \\u0001\"", SourceWriter.quote("caf\u00e9 \u0001"));
    }
}

package io.myriad.tools.scenario;

import org.junit.jupiter.api.Test;

import io.myriad.kernel.model.ModelParameter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueTest
{
    private static Value yaml(final String text)
    {
        return ScenarioParser.parse("parameters:\n  v: " + text + "\n", "x.yaml").parameters().get("v");
    }

    @Test
    void shouldReadYamlIntegersInEveryCoreSchemaForm()
    {
        assertEquals(42, yaml("42").asLong());
        assertEquals(-42, yaml("-42").asLong());
        assertEquals(255, yaml("0xff").asLong());
        assertEquals(8, yaml("0o10").asLong());
        assertEquals(1_000_000, yaml("1e6").asLong());
    }

    @Test
    void shouldRejectFractionAsInteger()
    {
        final ScenarioException ex = assertThrows(ScenarioException.class, () -> yaml("2.5").asLong());

        assertEquals("x.yaml:2:6: parameters.v: must be an integer, was 2.5", ex.getMessage());
    }

    @Test
    void shouldRejectIntegerTooLargeFor64Bits()
    {
        final ScenarioException ex = assertThrows(ScenarioException.class,
            () -> yaml("99999999999999999999").asLong());

        assertTrue(ex.getMessage().contains("must be an integer that fits in 64 bits"), ex.getMessage());
    }

    @Test
    void shouldRejectQuotedNumberFromYaml()
    {
        final ScenarioException ex = assertThrows(ScenarioException.class, () -> yaml("\"42\"").asLong());

        assertEquals("x.yaml:2:6: parameters.v: must be an integer, was \"42\"", ex.getMessage());
    }

    @Test
    void shouldTypeCommandLineTextByWhatItIsFor()
    {
        assertEquals(1_000_000, Value.text("--agents", "1_000_000").asLong());
        assertEquals(2_000_000, Value.text("--agents", "2e6").asLong());
        assertEquals(2.5, Value.text("--param scale=2.5", "2.5").asDouble());
        assertTrue(Value.text("--param loud=TRUE", "TRUE").asBoolean());
        assertFalse(Value.text("--param loud=false", "false").asBoolean());
        assertEquals("42", Value.text("--param label=42", "42").asString());
    }

    @Test
    void shouldQuoteTextButNotNumbersInErrors()
    {
        final ScenarioException far = assertThrows(ScenarioException.class,
            () -> Value.text("--param vision=far", "far").asDouble());
        final ScenarioException zero = assertThrows(ScenarioException.class,
            () -> Value.text("--agents", "0").asLong(1, Integer.MAX_VALUE));

        assertEquals("--param vision=far: must be a number, was \"far\"", far.getMessage());
        assertEquals("--agents: must be at least 1, was 0", zero.getMessage());
    }

    @Test
    void shouldRejectJavaOnlyNumberForms()
    {
        assertThrows(ScenarioException.class, () -> Value.text("--param scale=1.5f", "1.5f").asDouble());
        assertThrows(ScenarioException.class, () -> Value.text("--param scale=NaN", "NaN").asDouble());
        assertThrows(ScenarioException.class, () -> Value.text("--agents", "0x10").asLong());
    }

    @Test
    void shouldCheckTypeAndBoundsOfModelParameter()
    {
        final ModelParameter scale = ModelParameter.ofDouble("scale", 1.0, 0.0, 100.0, "a number");

        assertEquals(3.0, yaml("3").as(scale));
        assertEquals("x.yaml:2:6: parameters.v: must be at most 100, was 101",
            assertThrows(ScenarioException.class, () -> yaml("101").as(scale)).getMessage());
        assertEquals("x.yaml:2:6: parameters.v: must be a finite number, was .inf",
            assertThrows(ScenarioException.class, () -> yaml(".inf").as(scale)).getMessage());
        assertEquals("x.yaml:2:6: parameters.v: must be a number, was true",
            assertThrows(ScenarioException.class, () -> yaml("true").as(scale)).getMessage());
        assertEquals("x.yaml:2:6: parameters.v: must be a number, was a list",
            assertThrows(ScenarioException.class, () -> yaml("[1]").as(scale)).getMessage());
        assertEquals("x.yaml:2:5: parameters.v: must be a number, was empty",
            assertThrows(ScenarioException.class, () -> yaml("").as(scale)).getMessage());
    }

    @Test
    void shouldTypeIntegerParameterAsLong()
    {
        final ModelParameter steps = ModelParameter.ofInteger("steps", 1, 0, 10, "an integer");

        assertEquals(4L, Value.text("--param steps=4", "4").as(steps));
        assertEquals("--param steps=-1: must be at least 0, was -1",
            assertThrows(ScenarioException.class, () -> Value.text("--param steps=-1", "-1").as(steps))
                .getMessage());
    }
}

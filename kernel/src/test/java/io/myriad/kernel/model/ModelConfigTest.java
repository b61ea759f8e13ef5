package io.myriad.kernel.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelConfigTest
{
    private static final ModelPlugin PLUGIN = new ModelPlugin()
    {
        public String name()
        {
            return "probe";
        }

        public String description()
        {
            return "a model that only declares parameters";
        }

        public List<ModelParameter> parameters()
        {
            return List.of(
                ModelParameter.ofDouble("speed", 1.5, 0.0, 10.0, "distance per tick"),
                ModelParameter.ofInteger("vision", 3, 1, 100, "cells seen"),
                ModelParameter.ofBoolean("wrap", true, "periodic world"),
                new ModelParameter("label", ParameterType.STRING, "none", 0, 0, "free text"));
        }

        public int defaultAgents()
        {
            return 10;
        }

        public Model create(final ModelConfig config)
        {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void shouldFillDefaultsInDeclarationOrder()
    {
        final ModelConfig config = ModelConfig.of(PLUGIN, 25, 99L, Map.of());
        assertEquals("probe", config.model());
        assertEquals(25, config.agents());
        assertEquals(99L, config.seed());
        assertEquals(1.5, config.doubleValue("speed"));
        assertEquals(3L, config.longValue("vision"));
        assertTrue(config.booleanValue("wrap"));
        assertEquals("none", config.stringValue("label"));
        assertEquals(List.of("speed", "vision", "wrap", "label"), List.copyOf(config.values().keySet()));
    }

    @Test
    void shouldTakeGivenValuesOverDefaults()
    {
        final Map<String, Object> given = new LinkedHashMap<>();
        given.put("vision", 7L);
        given.put("wrap", false);
        given.put("label", "x");
        given.put("speed", 0.25);
        final ModelConfig config = ModelConfig.of(PLUGIN, 1, 0L, given);
        assertEquals(0.25, config.doubleValue("speed"));
        assertEquals(7L, config.longValue("vision"));
        assertFalse(config.booleanValue("wrap"));
        assertEquals("x", config.stringValue("label"));
        assertEquals(List.of("speed", "vision", "wrap", "label"), List.copyOf(config.values().keySet()));
    }

    @Test
    void shouldBeImmutable()
    {
        final ModelConfig config = ModelConfig.of(PLUGIN, 1, 0L, Map.of());
        assertThrows(UnsupportedOperationException.class, () -> config.values().put("speed", 2.0));
    }

    @Test
    void shouldRejectAnUnknownParameterListingTheKnownOnes()
    {
        final InvalidConfigException ex = assertThrows(
            InvalidConfigException.class, () -> ModelConfig.of(PLUGIN, 10, 1L, Map.of("sped", 2.0)));
        assertEquals("parameters.sped", ex.path());
        assertTrue(ex.problem().contains("probe"), ex.problem());
        assertTrue(ex.problem().contains("speed, vision, wrap, label"), ex.problem());
        assertTrue(ex.getMessage().startsWith("parameters.sped: "), ex.getMessage());
    }

    @Test
    void shouldRejectAValueOfTheWrongType()
    {
        assertProblem("speed", "fast", "must be a number, was fast");
        assertProblem("speed", true, "must be a number, was true");
        assertProblem("vision", 2.5, "must be an integer, was 2.5");
        assertProblem("vision", "3", "must be an integer, was 3");
        assertProblem("wrap", "yes", "must be true or false, was yes");
        assertProblem("label", 4L, "must be text, was 4");
        assertProblem("speed", Double.NaN, "must be a finite number, was NaN");
        assertProblem("speed", Double.POSITIVE_INFINITY, "must be a finite number, was Infinity");
    }

    @Test
    void shouldAcceptIntegersForDoubles()
    {
        final ModelConfig config = ModelConfig.of(PLUGIN, 10, 1L, Map.of("speed", 4L));
        assertEquals(4.0, config.doubleValue("speed"));
        assertInstanceOf(Double.class, config.values().get("speed"));
    }

    @Test
    void shouldEnforceBoundsInclusively()
    {
        assertProblem("speed", 10.5, "must be at most 10, was 10.5");
        assertProblem("speed", -0.1, "must be at least 0, was -0.1");
        assertProblem("speed", 11L, "must be at most 10, was 11.0");
        assertProblem("vision", 0L, "must be at least 1, was 0");
        assertProblem("vision", 101L, "must be at most 100, was 101");
        assertEquals(10.0, ModelConfig.of(PLUGIN, 1, 0L, Map.of("speed", 10.0)).doubleValue("speed"));
        assertEquals(0.0, ModelConfig.of(PLUGIN, 1, 0L, Map.of("speed", 0L)).doubleValue("speed"));
        assertEquals(1L, ModelConfig.of(PLUGIN, 1, 0L, Map.of("vision", 1L)).longValue("vision"));
        assertEquals(100L, ModelConfig.of(PLUGIN, 1, 0L, Map.of("vision", 100L)).longValue("vision"));
    }

    @Test
    void shouldRejectFewerThanOneAgent()
    {
        for (final int agents : new int[]{ 0, -1, Integer.MIN_VALUE })
        {
            final InvalidConfigException ex = assertThrows(
                InvalidConfigException.class, () -> ModelConfig.of(PLUGIN, agents, 1L, Map.of()));
            assertEquals("agents", ex.path());
            assertEquals("must be at least 1, was " + agents, ex.problem());
        }
        assertEquals(1, ModelConfig.of(PLUGIN, 1, 1L, Map.of()).agents());
    }

    @Test
    void shouldRejectAskingForAnUndeclaredParameter()
    {
        final ModelConfig config = ModelConfig.of(PLUGIN, 1, 0L, Map.of());
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> config.doubleValue("nope"));
        assertTrue(ex.getMessage().contains("nope"), ex.getMessage());
    }

    @Test
    void shouldRejectADeclarationWhoseDefaultIsOutOfBoundsOrOfTheWrongType()
    {
        final IllegalArgumentException outOfBounds = assertThrows(
            IllegalArgumentException.class, () -> ModelParameter.ofDouble("rate", 2.0, 0.0, 1.0, "a rate"));
        assertEquals("default of parameter rate must be at most 1", outOfBounds.getMessage());
        assertThrows(
            IllegalArgumentException.class,
            () -> new ModelParameter("n", ParameterType.INTEGER, 1.0, 0, 5, "wrong type of default"));
        assertThrows(NullPointerException.class, () -> new ModelParameter(null, ParameterType.BOOLEAN, true, 0, 0, ""));
    }

    private static void assertProblem(final String name, final Object value, final String problem)
    {
        final InvalidConfigException ex = assertThrows(
            InvalidConfigException.class, () -> ModelConfig.of(PLUGIN, 10, 1L, Map.of(name, value)));
        assertEquals("parameters." + name, ex.path());
        assertEquals(problem, ex.problem());
        assertEquals("parameters." + name + ": " + problem, ex.getMessage());
    }
}

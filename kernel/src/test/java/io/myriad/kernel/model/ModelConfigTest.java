package io.myriad.kernel.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
    void shouldAcceptAnyJavaNumberForANumberParameter()
    {
        final Object[] given =
        {
            1, 1L, (short)1, (byte)1, 1.0f, 1.0, new BigDecimal("1.000"), BigInteger.ONE, new AtomicInteger(1),
            new AtomicLong(1)
        };
        for (final Object value : given)
        {
            final ModelConfig config = ModelConfig.of(PLUGIN, 10, 1L, Map.of("speed", value));
            assertEquals(1.0, config.doubleValue("speed"), value.getClass().getSimpleName());
            assertInstanceOf(Double.class, config.values().get("speed"), value.getClass().getSimpleName());
        }
        assertEquals(2.25,
            ModelConfig.of(PLUGIN, 10, 1L, Map.of("speed", new BigDecimal("2.25"))).doubleValue("speed"));
        assertEquals(0.5, ModelConfig.of(PLUGIN, 10, 1L, Map.of("speed", 0.5f)).doubleValue("speed"));
    }

    @Test
    void shouldCheckTheRangeOfANumberParameterWhateverItsType()
    {
        assertProblem("speed", 11, "must be at most 10, was 11");
        assertProblem("speed", -1, "must be at least 0, was -1");
        assertProblem("speed", 10.5f, "must be at most 10, was 10.5");
        assertProblem("speed", new BigDecimal("10.000001"), "must be at most 10, was 10.000001");
        assertProblem("speed", new BigDecimal("1e400"), "must be at most 10, was 1E+400");
        assertProblem("speed", new BigDecimal("-1e400"), "must be at least 0, was -1E+400");
        assertProblem("speed", BigInteger.TEN.pow(30), "must be at most 10, was " + BigInteger.TEN.pow(30));
        assertProblem("speed", Float.NaN, "must be a finite number, was NaN");
        assertProblem("speed", Float.NEGATIVE_INFINITY, "must be a finite number, was -Infinity");
    }

    @Test
    void shouldAcceptAWholeNumberOfAnyTypeForAnIntegerParameter()
    {
        final Object[] given =
        {
            7, 7L, (short)7, (byte)7, 7.0f, 7.0, new BigDecimal("7.00"), new BigDecimal("0.7e1"),
            BigInteger.valueOf(7), new AtomicInteger(7), new AtomicLong(7)
        };
        for (final Object value : given)
        {
            final ModelConfig config = ModelConfig.of(PLUGIN, 10, 1L, Map.of("vision", value));
            assertEquals(7L, config.longValue("vision"), value.getClass().getSimpleName());
            assertInstanceOf(Long.class, config.values().get("vision"), value.getClass().getSimpleName());
        }
    }

    @Test
    void shouldRefuseAFractionOrAnOutOfRangeValueForAnIntegerParameter()
    {
        assertProblem("vision", 1.5, "must be an integer, was 1.5");
        assertProblem("vision", 1.5f, "must be an integer, was 1.5");
        assertProblem("vision", new BigDecimal("2.50"), "must be an integer, was 2.50");
        assertProblem("vision", Double.NaN, "must be an integer, was NaN");
        assertProblem("vision", Double.POSITIVE_INFINITY, "must be an integer, was Infinity");
        assertProblem("vision", 0, "must be at least 1, was 0");
        assertProblem("vision", 101, "must be at most 100, was 101");
        assertProblem("vision", 1e30, "must be at most 100, was 1.0E30");
        assertProblem("vision", BigInteger.TEN.pow(30), "must be at most 100, was " + BigInteger.TEN.pow(30));
        assertProblem("vision", new BigDecimal("-1e30"), "must be at least 1, was -1E+30");
    }

    @Test
    void shouldHoldAnIntegerParameterUpToTheLongRangeExactly()
    {
        final ModelPlugin wide = new ModelPlugin()
        {
            public String name()
            {
                return "wide";
            }

            public String description()
            {
                return "one integer parameter as wide as a long";
            }

            public List<ModelParameter> parameters()
            {
                return List.of(ModelParameter.ofInteger("n", 0, Long.MIN_VALUE, Long.MAX_VALUE, "any long"));
            }

            public int defaultAgents()
            {
                return 1;
            }

            public Model create(final ModelConfig config)
            {
                throw new UnsupportedOperationException();
            }
        };
        assertEquals(Long.MAX_VALUE,
            ModelConfig.of(wide, 1, 0L, Map.of("n", BigInteger.valueOf(Long.MAX_VALUE))).longValue("n"));
        assertEquals(Long.MIN_VALUE,
            ModelConfig.of(wide, 1, 0L, Map.of("n", new BigDecimal(Long.MIN_VALUE))).longValue("n"));
        final InvalidConfigException ex = assertThrows(InvalidConfigException.class,
            () -> ModelConfig.of(wide, 1, 0L, Map.of("n", BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE))));
        assertEquals("must be at most 9223372036854775807, was 9223372036854775808", ex.problem());
    }

    @Test
    void shouldHoldADefaultGivenAsAnotherNumberTypeInTheParameterType()
    {
        assertEquals(3L, new ModelParameter("n", ParameterType.INTEGER, 3, 0, 5, "an int default").defaultValue());
        assertEquals(2.0, new ModelParameter("x", ParameterType.DOUBLE, 2, 0, 5, "an int default").defaultValue());
    }

    @Test
    void shouldEnforceBoundsInclusively()
    {
        assertProblem("speed", 10.5, "must be at most 10, was 10.5");
        assertProblem("speed", -0.1, "must be at least 0, was -0.1");
        assertProblem("speed", 11L, "must be at most 10, was 11");
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
            () -> new ModelParameter("n", ParameterType.INTEGER, 1.5, 0, 5, "a fraction for an integer"));
        assertThrows(
            IllegalArgumentException.class,
            () -> new ModelParameter("n", ParameterType.INTEGER, "1", 0, 5, "wrong type of default"));
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

package io.myriad.kernel.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModelsTest
{
    @Test
    void shouldFindThePluginsOnTheClassPathSortedByName()
    {
        final List<ModelPlugin> all = Models.all();
        assertEquals(List.of("aardvark", "ring", "zebra"), all.stream().map(ModelPlugin::name).toList());
    }

    @Test
    void shouldFindAPluginByName()
    {
        assertInstanceOf(Zebra.class, Models.named("zebra"));
        assertInstanceOf(Aardvark.class, Models.named("aardvark"));
    }

    @Test
    void shouldNameTheKnownModelsWhenOneIsUnknown()
    {
        final InvalidConfigException ex = assertThrows(InvalidConfigException.class, () -> Models.named("Zebra"));
        assertEquals("model", ex.path());
        assertEquals("unknown model 'Zebra'; known models: aardvark, ring, zebra", ex.problem());
    }

    /**
     * A plugin registered in this module's test resources.
     */
    public static final class Zebra extends Named
    {
        public String name()
        {
            return "zebra";
        }
    }

    /**
     * A plugin registered in this module's test resources.
     */
    public static final class Aardvark extends Named
    {
        public String name()
        {
            return "aardvark";
        }
    }

    private abstract static class Named implements ModelPlugin
    {
        public String description()
        {
            return "registered for tests";
        }

        public List<ModelParameter> parameters()
        {
            return List.of();
        }

        public int defaultAgents()
        {
            return 1;
        }

        public Model create(final ModelConfig config)
        {
            throw new UnsupportedOperationException();
        }
    }
}

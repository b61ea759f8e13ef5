package io.myriad.kernel.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The models on the class path, found through {@link ServiceLoader}.
 */
public final class Models
{
    private Models()
    {
    }

    /**
     * @return every model plugin, sorted by name.
     */
    public static List<ModelPlugin> all()
    {
        final List<ModelPlugin> plugins = new ArrayList<>();
        for (final ModelPlugin plugin : ServiceLoader.load(ModelPlugin.class, Models.class.getClassLoader()))
        {
            plugins.add(plugin);
        }
        plugins.sort(Comparator.comparing(ModelPlugin::name));
        return plugins;
    }

    /**
     * @param name a model's name.
     * @return the plugin.
     * @throws InvalidConfigException naming the models there are, if none has that name.
     */
    public static ModelPlugin named(final String name)
    {
        final List<ModelPlugin> plugins = all();
        for (final ModelPlugin plugin : plugins)
        {
            if (plugin.name().equals(name))
            {
                return plugin;
            }
        }
        final StringBuilder names = new StringBuilder();
        for (final ModelPlugin plugin : plugins)
        {
            names.append(names.length() == 0 ? "" : ", ").append(plugin.name());
        }
        throw new InvalidConfigException(
            "model", "unknown model '" + name + "'; known models: " + (names.length() == 0 ? "(none)" : names));
    }
}

package io.myriad.kernel.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The models on the class path, found through {@link ServiceLoader}, and those of the jars and directories of a
 * plugin path ({@link #pluginPath(List)}): a user's own models, without building a class path by hand.
 */
public final class Models
{
    private static volatile ClassLoader loader = Models.class.getClassLoader();

    private Models()
    {
    }

    /**
     * Looks for models in these jars and directories too, from now on in this process: each jar, each directory of
     * classes, and every jar directly in a directory. An empty list looks on the class path alone again.
     *
     * @param entries jars and directories.
     * @throws IllegalArgumentException naming an entry that is neither a jar nor a directory.
     */
    public static void pluginPath(final List<Path> entries)
    {
        if (entries.isEmpty())
        {
            loader = Models.class.getClassLoader();
            return;
        }
        final List<URL> urls = new ArrayList<>();
        for (final Path entry : entries)
        {
            if (Files.isDirectory(entry))
            {
                urls.add(url(entry));
                try (Stream<Path> files = Files.list(entry))
                {
                    files.filter((file) -> file.getFileName().toString().endsWith(".jar")).sorted()
                        .forEach((jar) -> urls.add(url(jar)));
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException("cannot list the plugin directory " + entry, ex);
                }
            }
            else if (Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".jar"))
            {
                urls.add(url(entry));
            }
            else
            {
                throw new IllegalArgumentException(entry + " is neither a jar nor a directory" +
                    (Files.exists(entry) ? "" : " (it does not exist)") + ": a plugin path names jars of models " +
                    "(with META-INF/services/" + ModelPlugin.class.getName() + ") or directories of them");
            }
        }
        loader = new URLClassLoader(urls.toArray(new URL[0]), Models.class.getClassLoader());
    }

    private static URL url(final Path path)
    {
        try
        {
            return path.toUri().toURL();
        }
        catch (final MalformedURLException ex)
        {
            throw new IllegalArgumentException("cannot name " + path + " as a URL: " + ex.getMessage(), ex);
        }
    }

    /**
     * @return every model plugin, sorted by name.
     */
    public static List<ModelPlugin> all()
    {
        final List<ModelPlugin> plugins = new ArrayList<>();
        for (final ModelPlugin plugin : ServiceLoader.load(ModelPlugin.class, loader))
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

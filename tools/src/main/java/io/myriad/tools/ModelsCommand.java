package io.myriad.tools;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.kernel.model.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code myriad models}: every model on the class path with its description, default agents, presets and
 * parameters (name, type, default, range, description).
 */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Lists the models with their default agents, presets and parameters.")
final class ModelsCommand implements Callable<Integer>
{
    private static final String[] HEADINGS = { "name", "type", "default", "range", "description" };

    @Spec
    CommandSpec spec;

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final List<ModelPlugin> plugins = Models.all();
        if (plugins.isEmpty())
        {
            out.println("no models found: the class path has no io.myriad.kernel.model.ModelPlugin services");
        }
        for (int i = 0; i < plugins.size(); i++)
        {
            if (i > 0)
            {
                out.println();
            }
            print(plugins.get(i), out);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static void print(final ModelPlugin plugin, final PrintWriter out)
    {
        out.println(plugin.name() + " - " + plugin.description());
        out.printf(Locale.ROOT, "  default agents  %,d%n", plugin.defaultAgents());
        final Map<String, Map<String, Object>> presets = plugin.presets();
        if (presets.isEmpty())
        {
            out.println("  presets         (none)");
        }
        else
        {
            out.println("  presets");
            for (final Map.Entry<String, Map<String, Object>> preset : presets.entrySet())
            {
                final List<String> values = new ArrayList<>();
                for (final Map.Entry<String, Object> value : preset.getValue().entrySet())
                {
                    values.add(value.getKey() + "=" + format(value.getValue()));
                }
                values.sort(null);
                out.println("    " + preset.getKey() + ": " + String.join(", ", values));
            }
        }

        final List<ModelParameter> parameters = plugin.parameters();
        if (parameters.isEmpty())
        {
            out.println("  parameters      (none)");
            return;
        }
        out.println("  parameters");
        final List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (final ModelParameter parameter : parameters)
        {
            rows.add(new String[]
            {
                parameter.name(),
                typeName(parameter),
                format(parameter.defaultValue()),
                range(parameter),
                parameter.description()
            });
        }
        final int[] widths = new int[HEADINGS.length];
        for (final String[] row : rows)
        {
            for (int c = 0; c < row.length; c++)
            {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (final String[] row : rows)
        {
            final StringBuilder line = new StringBuilder("    ");
            for (int c = 0; c < row.length; c++)
            {
                line.append(row[c]);
                if (c < row.length - 1)
                {
                    line.append(" ".repeat(widths[c] - row[c].length() + 2));
                }
            }
            out.println(line);
        }
    }

    private static String typeName(final ModelParameter parameter)
    {
        switch (parameter.type())
        {
            case INTEGER:
                return "integer";
            case DOUBLE:
                return "number";
            case BOOLEAN:
                return "boolean";
            default:
                return "text";
        }
    }

    private static String range(final ModelParameter parameter)
    {
        switch (parameter.type())
        {
            case INTEGER:
                // integer bounds are held as doubles: written as the integers they are, not 2.305843009213694e+18
                return (long)parameter.min() + " .. " + (long)parameter.max();
            case DOUBLE:
                return format(parameter.min()) + " .. " + format(parameter.max());
            case BOOLEAN:
                return "true, false";
            default:
                return "any";
        }
    }

    private static String format(final Object value)
    {
        if (value instanceof Double || value instanceof Float)
        {
            final double d = ((Number)value).doubleValue();
            if (!Double.isFinite(d))
            {
                return String.valueOf(d);
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e6)
            {
                return Long.toString((long)d);
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toString().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(value);
    }
}

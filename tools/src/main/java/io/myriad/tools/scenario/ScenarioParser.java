package io.myriad.tools.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;


/**
 * Reads a scenario file into a {@link Scenario}, checking its shape: a mapping of known keys, with a mapping
 * under {@code parameters}. YAML is composed into nodes rather than loaded into objects so that every value keeps
 * its line and column for error messages. Plain scalars are resolved by the YAML 1.2 core schema, so
 * {@code 42} is an integer, {@code 2.5} and {@code 1e6} are numbers, {@code true} is a boolean and {@code "42"} is
 * a string. Values are typed later, by {@link RunSettings}, once the model is known.
 */
public final class ScenarioParser
{
    private ScenarioParser()
    {
    }

    /**
     * Reads and parses a scenario file.
     *
     * @param file   the file.
     * @param source the file as the user named it, for messages.
     * @return the scenario.
     * @throws ScenarioException if the file cannot be read, is not valid YAML or has unknown keys or a bad shape.
     */
    public static Scenario parse(final Path file, final String source)
    {
        final String yaml;
        try
        {
            if (Files.isDirectory(file))
            {
                throw new ScenarioException(source + ": is a directory; give the path of a scenario file (.yaml)");
            }
            yaml = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        }
        catch (final NoSuchFileException ex)
        {
            throw new ScenarioException(source + ": no such scenario file; check the path, or give none to run " +
                "the default scenario (scenarios/ has examples)");
        }
        catch (final AccessDeniedException ex)
        {
            throw new ScenarioException(source + ": cannot read the scenario file: permission denied");
        }
        catch (final CharacterCodingException ex)
        {
            throw new ScenarioException(source + ": is not UTF-8 text; save the scenario as UTF-8");
        }
        catch (final IOException ex)
        {
            throw new ScenarioException(source + ": cannot read the scenario file: " + ex.getMessage());
        }
        return parse(yaml, source);
    }

    /**
     * Parses scenario text.
     *
     * @param yaml   the text.
     * @param source where it came from, for messages, e.g. the file's name.
     * @return the scenario.
     * @throws ScenarioException if it is not valid YAML or has unknown keys or a bad shape.
     */
    public static Scenario parse(final String yaml, final String source)
    {
        final Optional<Node> document = compose(yaml, source);
        final Map<String, Value> settings = new LinkedHashMap<>();
        final Map<String, Value> parameters = new LinkedHashMap<>();
        if (document.isEmpty())
        {
            return new Scenario(source, settings, parameters);
        }

        final Node root = document.get();
        if (!(root instanceof MappingNode))
        {
            throw new ScenarioException(where(source, root) + ": a scenario must be a mapping of keys to values, " +
                "e.g. 'model: flocking', was " + value(root, source, "").describe());
        }

        final Map<String, Node> seen = new HashMap<>();
        final Map<String, Node> declaration = new LinkedHashMap<>();
        for (final NodeTuple tuple : ((MappingNode)root).getValue())
        {
            final String key = key(tuple.getKeyNode(), source, "", seen);
            final Node valueNode = tuple.getValueNode();
            if (DeclarationParser.BLOCKS.contains(key) && (!Scenario.AGENTS.equals(key) ||
                valueNode instanceof MappingNode))
            {
                declaration.put(key, valueNode);
            }
            else if (Scenario.PARAMETERS.equals(key))
            {
                parameters(valueNode, source, parameters);
            }
            else if (Scenario.DECIDER.equals(key))
            {
                decider(valueNode, source, settings);
            }
            else if (Scenario.SIMULATION.equals(key))
            {
                final Map<String, Node> inner = new HashMap<>();
                for (final NodeTuple run : entries(valueNode, source, key, "the run's settings, e.g. 'ticks: 200'"))
                {
                    final String name = key(run.getKeyNode(), source, key + ".", inner);
                    if (!Scenario.RUN_KEYS.contains(name))
                    {
                        throw new ScenarioException(where(source, run.getKeyNode()) + ": " + key + "." + name +
                            ": unknown key" + suggestion(name, Scenario.RUN_KEYS) + "; the run's settings are " +
                            String.join(", ", Scenario.RUN_KEYS));
                    }
                    setting(source, run, key + "." + name, name, settings);
                }
            }
            else if (Scenario.RUN_KEYS.contains(key) || Scenario.AGENTS.equals(key))
            {
                setting(source, tuple, key, key, settings);
            }
            else
            {
                throw new ScenarioException(where(source, tuple.getKeyNode()) + ": " + key + ": unknown key" +
                    suggestion(key, Scenario.KEYS) + "; a scenario's keys are " + String.join(", ", Scenario.KEYS));
            }
        }
        if (!declaration.isEmpty())
        {
            DeclarationParser.into(source, seen, declaration, settings, parameters);
        }
        return new Scenario(source, settings, parameters);
    }

    /**
     * Keeps one run setting, written at the top level or in the simulation block, refusing one written twice.
     */
    private static void setting(final String source, final NodeTuple tuple, final String path, final String key,
        final Map<String, Value> settings)
    {
        final String settingKey = Scenario.MAX_TICKS.equals(key) ? Scenario.TICKS : key;
        final Value previous = settings.get(settingKey);
        if (previous != null)
        {
            throw new ScenarioException(where(source, tuple.getKeyNode()) + ": " + path + ": already set by " +
                previous.origin() + (settingKey.equals(key) ? "" : " (ticks and max_ticks are one setting)") +
                "; keep one of them");
        }
        settings.put(settingKey, value(tuple.getValueNode(), source, path));
    }

    /**
     * @param mark   a position in the file.
     * @param source the file, as the user named it.
     * @return {@code source:line:column}, both from 1.
     */
    public static String where(final String source, final Mark mark)
    {
        return source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    /**
     * @param word    a misspelt name.
     * @param choices the names it may have meant.
     * @return {@code " (did you mean 'x'?)"} for the closest choice within two edits, else empty.
     */
    public static String suggestion(final String word, final List<String> choices)
    {
        String best = null;
        int bestDistance = 3;
        for (final String choice : choices)
        {
            final int distance = editDistance(word, choice);
            if (distance < bestDistance)
            {
                best = choice;
                bestDistance = distance;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static Optional<Node> compose(final String yaml, final String source)
    {
        final LoadSettings settings = LoadSettings.builder()
            .setLabel(source)
            .setSchema(new CoreSchema())
            .setUseMarks(true)
            .setAllowRecursiveKeys(false)
            .build();
        try
        {
            return new Compose(settings).composeString(yaml);
        }
        catch (final MarkedYamlEngineException ex)
        {
            final Optional<Mark> mark = ex.getProblemMark().isPresent() ? ex.getProblemMark() : ex.getContextMark();
            final String location = mark.map((m) -> where(source, m)).orElse(source);
            final String context = ex.getContext() == null ? "" : " (" + ex.getContext() + ")";
            throw new ScenarioException(location + ": not valid YAML: " + firstLine(ex.getProblem()) + context +
                "; check the indentation and that each key is followed by ': '");
        }
        catch (final YamlEngineException ex)
        {
            throw new ScenarioException(source + ": not valid YAML: " + firstLine(ex.getMessage()));
        }
    }

    private static void parameters(final Node node, final String source, final Map<String, Value> parameters)
    {
        final Map<String, Node> seen = new HashMap<>();
        for (final NodeTuple tuple : entries(node, source, Scenario.PARAMETERS, "parameter names to values, e.g. " +
            "'vision: 5'"))
        {
            final String name = key(tuple.getKeyNode(), source, Scenario.PARAMETERS + ".", seen);
            final String path = Scenario.PARAMETERS + "." + name;
            final Value value = value(tuple.getValueNode(), source, path);
            final String keyOrigin = where(source, tuple.getKeyNode()) + ": " + path;
            parameters.put(name, new Value(value.kind(), value.text(), value.origin(), keyOrigin));
        }
    }

    private static void decider(final Node node, final String source, final Map<String, Value> settings)
    {
        final Map<String, Node> seen = new HashMap<>();
        for (final NodeTuple tuple : entries(node, source, Scenario.DECIDER, "keys to values, e.g. 'type: scripted'"))
        {
            final String name = key(tuple.getKeyNode(), source, Scenario.DECIDER + ".", seen);
            final String path = Scenario.DECIDER + "." + name;
            if (!Scenario.DECIDER_KEYS.contains(name))
            {
                throw new ScenarioException(where(source, tuple.getKeyNode()) + ": " + path + ": unknown key" +
                    suggestion(name, Scenario.DECIDER_KEYS) + "; a decider's keys are " +
                    String.join(", ", Scenario.DECIDER_KEYS));
            }
            settings.put(path, value(tuple.getValueNode(), source, path));
        }
    }

    /**
     * @return the entries of a nested mapping, none if it is null.
     * @throws ScenarioException if it is not a mapping.
     */
    private static List<NodeTuple> entries(final Node node, final String source, final String key,
        final String example)
    {
        if (YamlNodes.isNull(node))
        {
            return List.of();
        }
        if (!(node instanceof MappingNode))
        {
            throw new ScenarioException(where(source, node) + ": " + key + ": must be a mapping of " + example +
                ", was " + value(node, source, "").describe());
        }
        return ((MappingNode)node).getValue();
    }

    private static String key(final Node node, final String source, final String prefix, final Map<String, Node> seen)
    {
        if (!(node instanceof ScalarNode))
        {
            throw new ScenarioException(where(source, node) + ": " + prefix + "?: keys must be plain names, " +
                "was " + value(node, source, "").describe());
        }
        final String key = ((ScalarNode)node).getValue();
        final Node previous = seen.put(key, node);
        if (previous != null)
        {
            throw new ScenarioException(where(source, node) + ": " + prefix + key + ": duplicate key, first set at " +
                where(source, previous) + "; keep one of them");
        }
        return key;
    }

    static Value value(final Node node, final String source, final String path)
    {
        final String origin = where(source, node) + (path.isEmpty() ? "" : ": " + path);
        if (node instanceof ScalarNode)
        {
            final ScalarNode scalar = (ScalarNode)node;
            final Tag tag = scalar.getTag();
            final Value.Kind kind;
            if (Tag.INT.equals(tag))
            {
                kind = Value.Kind.INTEGER;
            }
            else if (Tag.FLOAT.equals(tag))
            {
                kind = Value.Kind.FLOAT;
            }
            else if (Tag.BOOL.equals(tag))
            {
                kind = Value.Kind.BOOLEAN;
            }
            else if (Tag.NULL.equals(tag))
            {
                kind = Value.Kind.NULL;
            }
            else
            {
                kind = Value.Kind.STRING;
            }
            return new Value(kind, scalar.getValue(), origin);
        }
        if (node instanceof MappingNode)
        {
            return new Value(Value.Kind.MAPPING, "", origin);
        }
        return new Value(Value.Kind.SEQUENCE, "", origin);
    }

    static String where(final String source, final Node node)
    {
        return node.getStartMark().map((mark) -> where(source, mark)).orElse(source);
    }

    private static String firstLine(final String text)
    {
        if (text == null)
        {
            return "";
        }
        final int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }

    private static int editDistance(final String a, final String b)
    {
        final int[] previous = new int[b.length() + 1];
        final int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++)
            {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            System.arraycopy(current, 0, previous, 0, current.length);
        }
        return previous[b.length()];
    }
}

package io.myriad.tools.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads the nodes of a scenario's nested blocks, checking their shapes, and remembers the node at every key path
 * (such as {@code agents.Greeter.policy[0].when}) so that a fault found later, when the declaration is compiled,
 * is reported at its line and column.
 */
final class YamlNodes
{
    private final String source;
    private final Map<String, Node> nodes = new HashMap<>();

    YamlNodes(final String source)
    {
        this.source = source;
    }

    /**
     * @return where a node is: {@code file:line:column}.
     */
    String where(final Node node)
    {
        return ScenarioParser.where(source, node);
    }

    ScenarioException fail(final Node node, final String path, final String problem)
    {
        return new ScenarioException(where(node) + ": " + path + ": " + problem);
    }

    /**
     * Notes the node at a path.
     */
    Node note(final String path, final Node node)
    {
        nodes.put(path, node);
        return node;
    }

    /**
     * @param path   a key path, perhaps deeper than any noted.
     * @param column a character of the value's text at fault, from 0, or -1.
     * @return where to report a fault at that path: the deepest noted node on it, moved to the character when the
     *         node is a scalar on one line.
     */
    String origin(final String path, final int column)
    {
        String at = path;
        while (at != null && !nodes.containsKey(at))
        {
            final int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
            at = cut <= 0 ? null : at.substring(0, cut);
        }
        if (at == null)
        {
            return source;
        }
        final Node node = nodes.get(at);
        if (column >= 0 && at.equals(path) && node instanceof ScalarNode &&
            !((ScalarNode)node).getValue().contains("\n") && node.getStartMark().isPresent())
        {
            final ScalarNode scalar = (ScalarNode)node;
            final int quote = scalar.getScalarStyle() == ScalarStyle.PLAIN ? 0 : 1;
            return source + ":" + (node.getStartMark().get().getLine() + 1) + ":" +
                (node.getStartMark().get().getColumn() + 1 + quote + column);
        }
        return where(node);
    }

    /**
     * @return the entries of a mapping, keyed by their text, in order, each noted at {@code path.key}.
     */
    Map<String, Node> mapping(final Node node, final String path, final String example)
    {
        if (!(node instanceof MappingNode))
        {
            throw fail(node, path, "must be a mapping, e.g. " + example + ", was " + describe(node));
        }
        note(path, node);
        final Map<String, Node> entries = new LinkedHashMap<>();
        for (final NodeTuple tuple : ((MappingNode)node).getValue())
        {
            if (!(tuple.getKeyNode() instanceof ScalarNode))
            {
                throw fail(tuple.getKeyNode(), path, "keys must be plain names");
            }
            final String key = ((ScalarNode)tuple.getKeyNode()).getValue();
            if (entries.containsKey(key))
            {
                throw fail(tuple.getKeyNode(), path + "." + key, "duplicate key, first set at " +
                    where(nodes.get(path + "." + key)) + "; keep one of them");
            }
            entries.put(key, note(path + "." + key, tuple.getValueNode()));
        }
        return entries;
    }

    /**
     * As {@link #mapping}, refusing keys not among those allowed.
     */
    Map<String, Node> mapping(final Node node, final String path, final String example, final List<String> keys)
    {
        final Map<String, Node> entries = mapping(node, path, example);
        for (final String key : entries.keySet())
        {
            if (!keys.contains(key))
            {
                final boolean fragment = key.matches(".*[()'\"].*");
                throw fail(keyNode(node, key), path + "." + key, "unknown key" + ScenarioParser.suggestion(key, keys) +
                    "; the keys here are " + String.join(", ", keys) + (fragment ? " (in a { } mapping, a comma " +
                    "ends a value: quote an expression that holds one, e.g. initial: \"uniform(0, 1)\")" : ""));
            }
        }
        return entries;
    }

    /**
     * @return the items of a sequence, each noted at {@code path[i]}.
     */
    List<Node> sequence(final Node node, final String path, final String example)
    {
        if (!(node instanceof SequenceNode))
        {
            throw fail(node, path, "must be a list, e.g. " + example + ", was " + describe(node));
        }
        note(path, node);
        final List<Node> items = new ArrayList<>();
        for (final Node item : ((SequenceNode)node).getValue())
        {
            note(path + "[" + items.size() + "]", item);
            items.add(item);
        }
        return items;
    }

    /**
     * @return a scalar's text: a name, a number or an expression.
     */
    String text(final Node node, final String path)
    {
        if (!(node instanceof ScalarNode) || Tag.NULL.equals(node.getTag()))
        {
            throw fail(node, path, "must be a value, was " + describe(node));
        }
        return ((ScalarNode)node).getValue();
    }

    long integer(final Node node, final String path, final long min, final long max)
    {
        final String text = text(node, path);
        if (!Tag.INT.equals(node.getTag()))
        {
            throw fail(node, path, "must be a whole number, was '" + text + "'");
        }
        final long value;
        try
        {
            value = Long.decode(text.replace("_", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw fail(node, path, "must be a whole number from " + min + " to " + max + ", was " + text);
        }
        if (value < min || value > max)
        {
            throw fail(node, path, "must be from " + min + " to " + max + ", was " + text);
        }
        return value;
    }

    static boolean isNull(final Node node)
    {
        return node == null || (node instanceof ScalarNode && Tag.NULL.equals(node.getTag()));
    }

    /**
     * @return a node as the parser's messages describe a value: text quoted, lists and mappings by kind.
     */
    String describe(final Node node)
    {
        return ScenarioParser.value(node, source, "").describe();
    }

    private static Node keyNode(final Node mapping, final String key)
    {
        for (final NodeTuple tuple : ((MappingNode)mapping).getValue())
        {
            if (tuple.getKeyNode() instanceof ScalarNode && ((ScalarNode)tuple.getKeyNode()).getValue().equals(key))
            {
                return tuple.getKeyNode();
            }
        }
        return mapping;
    }
}

package io.myriad.tools.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

import io.myriad.plugins.declared.DeclaredModel;
import io.myriad.plugins.declared.DeclaredPlugin;
import io.myriad.plugins.declared.DeclaredSpec;
import io.myriad.plugins.declared.DeclaredSpec.ActionSpec;
import io.myriad.plugins.declared.DeclaredSpec.ChannelSpec;
import io.myriad.plugins.declared.DeclaredSpec.ConnectionSpec;
import io.myriad.plugins.declared.DeclaredSpec.EngineRuleSpec;
import io.myriad.plugins.declared.DeclaredSpec.EventSpec;
import io.myriad.plugins.declared.DeclaredSpec.FieldSpec;
import io.myriad.plugins.declared.DeclaredSpec.MetricSpec;
import io.myriad.plugins.declared.DeclaredSpec.RuleSpec;
import io.myriad.plugins.declared.DeclaredSpec.TypeSpec;
import io.myriad.plugins.declared.SpecException;

/**
 * Reads the blocks of a scenario that declare a model without Java ({@code agents} as a mapping of types,
 * {@code channels}, {@code connections}, {@code rules}, {@code events}, {@code metrics}) into a
 * {@link DeclaredSpec}, and compiles it once to find every fault, each reported at its file, line, column and key
 * path with what was expected.
 */
final class DeclarationParser
{
    /** The blocks of a declared model. */
    static final List<String> BLOCKS = List.of("agents", "space", "channels", "connections", "rules", "events",
        "metrics");
    static final List<String> SPACE_KEYS = List.of("width", "height", "topology");

    static final List<String> TYPE_KEYS = List.of("count", "prefix", "fields", "instances", "policy");
    static final List<String> FIELD_KEYS = List.of("type", "initial");
    static final List<String> RULE_KEYS = List.of("when", "then");
    static final List<String> CHANNEL_KEYS = List.of("kind", "message", "capacity", "full", "latency", "topics",
        "records");
    static final List<String> CONNECTION_KEYS = List.of("from", "to");
    static final List<String> ENGINE_RULE_KEYS = List.of("name", "agents", "every", "when", "then");
    static final List<String> EVENT_KEYS = List.of("at", "agents", "then");
    static final List<String> METRIC_KEYS = List.of("of", "reduce");
    static final List<String> ACTIONS = List.of("set", "send", "subscribe", "unsubscribe", "write", "move");
    private static final int DEFAULT_CAPACITY = 1024;

    private final YamlNodes yaml;

    private DeclarationParser(final String source)
    {
        this.yaml = new YamlNodes(source);
    }

    /**
     * @param source the scenario, as the user named it.
     * @param blocks the declaring blocks by key, {@code agents} a mapping.
     * @return the declaration, compiled once to check it.
     * @throws ScenarioException at the first fault.
     */
    static DeclaredSpec parse(final String source, final Map<String, Node> blocks)
    {
        final DeclarationParser parser = new DeclarationParser(source);
        final DeclaredSpec spec = parser.spec(blocks);
        try
        {
            new DeclaredModel(spec);
        }
        catch (final SpecException ex)
        {
            throw new ScenarioException(parser.yaml.origin(ex.path(), ex.column()) + ": " + ex.path() + ": " +
                ex.problem());
        }
        return spec;
    }

    /**
     * Reads the blocks that declare a model into the settings of a run of model {@code declared}: its agents (the
     * sum of the types' counts) and its {@code spec} parameter.
     */
    static void into(final String source, final Map<String, Node> keys,
        final Map<String, Node> declaration, final Map<String, Value> settings, final Map<String, Value> parameters)
    {
        if (!declaration.containsKey(Scenario.AGENTS))
        {
            final String block = declaration.keySet().iterator().next();
            throw new ScenarioException(ScenarioParser.where(source, keys.get(block)) + ": " + block + ": declares " +
                "part of a model, but the scenario declares no agent types; add them under agents, e.g. 'agents: " +
                "{Greeter: {count: 2}}'");
        }
        final String origin = ScenarioParser.where(source, keys.get(Scenario.AGENTS)) + ": " + Scenario.AGENTS;
        final Value model = settings.get(Scenario.MODEL);
        if (model != null && !DeclaredPlugin.NAME.equals(model.text()))
        {
            throw new ScenarioException(model.origin() + ": the scenario declares its own agent types (" + origin +
                "), which run as model declared; remove 'model: " + model.text() + "'");
        }
        if (!parameters.isEmpty())
        {
            throw new ScenarioException(parameters.values().iterator().next().keyOrigin() + ": a model declared " +
                "in the scenario takes no parameters; put values in its fields' initial expressions instead");
        }
        final DeclaredSpec spec = DeclarationParser.parse(source, declaration);
        long agents = 0;
        for (final DeclaredSpec.TypeSpec type : spec.types())
        {
            agents += type.count();
        }
        if (agents > Integer.MAX_VALUE)
        {
            throw new ScenarioException(origin + ": declares " + agents + " agents; at most " + Integer.MAX_VALUE);
        }
        settings.put(Scenario.MODEL, new Value(Value.Kind.STRING, DeclaredPlugin.NAME, origin));
        settings.put(Scenario.AGENTS, new Value(Value.Kind.INTEGER, Long.toString(agents), origin));
        parameters.put(DeclaredPlugin.SPEC, new Value(Value.Kind.STRING, DeclaredPlugin.toJson(spec), origin));
    }

    private DeclaredSpec spec(final Map<String, Node> blocks)
    {
        final List<TypeSpec> types = new ArrayList<>();
        for (final Map.Entry<String, Node> type : yaml.mapping(blocks.get("agents"), "agents", "'Greeter: {count: 2}'")
            .entrySet())
        {
            types.add(type(type.getKey(), type.getValue()));
        }
        final List<ChannelSpec> channels = new ArrayList<>();
        if (blocks.containsKey("channels"))
        {
            for (final Map.Entry<String, Node> channel : yaml.mapping(blocks.get("channels"), "channels",
                "'greetings: {kind: broadcast, message: {word: symbol}}'").entrySet())
            {
                channels.add(channel(channel.getKey(), channel.getValue()));
            }
        }
        final List<ConnectionSpec> connections = new ArrayList<>();
        final List<EngineRuleSpec> rules = new ArrayList<>();
        final List<EventSpec> events = new ArrayList<>();
        final List<MetricSpec> metrics = new ArrayList<>();
        for (final Map.Entry<String, Node> block : blocks.entrySet())
        {
            final String key = block.getKey();
            if (key.equals("connections"))
            {
                final List<Node> items = yaml.sequence(block.getValue(), key, "[{from: Greeter_*, to: greetings}]");
                for (int i = 0; i < items.size(); i++)
                {
                    final Map<String, Node> entry = yaml.mapping(items.get(i), key + "[" + i + "]",
                        "{from: Greeter_*, to: greetings}", CONNECTION_KEYS);
                    connections.add(new ConnectionSpec(required(entry, "from", key + "[" + i + "]"),
                        required(entry, "to", key + "[" + i + "]")));
                }
            }
            else if (key.equals("rules"))
            {
                rules(block.getValue(), rules);
            }
            else if (key.equals("events"))
            {
                events(block.getValue(), events);
            }
            else if (key.equals("metrics"))
            {
                for (final Map.Entry<String, Node> metric : yaml.mapping(block.getValue(), key,
                    "'greeted: {of: Greeter.greeted, reduce: sum}'").entrySet())
                {
                    final String path = key + "." + metric.getKey();
                    final Map<String, Node> entry = yaml.mapping(metric.getValue(), path, "{of: Greeter.greeted, " +
                        "reduce: sum}", METRIC_KEYS);
                    metrics.add(new MetricSpec(metric.getKey(), required(entry, "of", path),
                        optional(entry, "reduce", path)));
                }
            }
        }
        DeclaredSpec.SpaceSpec space = null;
        if (blocks.containsKey("space"))
        {
            final Map<String, Node> entry = yaml.mapping(blocks.get("space"), "space", "{width: 20, height: 20}",
                SPACE_KEYS);
            required(entry, "width", "space");
            required(entry, "height", "space");
            space = new DeclaredSpec.SpaceSpec((int)yaml.integer(entry.get("width"), "space.width", 1, 1 << 27),
                (int)yaml.integer(entry.get("height"), "space.height", 1, 1 << 27),
                optional(entry, "topology", "space"));
        }
        return new DeclaredSpec(types, channels, connections, rules, events, metrics, space);
    }

    private TypeSpec type(final String name, final Node node)
    {
        final String path = "agents." + name;
        final Map<String, Node> entry = yaml.mapping(node, path, "{count: 2, fields: {greeted: int}}", TYPE_KEYS);
        final int count = entry.containsKey("count") ?
            (int)yaml.integer(entry.get("count"), path + ".count", 1, Integer.MAX_VALUE) : 1;
        final String prefix = entry.containsKey("prefix") ? yaml.text(entry.get("prefix"), path + ".prefix") : name;
        final List<FieldSpec> fields = entry.containsKey("fields") ? fields(entry.get("fields"), path + ".fields",
            true) : List.of();
        final Map<String, Map<String, String>> instances = new LinkedHashMap<>();
        if (entry.containsKey("instances"))
        {
            for (final Map.Entry<String, Node> instance : yaml.mapping(entry.get("instances"), path + ".instances",
                "{" + prefix + "_1: {greeted: 1}}").entrySet())
            {
                final String at = path + ".instances." + instance.getKey();
                final Map<String, String> values = new LinkedHashMap<>();
                for (final Map.Entry<String, Node> value : yaml.mapping(instance.getValue(), at, "{greeted: 1}")
                    .entrySet())
                {
                    values.put(value.getKey(), yaml.text(value.getValue(), at + "." + value.getKey()));
                }
                instances.put(instance.getKey(), values);
            }
        }
        final List<RuleSpec> policy = new ArrayList<>();
        if (entry.containsKey("policy"))
        {
            final List<Node> items = yaml.sequence(entry.get("policy"), path + ".policy",
                "[{when: \"count(greetings) > 0\", then: [...]}]");
            for (int r = 0; r < items.size(); r++)
            {
                final String at = path + ".policy[" + r + "]";
                final Map<String, Node> rule = yaml.mapping(items.get(r), at, "{when: ..., then: [...]}", RULE_KEYS);
                policy.add(new RuleSpec(optional(rule, "when", at), actions(rule.get("then"), at + ".then")));
            }
        }
        return new TypeSpec(name, prefix, count, fields, instances, policy);
    }

    private List<FieldSpec> fields(final Node node, final String path, final boolean initial)
    {
        final List<FieldSpec> fields = new ArrayList<>();
        for (final Map.Entry<String, Node> field : yaml.mapping(node, path, "{greeted: int}").entrySet())
        {
            final String at = path + "." + field.getKey();
            if (field.getValue() instanceof MappingNode && initial)
            {
                final Map<String, Node> entry = yaml.mapping(field.getValue(), at, "{type: double, initial: 0.5}",
                    FIELD_KEYS);
                fields.add(new FieldSpec(field.getKey(), required(entry, "type", at), optional(entry, "initial", at)));
            }
            else
            {
                fields.add(new FieldSpec(field.getKey(), yaml.text(field.getValue(), at), null));
            }
        }
        return fields;
    }

    private ChannelSpec channel(final String name, final Node node)
    {
        final String path = "channels." + name;
        final Map<String, Node> entry = yaml.mapping(node, path, "{kind: broadcast, message: {word: symbol}}",
            CHANNEL_KEYS);
        final String kind = required(entry, "kind", path).toLowerCase(Locale.ROOT);
        final List<FieldSpec> message = entry.containsKey("message") ? fields(entry.get("message"),
            path + ".message", false) : List.of();
        final int capacity = entry.containsKey("capacity") ?
            (int)yaml.integer(entry.get("capacity"), path + ".capacity", 1, Integer.MAX_VALUE) : DEFAULT_CAPACITY;
        double latency = 1;
        boolean seconds = false;
        if (entry.containsKey("latency"))
        {
            final String text = yaml.text(entry.get("latency"), path + ".latency").trim();
            final String[] parts = text.split("\\s+");
            try
            {
                latency = Double.parseDouble(parts[0]);
            }
            catch (final NumberFormatException ex)
            {
                throw yaml.fail(entry.get("latency"), path + ".latency", "is '" + text + "'; write a number of " +
                    "steps (2, or '2 steps') or of sim seconds ('1.5 s')");
            }
            seconds = parts.length > 1 && List.of("s", "sec", "second", "seconds").contains(parts[1]);
            if (parts.length > 2 || (parts.length == 2 && !seconds && !parts[1].startsWith("step")))
            {
                throw yaml.fail(entry.get("latency"), path + ".latency", "is '" + text + "'; the unit is steps " +
                    "or s");
            }
        }
        final List<String> topics = new ArrayList<>();
        if (entry.containsKey("topics"))
        {
            final List<Node> items = yaml.sequence(entry.get("topics"), path + ".topics", "[news, gossip]");
            for (int i = 0; i < items.size(); i++)
            {
                topics.add(yaml.text(items.get(i), path + ".topics[" + i + "]"));
            }
        }
        final int records = entry.containsKey("records") ?
            (int)yaml.integer(entry.get("records"), path + ".records", 1, Integer.MAX_VALUE) : 1;
        return new ChannelSpec(name, kind, message, capacity, optional(entry, "full", path), latency, seconds,
            topics, records);
    }

    private void rules(final Node node, final List<EngineRuleSpec> rules)
    {
        final List<Node> items = yaml.sequence(node, "rules", "[{name: decay, agents: Pet_*, every: 10, then: [...]}]");
        for (int r = 0; r < items.size(); r++)
        {
            final String at = "rules[" + r + "]";
            final Map<String, Node> rule = yaml.mapping(items.get(r), at, "{name: decay, agents: Pet_*, every: 10, " +
                "then: [...]}", ENGINE_RULE_KEYS);
            final long every = rule.containsKey("every") ?
                yaml.integer(rule.get("every"), at + ".every", 1, Long.MAX_VALUE) : 1;
            rules.add(new EngineRuleSpec(optional(rule, "name", at), required(rule, "agents", at), every,
                optional(rule, "when", at), actions(rule.get("then"), at + ".then")));
        }
    }

    private void events(final Node node, final List<EventSpec> events)
    {
        final List<Node> items = yaml.sequence(node, "events", "[{at: 10, agents: Pet_3, then: [...]}]");
        for (int e = 0; e < items.size(); e++)
        {
            final String at = "events[" + e + "]";
            final Map<String, Node> event = yaml.mapping(items.get(e), at, "{at: 10, agents: Pet_3, then: [...]}",
                EVENT_KEYS);
            if (!event.containsKey("at"))
            {
                throw yaml.fail(items.get(e), at + ".at", "is missing: the step the event happens at");
            }
            events.add(new EventSpec(yaml.integer(event.get("at"), at + ".at", 0, Long.MAX_VALUE),
                required(event, "agents", at), actions(event.get("then"), at + ".then")));
        }
    }

    private List<ActionSpec> actions(final Node node, final String path)
    {
        final List<ActionSpec> actions = new ArrayList<>();
        if (YamlNodes.isNull(node))
        {
            return actions;
        }
        final List<Node> items = yaml.sequence(node, path, "[{set: {greeted: greeted + 1}}]");
        for (int a = 0; a < items.size(); a++)
        {
            final String at = path + "[" + a + "]";
            final Map<String, Node> action = yaml.mapping(items.get(a), at, "{send: {channel: greetings, word: " +
                "\"'Hi'\"}}", ACTIONS);
            if (action.size() != 1)
            {
                throw yaml.fail(items.get(a), at, "holds " + action.size() + " actions; write one a list item, " +
                    "each one of " + String.join(", ", ACTIONS));
            }
            final String kind = action.keySet().iterator().next();
            final Map<String, String> values = new LinkedHashMap<>();
            String channel = null;
            String to = null;
            String topic = null;
            for (final Map.Entry<String, Node> value : yaml.mapping(action.get(kind), at + "." + kind,
                "{channel: greetings}").entrySet())
            {
                final String text = yaml.text(value.getValue(), at + "." + kind + "." + value.getKey());
                switch (kind.equals("set") ? "" : value.getKey())
                {
                    case "channel" -> channel = text;
                    case "to" -> to = text;
                    case "topic" -> topic = text;
                    default -> values.put(value.getKey(), text);
                }
            }
            actions.add(new ActionSpec(kind, channel, to, topic, values));
        }
        return actions;
    }

    private String required(final Map<String, Node> entry, final String key, final String path)
    {
        if (!entry.containsKey(key) || YamlNodes.isNull(entry.get(key)))
        {
            throw new ScenarioException(yaml.origin(path, -1) + ": " + path + "." + key + ": is missing");
        }
        return yaml.text(entry.get(key), path + "." + key);
    }

    private String optional(final Map<String, Node> entry, final String key, final String path)
    {
        return entry.containsKey(key) && !YamlNodes.isNull(entry.get(key)) ?
            yaml.text(entry.get(key), path + "." + key) : null;
    }
}

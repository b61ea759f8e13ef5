package io.myriad.plugins.declared;

import java.util.List;
import java.util.Map;

/**
 * A multi-agent system as a scenario declares it, without Java: agent types with typed fields, initial values and
 * a policy of if/then rules; channels; connections of agents to channels; periodic engine rules; scheduled events;
 * metrics. Expressions are kept as text and compiled by {@link DeclaredModel}. The command line builds it from a
 * scenario's blocks and hands it to the model as JSON (the {@code spec} parameter), so that a run's journal holds
 * all it takes to rebuild the model.
 *
 * @param types       agent types, in declaration order.
 * @param channels    channels, in declaration order.
 * @param connections who sends to and receives from which channel.
 * @param rules       periodic engine rules.
 * @param events      scheduled events.
 * @param metrics     figures written to the run's metrics.
 * @param space       the grid the agents live on, or null for none.
 */
public record DeclaredSpec(
    List<TypeSpec> types,
    List<ChannelSpec> channels,
    List<ConnectionSpec> connections,
    List<EngineRuleSpec> rules,
    List<EventSpec> events,
    List<MetricSpec> metrics,
    SpaceSpec space)
{
    /**
     * Replaces absent lists with empty ones.
     */
    public DeclaredSpec
    {
        types = types == null ? List.of() : List.copyOf(types);
        channels = channels == null ? List.of() : List.copyOf(channels);
        connections = connections == null ? List.of() : List.copyOf(connections);
        rules = rules == null ? List.of() : List.copyOf(rules);
        events = events == null ? List.of() : List.copyOf(events);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /**
     * The grid every declared agent lives on: each has a cell (its {@code x} and {@code y}), placed at random at
     * the start, moved by {@code move} actions, and counts the agents around it with {@code near()}.
     *
     * @param width    cells across.
     * @param height   cells down.
     * @param topology {@code torus} (the default) or {@code bounded}.
     */
    public record SpaceSpec(int width, int height, String topology)
    {
    }

    /**
     * An agent type.
     *
     * @param name      the type's name.
     * @param prefix    its agents' id prefix: agent i (from 0) is {@code prefix_(i+1)}.
     * @param count     how many agents it has.
     * @param fields    its typed fields.
     * @param instances initial values of single agents, by id.
     * @param policy    the rules each agent runs every step, in order.
     */
    public record TypeSpec(String name, String prefix, int count, List<FieldSpec> fields,
        Map<String, Map<String, String>> instances, List<RuleSpec> policy)
    {
        /**
         * Replaces absent collections with empty ones.
         */
        public TypeSpec
        {
            fields = fields == null ? List.of() : List.copyOf(fields);
            instances = instances == null ? Map.of() : instances;
            policy = policy == null ? List.of() : List.copyOf(policy);
        }
    }

    /**
     * A field of an agent type or of a message.
     *
     * @param name    its name.
     * @param type    {@code int}, {@code long}, {@code double}, {@code boolean} or {@code symbol}.
     * @param initial an expression giving each agent's first value (agents' fields only), or null for 0.
     */
    public record FieldSpec(String name, String type, String initial)
    {
    }

    /**
     * An if/then rule.
     *
     * @param when its condition, an expression; true when not 0.
     * @param then what it does when its condition holds, in order.
     */
    public record RuleSpec(String when, List<ActionSpec> then)
    {
    }

    /**
     * One thing a rule does.
     *
     * @param kind    {@code set}, {@code send}, {@code subscribe}, {@code unsubscribe} or {@code write}.
     * @param channel the channel or region (every kind but set).
     * @param to      for a send on a direct channel, the recipient's index (an expression); else null.
     * @param topic   for a send, subscribe or unsubscribe on a topic channel, the topic; else null.
     * @param values  set: fields to expressions; send: message fields to expressions; write: {@code record},
     *                {@code field} and {@code value}.
     */
    public record ActionSpec(String kind, String channel, String to, String topic, Map<String, String> values)
    {
    }

    /**
     * A channel.
     *
     * @param name     its name.
     * @param kind     {@code broadcast}, {@code direct}, {@code topics} or {@code shared}.
     * @param message  its messages' (or records') fields, in order.
     * @param capacity the most messages it holds (message channels).
     * @param full     {@code reject} or {@code drop_oldest}.
     * @param latency  how long a message takes.
     * @param seconds  true if the latency is in sim seconds, false for steps.
     * @param topics   a topic channel's topics.
     * @param records  a shared region's records.
     */
    public record ChannelSpec(String name, String kind, List<FieldSpec> message, int capacity, String full,
        double latency, boolean seconds, List<String> topics, int records)
    {
    }

    /**
     * A connection: agents (an id pattern such as {@code Greeter_*}) to a channel, as senders or writers, or a
     * channel to agents, as receivers or readers.
     *
     * @param from an id pattern or a channel's name.
     * @param to   a channel's name or an id pattern.
     */
    public record ConnectionSpec(String from, String to)
    {
    }

    /**
     * A periodic engine rule: every {@code every} steps, from step 0, every agent of a type does {@code then}.
     *
     * @param name   its name.
     * @param agents the agents it acts on: an id pattern.
     * @param every  steps between two runs, at least 1.
     * @param when   an optional further condition, or null.
     * @param then   what each agent does.
     */
    public record EngineRuleSpec(String name, String agents, long every, String when, List<ActionSpec> then)
    {
    }

    /**
     * An event scheduled at a step.
     *
     * @param at     the step.
     * @param agents the agents it acts on: an id pattern.
     * @param then   what each does.
     */
    public record EventSpec(long at, String agents, List<ActionSpec> then)
    {
    }

    /**
     * A figure of the run's metrics.
     *
     * @param name   its column's name.
     * @param of     {@code Type} (to count agents) or {@code Type.field}.
     * @param reduce {@code count}, {@code sum}, {@code mean}, {@code min} or {@code max}.
     */
    public record MetricSpec(String name, String of, String reduce)
    {
    }
}

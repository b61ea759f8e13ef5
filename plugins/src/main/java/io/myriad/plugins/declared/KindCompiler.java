package io.myriad.plugins.declared;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.myriad.kernel.channel.Channel;
import io.myriad.kernel.channel.MessageChannel;
import io.myriad.kernel.space.grid.Grid2D;
import io.myriad.kernel.space.grid.MultipleOccupancy;
import io.myriad.kernel.space.grid.Neighbourhood;
import io.myriad.kernel.world.AgentType;
import io.myriad.layouts.CommandSchema;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Schema;
import io.myriad.plugins.declared.DeclaredSpec.ActionSpec;
import io.myriad.plugins.declared.DeclaredSpec.EngineRuleSpec;
import io.myriad.plugins.declared.DeclaredSpec.EventSpec;
import io.myriad.plugins.declared.DeclaredSpec.FieldSpec;
import io.myriad.plugins.declared.DeclaredSpec.RuleSpec;
import io.myriad.plugins.declared.DeclaredSpec.TypeSpec;

/**
 * Compiles one declared agent type into an {@link AgentKind}: its schema, its initial values, its inputs (the
 * message channels it receives from) and the aggregates its expressions read, and its rules: its policy, then the
 * engine rules and events that act on its agents, each guarded by its step and its agents.
 */
final class KindCompiler implements Names
{
    private final Compiler compiler;
    private final TypeSpec spec;
    private final int typeIndex;
    private final List<String> fieldNames = new ArrayList<>();
    private final List<MessageChannel> inputs = new ArrayList<>();
    private final List<Aggregate> aggregates = new ArrayList<>();
    private final int cellField;
    private int slots;

    KindCompiler(final Compiler compiler, final int typeIndex)
    {
        this.compiler = compiler;
        this.spec = compiler.spec.types().get(typeIndex);
        this.typeIndex = typeIndex;
        for (final FieldSpec field : spec.fields())
        {
            fieldNames.add(field.name());
        }
        // on a grid, an agent's cell is one more field, after those declared
        this.cellField = compiler.grid == null ? -1 : fieldNames.size();
        if (compiler.grid != null)
        {
            fieldNames.add("cell");
        }
        for (int c = 0; c < compiler.channels.size(); c++)
        {
            final Channel channel = compiler.channels.get(c);
            if (channel instanceof MessageChannel && compiler.feeds(c, typeIndex))
            {
                inputs.add((MessageChannel)channel);
            }
        }
    }

    AgentKind compile()
    {
        final String path = "agents." + spec.name();
        final Schema.Builder schema = Schema.builder(spec.name());
        final FieldType[] storage = new FieldType[fieldNames.size()];
        final Expr[] initial = new Expr[storage.length];
        if (cellField >= 0)
        {
            final int cells = compiler.grid.cellCount();
            storage[cellField] = FieldType.INT;
            initial[cellField] = (s) -> Math.min(cells - 1, (int)(s.uniform() * cells));
        }
        for (int f = 0; f < spec.fields().size(); f++)
        {
            final FieldSpec field = spec.fields().get(f);
            storage[f] = Values.storage(field.type());
            schema.field(field.name(), storage[f]);
            initial[f] = field.initial() == null ? null :
                ExprParser.compile(field.initial(), path + ".fields." + field.name() + ".initial", this);
        }
        final Expr[][] instances = new Expr[spec.count()][];
        for (final Map.Entry<String, Map<String, String>> instance : spec.instances().entrySet())
        {
            final String at = path + ".instances." + instance.getKey();
            final BitSet one = compiler.select(instance.getKey(), typeIndex, at);
            if (one == null || one.cardinality() != 1)
            {
                throw new SpecException(at, -1, "is no single agent of " + spec.name() + "; name one by its id, " +
                    "e.g. " + spec.prefix() + "_1");
            }
            final Expr[] values = new Expr[storage.length];
            for (final Map.Entry<String, String> value : instance.getValue().entrySet())
            {
                values[field(value.getKey(), at + "." + value.getKey())] =
                    ExprParser.compile(value.getValue(), at + "." + value.getKey(), this);
            }
            instances[one.nextSetBit(0)] = values;
        }
        final List<AgentKind.Rule> rules = new ArrayList<>();
        for (int r = 0; r < spec.policy().size(); r++)
        {
            final RuleSpec rule = spec.policy().get(r);
            final String at = path + ".policy[" + r + "]";
            rules.add(new AgentKind.Rule(rule.when() == null ? Expr.constant(1) :
                ExprParser.compile(rule.when(), at + ".when", this), null, actions(rule.then(), at + ".then")));
        }
        engineRules(rules);
        if (cellField >= 0)
        {
            schema.field("cell", FieldType.INT);
        }
        final AgentType type = AgentType.of(spec.name(), schema.build(), spec.count());
        final Aggregate[][] byInput = new Aggregate[inputs.size()][];
        for (int c = 0; c < inputs.size(); c++)
        {
            final int input = c;
            byInput[c] = aggregates.stream().filter((a) -> a.input == input).toArray(Aggregate[]::new);
        }
        return new AgentKind(type, typeIndex, spec.count(), storage, initial, instances,
            inputs.toArray(new MessageChannel[0]), byInput, slots, rules.toArray(new AgentKind.Rule[0]), cellField);
    }

    private void engineRules(final List<AgentKind.Rule> rules)
    {
        final List<EngineRuleSpec> engine = compiler.spec.rules();
        for (int r = 0; r < engine.size(); r++)
        {
            final EngineRuleSpec rule = engine.get(r);
            final String at = "rules[" + r + "]";
            if (rule.every() < 1)
            {
                throw new SpecException(at + ".every", -1, "is " + rule.every() + "; a rule runs every 1 step or " +
                    "more");
            }
            final BitSet agents = compiler.select(rule.agents(), typeIndex, at + ".agents");
            if (agents != null && agents.isEmpty())
            {
                continue;
            }
            final long every = rule.every();
            final Expr when = rule.when() == null ? null : ExprParser.compile(rule.when(), at + ".when", this);
            final Expr due = when == null ? (s) -> Expr.truth(s.step % every == 0) :
                (s) -> Expr.truth(s.step % every == 0 && when.eval(s) != 0);
            rules.add(new AgentKind.Rule(due, agents, actions(rule.then(), at + ".then")));
        }
        final List<EventSpec> events = compiler.spec.events();
        for (int e = 0; e < events.size(); e++)
        {
            final EventSpec event = events.get(e);
            final String at = "events[" + e + "]";
            if (event.at() < 0)
            {
                throw new SpecException(at + ".at", -1, "is " + event.at() + "; an event is at step 0 or later");
            }
            final BitSet agents = compiler.select(event.agents(), typeIndex, at + ".agents");
            if (agents != null && agents.isEmpty())
            {
                continue;
            }
            final long step = event.at();
            rules.add(new AgentKind.Rule((s) -> Expr.truth(s.step == step), agents, actions(event.then(),
                at + ".then")));
        }
    }

    private Action[] actions(final List<ActionSpec> specs, final String path)
    {
        final List<ActionSpec> list = specs == null ? List.of() : specs;
        final Action[] actions = new Action[list.size()];
        for (int a = 0; a < actions.length; a++)
        {
            actions[a] = new ActionCompiler(compiler, this, typeIndex).compile(list.get(a), path + "[" + a + "]");
        }
        return actions;
    }

    /**
     * @return the index of one of the type's fields.
     * @throws SpecException if it has none of that name.
     */
    int field(final String name, final String path)
    {
        final int index = fieldNames.indexOf(name);
        if (index < 0)
        {
            throw new SpecException(path, -1, spec.name() + " has no field " + name + "; its fields are " +
                fieldNames);
        }
        return index;
    }

    public int field(final String name)
    {
        return fieldNames.indexOf(name);
    }

    /**
     * @return the type's fields, the cell included on a grid.
     */
    int fieldCount()
    {
        return fieldNames.size();
    }

    /**
     * @return the index of the agent's cell among its fields, or -1 without a space.
     */
    int cellField()
    {
        return cellField;
    }

    public Expr position(final String axis, final int column)
    {
        requireSpace(axis, column);
        final int at = Scope.NOW + cellField;
        final int width = compiler.grid.width();
        return axis.equals("x") ? (s) -> (int)s.values[at] % width : (s) -> (int)s.values[at] / width;
    }

    public Expr near(final String type, final int column)
    {
        requireSpace("near()", column);
        final List<MultipleOccupancy> counted = new ArrayList<>();
        boolean own = false;
        for (int t = 0; t < compiler.byCell.length; t++)
        {
            if (type == null || compiler.spec.types().get(t).name().equals(type))
            {
                counted.add(compiler.byCell[t]);
                own |= t == typeIndex;
            }
        }
        if (counted.isEmpty())
        {
            throw new SpecException(null, column, "there is no agent type " + type + " to count near; the types are " +
                compiler.typeNames());
        }
        final MultipleOccupancy[] indexes = counted.toArray(new MultipleOccupancy[0]);
        final int self = own ? 1 : 0;
        final int at = Scope.NOW + cellField;
        final Grid2D grid = compiler.grid;
        return (s) ->
        {
            final int cell = (int)s.values[at];
            final int around = grid.neighbours(cell, Neighbourhood.MOORE, 1, s.around);
            int total = -self;
            for (final MultipleOccupancy index : indexes)
            {
                total += index.count(cell);
                for (int k = 0; k < around; k++)
                {
                    total += index.count(s.around[k]);
                }
            }
            return total;
        };
    }

    private void requireSpace(final String what, final int column)
    {
        if (compiler.grid == null)
        {
            throw new SpecException(null, column, what + " needs a space: declare one, e.g. 'space: {width: 20, " +
                "height: 20}'");
        }
    }

    public int symbol(final String text)
    {
        return compiler.symbol(text);
    }

    public Expr aggregate(final String function, final String channel, final String field, final Expr value,
        final int column)
    {
        final int c = compiler.channelIndex(channel);
        int input = -1;
        for (int i = 0; i < inputs.size(); i++)
        {
            if (c >= 0 && inputs.get(i) == compiler.channels.get(c))
            {
                input = i;
            }
        }
        if (input < 0)
        {
            throw new SpecException(null, column, (c < 0 ? "there is no channel " + channel :
                "channel " + channel + " does not feed " + spec.name() + "; connect it: {from: " + channel +
                ", to: " + spec.prefix() + "_*}") + " (in " + function + "())");
        }
        final CommandSchema message = inputs.get(input).message();
        int offset = -1;
        FieldType type = null;
        if (field != null && !field.equals("sender"))
        {
            final int f = message.fieldIndex(field);
            if (f < 0)
            {
                throw new SpecException(null, column, "messages of " + channel + " have no field " + field +
                    "; they have sender and " + message.fieldCount() + " fields: " + fieldsOf(message));
            }
            offset = message.offset(f);
            type = message.field(f).type();
        }
        final Aggregate.Kind kind = Aggregate.Kind.valueOf(function.toUpperCase(Locale.ROOT));
        final Aggregate aggregate = new Aggregate(input, kind, Scope.aggregates(fieldNames.size()) + slots, offset,
            type, value);
        aggregates.add(aggregate);
        slots += aggregate.width();
        final int slot = aggregate.slot;
        return (s) -> s.values[slot];
    }

    TypeSpec spec()
    {
        return spec;
    }

    private static String fieldsOf(final CommandSchema schema)
    {
        final List<String> names = new ArrayList<>();
        for (int f = 0; f < schema.fieldCount(); f++)
        {
            names.add(schema.field(f).name());
        }
        return String.join(", ", names);
    }
}

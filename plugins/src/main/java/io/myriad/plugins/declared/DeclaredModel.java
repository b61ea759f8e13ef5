package io.myriad.plugins.declared;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.myriad.kernel.channel.Channel;
import io.myriad.kernel.metrics.Metric;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;
import io.myriad.plugins.declared.DeclaredSpec.MetricSpec;
import io.myriad.plugins.declared.DeclaredSpec.TypeSpec;

/**
 * A model declared in a scenario ({@link DeclaredSpec}), compiled once when it is created: one agent type per
 * declared type, its channels as parts, and a phase per type, in declaration order, in which every agent takes its
 * turn ({@link AgentKind}). Runs on the tick clock. Nothing is interpreted per agent: each expression is a tree of
 * compiled nodes, and a turn allocates nothing.
 */
public final class DeclaredModel implements Model
{
    private final List<AgentKind> kinds = new ArrayList<>();
    private final List<Channel> channels;
    private final Compiler compiler;
    private final List<String> symbols;
    private final List<Metric> metrics = new ArrayList<>();
    private final Set<String> symbolFields = new HashSet<>();

    /**
     * Compiles a declaration.
     *
     * @param spec the declaration.
     * @throws SpecException if it does not compile, naming where and why.
     */
    public DeclaredModel(final DeclaredSpec spec)
    {
        final Compiler compiler = new Compiler(spec);
        this.compiler = compiler;
        for (int t = 0; t < spec.types().size(); t++)
        {
            kinds.add(new KindCompiler(compiler, t).compile());
        }
        this.channels = List.copyOf(compiler.channels);
        this.symbols = List.copyOf(compiler.symbols);
        for (final DeclaredSpec.ChannelSpec channel : spec.channels())
        {
            for (final DeclaredSpec.FieldSpec field : channel.message())
            {
                if ("symbol".equalsIgnoreCase(field.type()))
                {
                    symbolFields.add(channel.name() + "." + field.name());
                }
            }
        }
        for (int m = 0; m < spec.metrics().size(); m++)
        {
            metrics.add(metric(spec.metrics().get(m), spec.types(), "metrics." + spec.metrics().get(m).name()));
        }
    }

    /**
     * @return the quoted texts of the declaration, symbol 1 first.
     */
    public List<String> symbols()
    {
        return symbols;
    }

    /**
     * @param channel a channel's name.
     * @param field   a field of its messages.
     * @return true if the field holds symbols (numbers of the quoted texts of {@link #symbols()}).
     */
    public boolean isSymbol(final String channel, final String field)
    {
        return symbolFields.contains(channel + "." + field);
    }

    /**
     * @return the channels, in declaration order.
     */
    public List<Channel> channels()
    {
        return channels;
    }

    @Override
    public List<AgentType> agentTypes()
    {
        return kinds.stream().map((kind) -> kind.type).toList();
    }

    @Override
    public List<Part> parts()
    {
        final List<Part> parts = new ArrayList<>();
        if (compiler.grid != null)
        {
            parts.add(compiler.grid);
        }
        parts.addAll(channels);
        return parts;
    }

    @Override
    public void initialise(final World world)
    {
        for (final AgentKind kind : kinds)
        {
            kind.initialise(world);
        }
    }

    /**
     * @return one phase per type, in declaration order: every agent of it takes its turn.
     */
    public List<Phase> phases()
    {
        final List<Phase> phases = new ArrayList<>();
        for (final AgentKind kind : kinds)
        {
            final boolean first = phases.isEmpty();
            phases.add(new Phase()
            {
                @Override
                public void beforeBatches(final World world, final long step)
                {
                    // every type's agents by cell, as they are when the step begins, for near()
                    for (int t = 0; first && compiler.grid != null && t < kinds.size(); t++)
                    {
                        compiler.byCell[t].rebuild(world.store(kinds.get(t).type), kinds.get(t).cellField);
                    }
                }

                public String name()
                {
                    return kind.type.name();
                }

                public AgentType sweeps()
                {
                    return kind.type;
                }

                public PhaseWorker newWorker(final World world)
                {
                    return kind.newWorker(world);
                }
            });
        }
        return phases;
    }

    /**
     * @return the declared metrics, as column reductions.
     */
    public List<Metric> metrics()
    {
        return metrics;
    }

    private Metric metric(final MetricSpec metric, final List<TypeSpec> types, final String path)
    {
        final String of = metric.of() == null ? "" : metric.of();
        final int dot = of.indexOf('.');
        final String typeName = dot < 0 ? of : of.substring(0, dot);
        AgentKind kind = null;
        for (final AgentKind candidate : kinds)
        {
            kind = candidate.type.name().equals(typeName) ? candidate : kind;
        }
        if (kind == null)
        {
            throw new SpecException(path + ".of", -1, "names no agent type: '" + of + "'; write Type (to count " +
                "its agents) or Type.field, e.g. " + types.get(0).name() + (types.get(0).fields().isEmpty() ? "" :
                "." + types.get(0).fields().get(0).name()));
        }
        final String reduce = metric.reduce() == null ? (dot < 0 ? "count" : "sum") :
            metric.reduce().toLowerCase(Locale.ROOT);
        if (reduce.equals("count"))
        {
            return Metric.count(metric.name(), kind.type);
        }
        if (dot < 0)
        {
            throw new SpecException(path + ".of", -1, "names a type; a " + reduce + " needs a field: Type.field");
        }
        final int field = kind.type.schema().fieldIndex(of.substring(dot + 1));
        if (field < 0)
        {
            throw new SpecException(path + ".of", -1, typeName + " has no field " + of.substring(dot + 1));
        }
        return switch (reduce)
        {
            case "sum" -> Metric.sum(metric.name(), kind.type, field);
            case "mean" -> Metric.mean(metric.name(), kind.type, field);
            case "min" -> Metric.min(metric.name(), kind.type, field);
            case "max" -> Metric.max(metric.name(), kind.type, field);
            default -> throw new SpecException(path + ".reduce", -1, "is " + reduce + "; it is count, sum, mean, " +
                "min or max");
        };
    }
}

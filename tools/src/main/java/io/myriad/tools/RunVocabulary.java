package io.myriad.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.myriad.kernel.channel.Channel;
import io.myriad.kernel.decide.DecisionAction;
import io.myriad.kernel.decide.DecisionTable;
import io.myriad.kernel.journal.RunHeader;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;
import io.myriad.plugins.declared.DeclaredModel;

/**
 * The names a run's model gives what its journal holds by number: its decision actions, its channels (with their
 * messages' fields) and, for a declared model, its symbols, so that tools print them by name. Rebuilt from the run's
 * start record; empty when this build cannot rebuild the model (lines then give numbers only).
 */
final class RunVocabulary
{
    private static final RunVocabulary NONE = new RunVocabulary(null, List.of(), null);

    private final List<String> actions;
    private final List<Channel> channels;
    private final DeclaredModel declared;

    private RunVocabulary(final List<String> actions, final List<Channel> channels, final DeclaredModel declared)
    {
        this.actions = actions;
        this.channels = channels;
        this.declared = declared;
    }

    /**
     * @param header  the run's start.
     * @param journal the journal, for messages.
     * @return the names its model gives.
     */
    static RunVocabulary of(final RunHeader header, final Path journal)
    {
        final Model model;
        try
        {
            model = header.createModel(journal);
        }
        catch (final RuntimeException ex)
        {
            return NONE;
        }
        final DecisionTable table = World.only(model.parts(), DecisionTable.class, "decision table");
        final List<Channel> channels = new ArrayList<>();
        for (final Part part : model.parts())
        {
            if (part instanceof Channel)
            {
                channels.add((Channel)part);
            }
        }
        return new RunVocabulary(table == null ? null :
            table.deliberation().actions().stream().map(DecisionAction::name).toList(), channels,
            model instanceof DeclaredModel ? (DeclaredModel)model : null);
    }

    /**
     * @return nothing known.
     */
    static RunVocabulary none()
    {
        return NONE;
    }

    /**
     * @return the names of the model's decision actions, by index, or null.
     */
    List<String> actions()
    {
        return actions;
    }

    /**
     * @param id a channel's number.
     * @return the channel, or null if the model has none of that number.
     */
    Channel channel(final int id)
    {
        return id >= 0 && id < channels.size() ? channels.get(id) : null;
    }

    /**
     * @param channel a channel.
     * @param field   a field of its messages.
     * @param value   the field's value.
     * @return the symbol the value stands for, if the field holds symbols and it names one; else null.
     */
    String symbol(final Channel channel, final String field, final double value)
    {
        if (declared == null || !declared.isSymbol(channel.name(), field))
        {
            return null;
        }
        final int index = (int)value - 1;
        return index >= 0 && index < declared.symbols().size() ? declared.symbols().get(index) : null;
    }
}

package io.myriad.plugins.pets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.ModelConfig;

/**
 * Users' interactions with pets, as a scenario schedules them ({@code feed:3@10, play:7@20}: feed pet 3 at step 10,
 * play with pet 7 at step 20) or as the control surface brings them (the model's inputs {@link #FEED} and
 * {@link #PLAY}). Feeding takes half of a pet's hunger away; playing with it half of its loneliness, and cheers it.
 */
final class UserEvents
{
    /** Input kind: a user feeds the pet the input is for. */
    static final int FEED = 0;
    /** Input kind: a user plays with the pet the input is for. */
    static final int PLAY = 1;
    /** What a feed takes from hunger. */
    static final double FEED_GAIN = 0.5;
    /** What playing with a user takes from loneliness. */
    static final double PLAY_GAIN = 0.5;

    private final long[] steps;
    private final int[] kinds;
    private final int[] pets;

    private UserEvents(final long[] steps, final int[] kinds, final int[] pets)
    {
        this.steps = steps;
        this.kinds = kinds;
        this.pets = pets;
    }

    /**
     * @param text     the schedule, e.g. {@code feed:3@10, play:7@20}; empty for none.
     * @param petCount pets in the run.
     * @return the schedule, in step order (the order written among events of one step).
     * @throws InvalidConfigException naming the entry that is not {@code feed|play:PET@STEP}.
     */
    static UserEvents parse(final String text, final int petCount)
    {
        final List<long[]> entries = new ArrayList<>();
        for (final String raw : text.split(","))
        {
            final String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty())
            {
                continue;
            }
            final int colon = entry.indexOf(':');
            final int at = entry.indexOf('@');
            final String kind = colon < 0 ? "" : entry.substring(0, colon);
            try
            {
                if (colon < 0 || at < colon || !(kind.equals("feed") || kind.equals("play")))
                {
                    throw new NumberFormatException();
                }
                final int pet = Integer.parseInt(entry.substring(colon + 1, at).trim());
                final long step = Long.parseLong(entry.substring(at + 1).trim());
                if (pet < 0 || pet >= petCount || step < 0)
                {
                    throw new InvalidConfigException(ModelConfig.PARAMETERS + "user_events", "'" + raw.trim() +
                        "' names pet " + pet + " at step " + step + "; pets are 0 to " + (petCount - 1) +
                        " and steps 0 or more");
                }
                entries.add(new long[] { step, kind.equals("feed") ? FEED : PLAY, pet });
            }
            catch (final NumberFormatException ex)
            {
                throw new InvalidConfigException(ModelConfig.PARAMETERS + "user_events", "'" + raw.trim() +
                    "' is not an interaction; write feed:PET@STEP or play:PET@STEP, separated by commas");
            }
        }
        entries.sort((a, b) -> Long.compare(a[0], b[0]));
        final UserEvents events = new UserEvents(new long[entries.size()], new int[entries.size()],
            new int[entries.size()]);
        for (int i = 0; i < entries.size(); i++)
        {
            events.steps[i] = entries.get(i)[0];
            events.kinds[i] = (int)entries.get(i)[1];
            events.pets[i] = (int)entries.get(i)[2];
        }
        return events;
    }

    int size()
    {
        return steps.length;
    }

    long step(final int i)
    {
        return steps[i];
    }

    int kind(final int i)
    {
        return kinds[i];
    }

    int pet(final int i)
    {
        return pets[i];
    }
}

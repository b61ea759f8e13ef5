package io.myriad.plugins.pets;

import java.util.List;

/**
 * How a pet chooses what to do, after the active-inference view of a digital pet: it expects its needs to drift
 * (hunger, tiredness and loneliness grow a little each step), predicts where each action would leave them, and
 * takes the action of least expected free energy: the surprise of the predicted needs under its preferences (each
 * need squared, weighted by how much the pet cares about it) less the action's epistemic value (wandering teaches
 * a pet alone something of its world). Actions it cannot take (playing without a partner in its cell, approaching
 * without one next to it) are never chosen; ties go to the lower-numbered action.
 */
final class PetMind
{
    static final int EAT = 0;
    static final int REST = 1;
    static final int APPROACH = 2;
    static final int PLAY = 3;
    static final int WANDER = 4;
    static final List<String> ACTIONS = List.of("eat", "rest", "approach", "play", "wander");

    /** Needs grow by these each step. */
    static final double HUNGER_DRIFT = 0.02;
    static final double ENERGY_DRIFT = 0.01;
    static final double SOCIAL_DRIFT = 0.015;
    /** What eating takes from hunger at most, food allowing. */
    static final double BITE = 0.4;
    /** What resting takes from tiredness. */
    static final double REST_GAIN = 0.3;
    /** What playing takes from loneliness, times the pair's compatibility. */
    static final double PLAY_GAIN = 0.35;
    /** What approaching a partner is expected to take from loneliness, times compatibility. */
    static final double APPROACH_GAIN = 0.15;
    /** Epistemic value of wandering for a pet with no neighbour. */
    static final double CURIOSITY = 0.02;

    private PetMind()
    {
    }

    /**
     * @param hunger      the pet's hunger.
     * @param energy      its tiredness.
     * @param social      its loneliness.
     * @param likeFood    the weight of hunger.
     * @param likeRest    the weight of tiredness.
     * @param likeCompany the weight of loneliness.
     * @param food        food in its cell, from 0 to 1.
     * @param partnerHere true if its best partner is in its cell.
     * @param partnerNear true if its best partner is next to it.
     * @param compatibility how well it gets on with that partner, from 0 to 1.
     * @param neighbours  pets it sees, itself not counted.
     * @return the action of least expected free energy.
     */
    static int choose(final double hunger, final double energy, final double social, final double likeFood,
        final double likeRest, final double likeCompany, final double food, final boolean partnerHere,
        final boolean partnerNear, final double compatibility, final int neighbours)
    {
        final double h = hunger + HUNGER_DRIFT;
        final double e = energy + ENERGY_DRIFT;
        final double s = social + SOCIAL_DRIFT;
        int best = EAT;
        double least = risk(h - BITE * Math.min(1, food), e, s, likeFood, likeRest, likeCompany);
        final double rest = risk(h, e - REST_GAIN, s, likeFood, likeRest, likeCompany);
        if (rest < least)
        {
            best = REST;
            least = rest;
        }
        if (partnerNear && !partnerHere)
        {
            final double approach = risk(h, e + 0.02, s - APPROACH_GAIN * compatibility, likeFood, likeRest,
                likeCompany);
            if (approach < least)
            {
                best = APPROACH;
                least = approach;
            }
        }
        if (partnerHere)
        {
            final double play = risk(h + 0.01, e + 0.05, s - PLAY_GAIN * compatibility, likeFood, likeRest,
                likeCompany);
            if (play < least)
            {
                best = PLAY;
                least = play;
            }
        }
        final double wander = risk(h, e + 0.02, s, likeFood, likeRest, likeCompany) -
            CURIOSITY * (1 - Math.min(1, neighbours / 4.0));
        return wander < least ? WANDER : best;
    }

    /**
     * @return the surprise of needs under the preferences: each need, kept from 0 to 1, squared and weighted.
     */
    static double risk(final double hunger, final double energy, final double social, final double likeFood,
        final double likeRest, final double likeCompany)
    {
        final double h = clamp(hunger);
        final double e = clamp(energy);
        final double s = clamp(social);
        return likeFood * h * h + likeRest * e * e + likeCompany * s * s;
    }

    /**
     * @return how well two pets' preferences agree: 1 less their mean absolute difference.
     */
    static double compatibility(final double food1, final double rest1, final double company1, final double food2,
        final double rest2, final double company2)
    {
        return 1 - (Math.abs(food1 - food2) + Math.abs(rest1 - rest2) + Math.abs(company1 - company2)) / 3;
    }

    static double clamp(final double value)
    {
        return value < 0 ? 0 : value > 1 ? 1 : value;
    }
}

package io.myriad.plugins.pets;

import io.myriad.layouts.AgentSchema;

/**
 * A digital pet: where it is, its three needs (0 satisfied, 1 desperate), its mood, what it cares about most (its
 * preferences, weights of the needs), what it did last and how many strong ties it has with pets of a higher index.
 *
 * @param cell    its cell of the grid.
 * @param hunger  how hungry.
 * @param energy  how tired: the need for rest.
 * @param social  how lonely.
 * @param mood    how it feels, from 0 to 1.
 * @param likeFood   the weight of hunger in its preferences.
 * @param likeRest   the weight of tiredness.
 * @param likeCompany the weight of loneliness.
 * @param action  what it did last ({@link PetMind} numbers them).
 * @param ties    its ties above the strength threshold to pets of a higher index, so each tie counts once.
 */
@AgentSchema
public record Pet(int cell, double hunger, double energy, double social, double mood, double likeFood,
    double likeRest, double likeCompany, int action, int ties)
{
}

package io.myriad.plugins.pets;

/**
 * What a run of the digital pets is given.
 *
 * @param pets      pets.
 * @param width     cells across the grid, a torus.
 * @param height    cells down.
 * @param regrowth  food a cell grows back a step, up to 1.
 * @param decay     the share of its strength a tie loses a step.
 * @param tieGain   how much a tie grows when a perfectly compatible pair plays.
 * @param threshold the strength above which a tie counts as one, for the metrics.
 * @param moodRate  moods broadcast a step, over every pet.
 * @param events    users' interactions scheduled by the scenario, in step order.
 */
record PetSettings(int pets, int width, int height, double regrowth, double decay, double tieGain,
    double threshold, double moodRate, UserEvents events)
{
}

package io.myriad.plugins.pets;

import io.myriad.layouts.Command;

/**
 * A pet's mood, broadcast to every pet.
 *
 * @param mood the mood, from 0 to 1.
 */
@Command(id = 64)
record MoodNote(double mood)
{
}

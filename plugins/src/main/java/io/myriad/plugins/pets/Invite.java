package io.myriad.plugins.pets;

import io.myriad.layouts.Command;

/**
 * A message to the pet another played with: how well they get on, and the player's mood.
 *
 * @param compatibility how well their preferences agree, from 0 to 1.
 * @param mood          the player's mood.
 */
@Command(id = 63)
record Invite(double compatibility, double mood)
{
}

/**
 * Digital pets: needs, preferences and a choice of least expected free energy ({@link io.myriad.plugins.pets.PetMind}),
 * play and friendships in a social network part, moods on a broadcast channel and invitations in per-pet inboxes,
 * users' interactions as inputs.
 */
package io.myriad.plugins.pets;

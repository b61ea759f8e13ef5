/**
 * Wolf-sheep-grass predation, the ABM framework comparison's "WolfSheep" (after NetLogo's Wolf Sheep Predation):
 * sheep and wolves walk a torus of grass, sheep eat grown grass, wolves eat sheep, and both breed and starve, so
 * their numbers rise and fall in turn. Two agent types in growing stores, a grass layer on a grid, births and
 * deaths every step, and the one conflict (wolves after the same sheep) resolved by commands in batch order.
 */
package io.myriad.plugins.wolfsheep;

package io.myriad.layouts;

/**
 * An agent type for the tests, with every field type and a mix of double-buffered and in-place fields, declared
 * out of size order so that layouts have to align and pack. The build generates {@code TestBirdSchema} and
 * {@code TestBirdFlyweight} from it.
 *
 * @param x         position, double buffered.
 * @param flock     flock id, in place.
 * @param heading   heading in radians, double buffered.
 * @param age       age in ticks, in place.
 * @param energy    energy, double buffered.
 * @param mood      mood, double buffered.
 * @param heatLevel heat level, in place; a camelCase name for the constant HEAT_LEVEL.
 * @param flags     flags, in place.
 * @param y         position, double buffered.
 */
@AgentSchema(name = "Bird")
record TestBird(
    @DoubleBuffered double x,
    short flock,
    @DoubleBuffered float heading,
    int age,
    @DoubleBuffered long energy,
    @DoubleBuffered byte mood,
    float heatLevel,
    byte flags,
    @DoubleBuffered double y)
{
}

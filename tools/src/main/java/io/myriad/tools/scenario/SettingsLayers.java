package io.myriad.tools.scenario;

/**
 * The two layers a run's settings are written in, the command line over the scenario file: for each key, the value
 * that wins, and that value read as a checked number, or the default when neither layer gives one.
 */
final class SettingsLayers
{
    private final Scenario file;
    private final Scenario commandLine;

    /**
     * @param file        the scenario file's settings, or {@link Scenario#empty()}.
     * @param commandLine the command line's settings, which override the file's.
     */
    SettingsLayers(final Scenario file, final Scenario commandLine)
    {
        this.file = file;
        this.commandLine = commandLine;
    }

    /**
     * @return the scenario file's layer, the lower one.
     */
    Scenario file()
    {
        return file;
    }

    /**
     * @return the command line's layer, the upper one.
     */
    Scenario commandLine()
    {
        return commandLine;
    }

    /**
     * @param key a scenario key, e.g. {@link Scenario#TICKS}.
     * @return the command line's value for it, else the file's, else null.
     */
    Value pick(final String key)
    {
        final Value value = commandLine.get(key);
        return value != null ? value : file.get(key);
    }

    /**
     * @param key          a scenario key.
     * @param min          the least value allowed.
     * @param max          the most value allowed.
     * @param defaultValue the value when neither layer gives one.
     * @return the value that wins, as an integer.
     * @throws ScenarioException if it is not an integer from min to max.
     */
    long longSetting(final String key, final long min, final long max, final long defaultValue)
    {
        final Value value = pick(key);
        return value == null ? defaultValue : value.asLong(min, max);
    }

    /**
     * @param key          a scenario key.
     * @param defaultValue the value when neither layer gives one.
     * @return the value that wins, as a number.
     * @throws ScenarioException if it is not a finite number, 0 or more.
     */
    double doubleSetting(final String key, final double defaultValue)
    {
        final Value value = pick(key);
        if (value == null)
        {
            return defaultValue;
        }
        final double number = value.asDouble();
        if (number < 0 || Double.isNaN(number) || Double.isInfinite(number))
        {
            throw value.problem("must be a finite number, 0 or more");
        }
        return number;
    }
}

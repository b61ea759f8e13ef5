package io.myriad.tools;

import picocli.CommandLine;

/**
 * The version {@code --version} prints: the tools jar's Implementation-Version and the JVM's.
 */
final class VersionProvider implements CommandLine.IVersionProvider
{
    /**
     * {@inheritDoc}
     */
    public String[] getVersion()
    {
        final String version = Main.class.getPackage().getImplementationVersion();
        return new String[]
        {
            "myriad " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", " +
                System.getProperty("java.vm.version") + ")"
        };
    }
}

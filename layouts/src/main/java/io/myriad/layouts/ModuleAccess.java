package io.myriad.layouts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JDK module flags Myriad's libraries need on JDK 17 and later, and a check that this JVM was started with
 * them, made before those libraries are touched. Without it a JVM that lacks a flag fails deep inside Agrona or
 * Chronicle Queue, with an {@link IllegalAccessError} or a page of stack traces that name neither the flag nor
 * the fix.
 * <p>
 * Each {@link Need} lists the packages that must be exported or opened to the library that uses them; on the class
 * path that is the unnamed module, so the flags read {@code --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED}.
 * The build passes the full set of flags from one place (the parent pom's {@code myriad.add-exports} and
 * {@code myriad.add-opens}) to the launcher, the tests and the jar manifests; {@code docs/embedding.md} lists them
 * for embedders. A need is met by a package opened as well as by one exported.
 */
public final class ModuleAccess
{
    /**
     * What needs flags: each need names the packages its library reaches into.
     */
    public enum Need
    {
        /**
         * Agent stores and every Agrona buffer: Agrona 2 reads {@code jdk.internal.misc.Unsafe}. Needed by every
         * run, with or without a journal.
         */
        OFF_HEAP("org.agrona.DirectBuffer", List.of("java.base/jdk.internal.misc"), List.of()),

        /**
         * CRC-32C checksums of checkpoints and of journal records, written or read: Agrona's {@code Crc32c} reaches
         * the JDK's intrinsic through {@code java.util.zip.CRC32C}'s private method.
         */
        CHECKSUMS("org.agrona.DirectBuffer", List.of(), List.of("java.base/java.util.zip")),

        /**
         * Writing a journal: Chronicle Queue maps its files through {@code sun.nio.ch}, frees them through
         * {@code jdk.internal.ref} (without it, a warning on every run) and stops file channels from closing on an
         * interrupt through {@code java.lang.reflect}.
         */
        JOURNAL("net.openhft.chronicle.core.Jvm", List.of("java.base/sun.nio.ch", "java.base/jdk.internal.ref"),
            List.of("java.base/java.lang.reflect"));

        private final String libraryClass;
        private final List<String> exports;
        private final List<String> opens;

        Need(final String libraryClass, final List<String> exports, final List<String> opens)
        {
            this.libraryClass = libraryClass;
            this.exports = exports;
            this.opens = opens;
        }

        /**
         * @return packages that must be exported to the library, as {@code module/package}.
         */
        public List<String> exports()
        {
            return exports;
        }

        /**
         * @return packages that must be opened to the library, as {@code module/package}.
         */
        public List<String> opens()
        {
            return opens;
        }

        /**
         * @return the module of the library that needs the packages; this class's own module when the library is
         * not present. Its class is loaded, not initialised.
         */
        Module library()
        {
            try
            {
                return Class.forName(libraryClass, false, ModuleAccess.class.getClassLoader()).getModule();
            }
            catch (final ClassNotFoundException ex)
            {
                return ModuleAccess.class.getModule();
            }
        }
    }

    private ModuleAccess()
    {
    }

    /**
     * @param needs what is about to be used.
     * @return the command-line flags this JVM lacks for them, e.g.
     * {@code --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED}; empty when it has them all.
     */
    public static List<String> missingFlags(final Need... needs)
    {
        final List<String> missing = new ArrayList<>();
        for (final Need need : needs)
        {
            for (final String flag : missingFlags(need.library(), need.exports(), need.opens()))
            {
                if (!missing.contains(flag))
                {
                    missing.add(flag);
                }
            }
        }
        return missing;
    }

    /**
     * Checks that this JVM was started with the flags {@code needs} require, before their libraries are touched.
     *
     * @param what  what is starting, for the message: "an agent store", "the journal"...
     * @param needs what it uses.
     * @throws IllegalStateException naming every missing flag and where flags go, if any is missing.
     */
    public static void require(final String what, final Need... needs)
    {
        final List<String> missing = missingFlags(needs);
        if (!missing.isEmpty())
        {
            throw new IllegalStateException(what + " cannot start: this JVM was started without the module flags " +
                "Myriad's libraries need on JDK 17 and later; add " + String.join(" ", missing) + " to the java " +
                "command line (or to Maven surefire's argLine, or as Add-Exports/Add-Opens lines of an executable " +
                "jar's manifest); docs/embedding.md lists every flag Myriad uses");
        }
    }

    /**
     * @param target  the module that reaches into the packages.
     * @param exports packages it needs exported, as {@code module/package}.
     * @param opens   packages it needs opened, as {@code module/package}.
     * @return the flags missing for {@code target}; a package of a module or a package this JDK lacks needs none.
     */
    static List<String> missingFlags(final Module target, final List<String> exports, final List<String> opens)
    {
        final String to = target.isNamed() ? target.getName() : "ALL-UNNAMED";
        final List<String> missing = new ArrayList<>();
        for (final String modulePackage : exports)
        {
            if (!isAllowed(modulePackage, target, false))
            {
                missing.add("--add-exports=" + modulePackage + "=" + to);
            }
        }
        for (final String modulePackage : opens)
        {
            if (!isAllowed(modulePackage, target, true))
            {
                missing.add("--add-opens=" + modulePackage + "=" + to);
            }
        }
        return missing;
    }

    private static boolean isAllowed(final String modulePackage, final Module target, final boolean open)
    {
        final int slash = modulePackage.indexOf('/');
        final String packageName = modulePackage.substring(slash + 1);
        final Optional<Module> source = ModuleLayer.boot().findModule(modulePackage.substring(0, slash));
        if (source.isEmpty() || !source.get().getPackages().contains(packageName))
        {
            return true;
        }
        return open ? source.get().isOpen(packageName, target) : source.get().isExported(packageName, target);
    }
}

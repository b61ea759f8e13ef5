package io.myriad.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * The JVM module flags every forked benchmark JVM needs, generated at build time from the parent pom's
 * {@code myriad.add-exports} and {@code myriad.add-opens} (the one place they are defined).
 * <p>
 * {@code java -jar benchmarks.jar} honours the jar manifest's {@code Add-Exports}/{@code Add-Opens}, but JMH
 * starts each fork as {@code java <jvm args> -cp benchmarks.jar ...ForkedMain}, to which the manifest does not
 * apply, and copies only the host's command-line arguments. Without the flags, Agrona 2.x fails in the fork
 * with {@code IllegalAccessError} on {@code jdk.internal.misc.Unsafe}.
 * <p>
 * Benchmarks extend this class: JMH merges {@link Fork} annotations from the method up through the class
 * hierarchy element by element, so a benchmark may still set {@code value}, {@code jvmArgs} and
 * {@code jvmArgsPrepend} (for example {@code -Dagrona.disable.bounds.checks=true}) and keeps these as its
 * {@code jvmArgsAppend}. Setting {@code jvmArgsAppend} on a benchmark, or {@code -jvmArgsAppend} on the
 * command line, replaces them: use {@code jvmArgsPrepend} / {@code -jvmArgsPrepend} instead.
 */
@Fork(jvmArgsAppend = {
    ${myriad.bench.fork.exports}
    ${myriad.bench.fork.opens}
})
public abstract class JvmFlags
{
    /** Packages exported to the unnamed module, manifest form ({@code module/package}, space separated). */
    public static final String ADD_EXPORTS = "${myriad.add-exports}";

    /** Packages opened to the unnamed module, manifest form ({@code module/package}, space separated). */
    public static final String ADD_OPENS = "${myriad.add-opens}";
}

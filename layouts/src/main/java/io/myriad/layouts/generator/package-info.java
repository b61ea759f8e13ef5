/**
 * The build-time generator of typed accessors: an annotation processor that turns a record annotated with
 * {@link io.myriad.layouts.AgentSchema} into a schema constant and a flyweight over an
 * {@link io.myriad.layouts.AgentStore}.
 * <p>
 * The processor is registered as a {@code javax.annotation.processing.Processor} service in this module's jar.
 * Modules that declare agent schemas run it by naming it to the compiler (Maven: {@code annotationProcessors}
 * with {@code proc} set to {@code full}); since JDK 23 javac no longer runs processors merely found on the class
 * path.
 * The generated sources need nothing but this module and Agrona at compile and run time.
 */
package io.myriad.layouts.generator;

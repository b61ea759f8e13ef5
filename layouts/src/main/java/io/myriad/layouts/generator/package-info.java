/**
 * The build-time generators: annotation processors that turn a record annotated with
 * {@link io.myriad.layouts.AgentSchema} into a schema constant and a flyweight over an
 * {@link io.myriad.layouts.AgentStore} ({@link io.myriad.layouts.generator.AgentSchemaProcessor}), and a record
 * annotated with {@link io.myriad.layouts.Command} into a payload codec
 * ({@link io.myriad.layouts.generator.CommandProcessor}).
 * <p>
 * The processors are registered as {@code javax.annotation.processing.Processor} services in this module's jar.
 * Modules that declare agent schemas or commands run them by naming them to the compiler (Maven:
 * {@code annotationProcessors} with {@code proc} set to {@code full}); since JDK 23 javac no longer runs
 * processors merely found on the class path.
 * The generated sources need nothing but this module and Agrona at compile and run time.
 */
package io.myriad.layouts.generator;

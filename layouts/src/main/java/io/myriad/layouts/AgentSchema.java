package io.myriad.layouts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an agent type's state once, as a record whose components are the fields.
 * <p>
 * At build time the schema processor generates, beside the record, {@code <Name>Schema} with the
 * {@link Schema} constant and field indices, and {@code <Name>Flyweight}, typed accessors that read and write
 * an {@link AgentStore} whatever its {@link Layout}. Components must be of a primitive type listed in
 * {@link FieldType}; mark those that other agents read during an update with {@link DoubleBuffered}.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface AgentSchema
{
    /**
     * @return the schema's name; defaults to the record's simple name.
     */
    String name() default "";
}

package io.myriad.layouts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a command type once, as a record whose components are the fields of its payload.
 * <p>
 * At build time the command processor generates, beside the record, {@code <Name>Codec}: the constants
 * {@code ID}, {@code NAME}, {@code LENGTH}, one {@code <FIELD>_OFFSET} per component and the
 * {@link CommandSchema} {@code SCHEMA}, and a flyweight that reads and writes the payload little-endian in any
 * Agrona buffer. Components must be of a primitive type listed in {@link FieldType}, or {@code boolean}, which is
 * stored as a byte; see {@link CommandSchema} for where each lies.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Command
{
    /**
     * The command's number, written in journals in place of its name: give it once and never change or reuse it,
     * as with an SBE template id. Unique among the commands a model uses, from {@link CommandSchema#MIN_ID} to
     * {@link CommandSchema#MAX_ID}.
     *
     * @return the command's id.
     */
    int id();

    /**
     * @return the command's name, for people and tools; defaults to the record's simple name.
     */
    String name() default "";
}

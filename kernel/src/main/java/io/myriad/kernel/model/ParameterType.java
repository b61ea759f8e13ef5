package io.myriad.kernel.model;

/**
 * The type of a model parameter's value.
 */
public enum ParameterType
{
    /** A 64-bit integer. */
    INTEGER,
    /** A 64-bit float. */
    DOUBLE,
    /** true or false. */
    BOOLEAN,
    /** Free text. */
    STRING
}

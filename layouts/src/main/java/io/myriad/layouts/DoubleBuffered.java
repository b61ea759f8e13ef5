package io.myriad.layouts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of an {@link AgentSchema} record as double buffered: systems read its current value and write
 * its next value, and {@link AgentStore#swap()} makes next current at the end of a tick. Use it for every field
 * that an agent's update reads from other agents, so the update is synchronous and independent of the order
 * in which agents (and threads) are processed.
 */
@Retention(RetentionPolicy.SOURCE)
@Target({ ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD })
public @interface DoubleBuffered
{
}

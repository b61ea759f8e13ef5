package io.myriad.kernel.pipeline;

import io.myriad.layouts.Command;

/**
 * A command the pipeline tests emit and record: a kind and a value.
 *
 * @param kind  which of the test's marks.
 * @param value what it carries.
 */
@Command(id = 11)
record Mark(int kind, long value)
{
}

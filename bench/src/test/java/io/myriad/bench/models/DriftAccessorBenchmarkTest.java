package io.myriad.bench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.myriad.layouts.AgentStore;
import io.myriad.plugins.drift.ParticleFlyweight;

class DriftAccessorBenchmarkTest
{
    @ParameterizedTest
    @ValueSource(strings = { "soa", "aos", "aosoa16" })
    void shouldMoveEveryParticleAlikeThroughEitherLoop(final String layout)
    {
        final DriftAccessorBenchmark generated = benchmark(layout);
        final DriftAccessorBenchmark reference = benchmark(layout);
        try
        {
            generated.generatedAccessors();
            generated.generatedAccessors();
            reference.handWritten();
            reference.handWritten();
            final ParticleFlyweight a = new ParticleFlyweight().wrap(storeOf(generated));
            final ParticleFlyweight b = new ParticleFlyweight().wrap(storeOf(reference));
            for (int i = 0; i < 3000; i++)
            {
                assertEquals(Double.doubleToRawLongBits(b.x(i)), Double.doubleToRawLongBits(a.x(i)), "x of " + i);
                assertEquals(Double.doubleToRawLongBits(b.y(i)), Double.doubleToRawLongBits(a.y(i)), "y of " + i);
            }
            assertEquals(1999.0 + 2 * 0.1 * 1e-3 * (1999 & 1023), a.x(1999), 1e-9);
        }
        finally
        {
            generated.tearDown();
            reference.tearDown();
        }
    }

    private static DriftAccessorBenchmark benchmark(final String layout)
    {
        final DriftAccessorBenchmark benchmark = new DriftAccessorBenchmark();
        benchmark.agents = 3000;
        benchmark.layout = layout;
        benchmark.setUp();
        return benchmark;
    }

    private static AgentStore storeOf(final DriftAccessorBenchmark benchmark)
    {
        return benchmark.store();
    }
}

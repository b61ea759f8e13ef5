package io.myriad.kernel.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.AosLayout;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Layout;
import io.myriad.layouts.Schema;
import io.myriad.layouts.SoaLayout;

class MetricsTest
{
    private static final Schema ANIMAL = Schema.builder("Animal")
        .field("energy", FieldType.DOUBLE, true)
        .field("age", FieldType.INT)
        .build();
    private static final Schema PLANT = Schema.builder("Plant").field("height", FieldType.FLOAT).build();

    private final AgentType animals = AgentType.of("animals", ANIMAL, 16);
    private final AgentType plants = AgentType.of("plants", PLANT, 4);
    private World world;

    @TempDir
    Path temp;

    @AfterEach
    void close()
    {
        if (world != null)
        {
            world.close();
        }
    }

    @Test
    void shouldReduceEachTypesLiveColumnInAnyLayout()
    {
        final List<Metric> metrics = List.of(
            Metric.count("animals", animals),
            Metric.sum("energy_sum", animals, 0),
            Metric.mean("energy_mean", animals, 0),
            Metric.min("age_min", animals, 1),
            Metric.max("age_max", animals, 1),
            Metric.histogram("age", animals, 1, 0, 10, 5),
            Metric.mean("height", plants, 0));
        final MetricsTable table = new MetricsTable(metrics);
        assertEquals(5 + 5 + 1, table.columns());
        assertEquals(List.of("animals", "energy_sum", "energy_mean", "age_min", "age_max", "age[0:2)", "age[2:4)",
            "age[4:6)", "age[6:8)", "age[8:10)", "height"), table.header());

        double[] expected = null;
        for (final Layout layout : new Layout[]{ SoaLayout.INSTANCE, AosLayout.INSTANCE })
        {
            world = new World(List.of(animals, plants), List.of(), layout, 1L);
            final AgentStore store = world.store(animals);
            store.spawn(8);
            for (int i = 0; i < 8; i++)
            {
                store.buffer(store.currentSlot(0)).putDouble(store.offset(store.currentSlot(0), i), 0.5 * i);
                store.buffer(store.currentSlot(1)).putInt(store.offset(store.currentSlot(1), i), 3 * i - 4);
            }
            store.despawn(7);
            store.despawn(2);
            final double[] row = new double[table.columns()];
            table.compute(world, row);
            // live: 0, 1, 3, 4, 5, 6; energies 0, 0.5, 1.5, 2, 2.5, 3; ages -4, -1, 5, 8, 11, 14
            final double[] wanted = { 6, 9.5, 9.5 / 6, -4, 14, 2, 0, 1, 0, 3, Double.NaN };
            assertArrayEquals(wanted, row, 1e-12, layout.name());
            if (expected != null)
            {
                assertArrayEquals(expected, row, layout.name());
            }
            expected = row;
            world.close();
            world = null;
        }
    }

    @Test
    void shouldRefuseAFieldTheTypeDoesNotHaveAndAnEmptyHistogram()
    {
        assertThrows(IllegalArgumentException.class, () -> Metric.mean("x", plants, 1));
        assertThrows(IllegalArgumentException.class, () -> Metric.histogram("x", animals, 0, 1, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> Metric.histogram("x", animals, 0, 0, 1, 0));
    }

    @Test
    void shouldWriteRowsAsCsvFromItsOwnThread() throws Exception
    {
        final Path file = temp.resolve("metrics.csv");
        try (MetricsWriter writer = MetricsWriter.open(file, List.of("count", "mean", "a,b")))
        {
            final double[] row = new double[3];
            for (int step = 0; step < 5_000; step++)
            {
                row[0] = step;
                row[1] = step / 4.0;
                row[2] = step == 3 ? Double.NaN : -step;
                writer.write(step, row);
            }
        }
        final List<String> lines = Files.readAllLines(file);
        assertEquals(5_001, lines.size());
        assertEquals("step,count,mean,\"a,b\"", lines.get(0));
        assertEquals("0,0,0,0", lines.get(1));
        assertEquals("3,3,0.75,NaN", lines.get(4));
        assertEquals("4999,4999,1249.75,-4999", lines.get(5_000));
    }

    @Test
    void shouldRefuseToOverwriteAMetricsFile() throws Exception
    {
        final Path file = Files.writeString(temp.resolve("metrics.csv"), "precious\n");
        final UncheckedIOException ex =
            assertThrows(UncheckedIOException.class, () -> MetricsWriter.open(file, List.of("x")));
        assertTrue(ex.getMessage().contains("cannot create metrics file"), ex.getMessage());
        assertEquals("precious\n", Files.readString(file), "nothing already written is lost");
    }

    @Test
    void shouldForceRowsToDiskWhenFlushedWhileItGoesOn() throws Exception
    {
        final Path file = temp.resolve("metrics.csv");
        try (MetricsWriter writer = MetricsWriter.open(file, List.of("x")))
        {
            writer.write(0, new double[]{ 1.5 });
            writer.write(10, new double[]{ 2 });
            writer.flush();
            assertEquals("step,x\n0,1.5\n10,2\n", Files.readString(file));
            writer.write(20, new double[]{ 3 });
        }
        assertEquals("step,x\n0,1.5\n10,2\n20,3\n", Files.readString(file));
    }

    @Test
    void shouldContinueAFileWithTheRowsUpToWhereTheRunIsKnownLessATornLine() throws Exception
    {
        final Path file = Files.writeString(temp.resolve("metrics.csv"),
            "step,x,\"a,b\"\n0,1,2\n4,1,2\n8,1,2\n12,1,2\n16,1,2\n20,1,2\n24,1");
        try (MetricsWriter writer = MetricsWriter.resume(file, List.of("x", "a,b"), 4, 14, 10))
        {
            assertEquals(12, writer.lastStep(), "the rows past step 14 and the torn line are dropped");
            writer.write(16, new double[]{ 7, 8 });
        }
        assertEquals("step,x,\"a,b\"\n0,1,2\n4,1,2\n8,1,2\n12,1,2\n16,7,8\n", Files.readString(file));
    }

    @Test
    void shouldDropTheRowOfAnEarlierEndOffTheCadence() throws Exception
    {
        final Path file = Files.writeString(temp.resolve("metrics.csv"), "step,x\n0,1\n4,1\n8,1\n10,1\n");
        try (MetricsWriter writer = MetricsWriter.resume(file, List.of("x"), 4, 10, 10))
        {
            assertEquals(8, writer.lastStep());
        }
        assertEquals("step,x\n0,1\n4,1\n8,1\n", Files.readString(file));
    }

    @Test
    void shouldWriteAgainAHeaderThatWasNeverFinished() throws Exception
    {
        final Path file = Files.writeString(temp.resolve("metrics.csv"), "step,co");
        try (MetricsWriter writer = MetricsWriter.resume(file, List.of("count"), 5, 7, 0))
        {
            assertEquals(-1, writer.lastStep());
            writer.write(0, new double[]{ 3 });
        }
        assertEquals("step,count\n0,3\n", Files.readString(file));
    }

    @Test
    void shouldRefuseToContinueAnotherRunsFileAndLeaveItAsItWas() throws Exception
    {
        final String header = "step,x,y\n0,1,2\n";
        final String cadence = "step,x\n0,1\n5,1\n10,1\n";
        final String gap = "step,x\n0,1\n4,1\n";
        final String notARow = "step,x\n0,1\nfour,1\n";
        assertRefused(header, 20, 0, "its header is 'step,x,y', but this run writes 'step,x'");
        assertRefused(cadence, 20, 0, "line 3 is the row of step 5, but the row after step 0 is step 4");
        assertRefused(gap, 20, 12, "its rows end at step 4, but the run resumes at step 12");
        assertRefused(gap, 20, 12, "resume from a checkpoint at or before tick 8");
        assertRefused(notARow, 20, 0, "line 3 is not a row");
        assertRefused("step,x\n", 20, 4, "it holds no row before step 4");
    }

    private void assertRefused(final String contents, final long keptUpTo, final long startStep, final String says)
        throws Exception
    {
        final Path file = Files.writeString(temp.resolve("other.csv"), contents);
        final MetricsException ex = assertThrows(MetricsException.class,
            () -> MetricsWriter.resume(file, List.of("x"), 4, keptUpTo, startStep));
        assertTrue(ex.getMessage().contains(says), ex.getMessage());
        assertTrue(ex.getMessage().contains("move it aside") || ex.getMessage().contains("move the file aside"),
            ex.getMessage());
        assertEquals(contents, Files.readString(file), "nothing already written is lost");
    }
}

package io.myriad.bench.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.myriad.kernel.RecordsContext;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.Worlds;
import io.myriad.kernel.checkpoint.Checkpoint;
import io.myriad.kernel.checkpoint.CheckpointPolicy;
import io.myriad.kernel.checkpoint.CheckpointReader;
import io.myriad.kernel.checkpoint.Checkpoints;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.world.World;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.kernel.model.Models;

/**
 * Checkpoints of a flock of N birds (default 1,000,000, at the large preset's density) written and restored
 * alternately with {@code dd} writing the same number of bytes to the same directory with {@code conv=fsync}, so
 * that both pay for getting the bytes onto the disk. Each round: a checkpoint is written (data and manifest, each
 * forced to disk, then renamed), {@code dd} writes as many bytes, and the checkpoint is restored into a fresh store
 * (checked: every section's checksum). Round 0 warms the code up and is left out of the medians. Prints one
 * JSON line per round and a summary of medians:
 * <pre>
 * bench/scripts/checkpoint-vs-dd.sh [birds [rounds]]
 * </pre>
 * The directory is {@code -Dmyriad.bench.dir} (default: the temporary directory); everything written is deleted.
 */
public final class CheckpointVersusDd
{
    private CheckpointVersusDd()
    {
    }

    /**
     * @param args birds, rounds.
     * @throws Exception if a file or dd fails.
     */
    public static void main(final String[] args) throws Exception
    {
        final int birds = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        final Path parent = Paths.get(System.getProperty("myriad.bench.dir", System.getProperty("java.io.tmpdir")));
        final Path directory = Files.createTempDirectory(parent, "myriad-checkpoint-bench");
        final ModelPlugin plugin = Models.named("flocking");
        // flocking's defaults are the large preset's density and vision
        final ModelConfig config = ModelConfig.of(plugin, birds, 42, Map.of());
        final List<double[]> results = new ArrayList<>();
        try (Simulation sim = Simulation.launch(new SimulationContext()
            .model(plugin.create(config)).seed(42).workers(2).modelName("flocking")
            .records(new RecordsContext()
                .checkpoints(directory.resolve("checkpoints"), new CheckpointPolicy(0, 0, 0, 1, 1)))))
        {
            sim.run(2);
            for (int round = 0; round <= rounds; round++)
            {
                final long writeStart = System.nanoTime();
                final Checkpoint checkpoint = sim.checkpoint();
                final long writeNs = System.nanoTime() - writeStart;
                final long bytes = checkpoint.dataBytes() + Files.size(checkpoint.manifest());

                final long ddNs = dd(directory.resolve("dd.bin"), bytes);

                final long restoreNs;
                try (World world = Worlds.newWorld(plugin.create(config), sim.world().layout(), 42))
                {
                    final long restoreStart = System.nanoTime();
                    CheckpointReader.restore(Checkpoints.read(checkpoint.manifest()), world);
                    restoreNs = System.nanoTime() - restoreStart;
                }
                System.out.printf(Locale.ROOT, "{\"round\":%d,\"bytes\":%d,\"checkpoint_write_ms\":%.1f," +
                    "\"dd_write_ms\":%.1f,\"restore_ms\":%.1f,\"write_over_dd\":%.3f}%n", round, bytes,
                    writeNs / 1e6, ddNs / 1e6, restoreNs / 1e6, (double)writeNs / ddNs);
                if (round > 0)
                {
                    results.add(new double[] { writeNs, ddNs, restoreNs, bytes });
                }
                Files.deleteIfExists(checkpoint.manifest());
                Files.deleteIfExists(checkpoint.data());
                sim.step();
            }
        }
        finally
        {
            try (Stream<Path> files = Files.walk(directory))
            {
                for (final Path file : files.sorted(Comparator.reverseOrder()).toList())
                {
                    Files.deleteIfExists(file);
                }
            }
        }
        final double write = median(results, 0);
        final double dd = median(results, 1);
        final double restore = median(results, 2);
        System.out.printf(Locale.ROOT, "{\"impl\":\"summary\",\"birds\":%d,\"bytes\":%.0f," +
            "\"checkpoint_write_ms\":%.1f,\"dd_write_ms\":%.1f,\"restore_ms\":%.1f," +
            "\"write_over_dd\":%.3f,\"restore_over_dd\":%.3f}%n",
            birds, results.get(0)[3], write / 1e6, dd / 1e6, restore / 1e6, write / dd, restore / dd);
    }

    private static long dd(final Path file, final long bytes) throws IOException, InterruptedException
    {
        final long megabytes = (bytes + (1 << 20) - 1) >> 20;
        final long start = System.nanoTime();
        final Process dd = new ProcessBuilder("dd", "if=/dev/zero", "of=" + file, "bs=1M", "count=" + megabytes,
            "conv=fsync").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!dd.waitFor(10, TimeUnit.MINUTES) || dd.exitValue() != 0)
        {
            throw new IOException("dd failed writing " + megabytes + " MiB to " + file);
        }
        final long elapsed = System.nanoTime() - start;
        Files.deleteIfExists(file);
        return elapsed;
    }

    private static double median(final List<double[]> results, final int column)
    {
        final double[] values = results.stream().mapToDouble((r) -> r[column]).sorted().toArray();
        final int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}

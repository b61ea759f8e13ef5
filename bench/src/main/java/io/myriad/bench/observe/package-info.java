/**
 * What watching a run costs it: {@link io.myriad.bench.observe.SnapshotBenchmark} times a tick with and without a
 * snapshot of every agent; {@link io.myriad.bench.observe.StreamingCost} runs the control server and a million birds
 * with WebSocket clients attached and detached in turn; {@link io.myriad.bench.observe.DashboardFrameRate} counts
 * the dashboard's own frames in headless Chromium.
 */
package io.myriad.bench.observe;

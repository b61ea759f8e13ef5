/**
 * The control server and the web dashboard: {@link io.myriad.tools.server.ControlServer} on Jetty's core handlers
 * serves the JSON API ({@code ApiHandler}: runs, scenarios, models, pause, resume, step, speed, inject, stop,
 * summary, metrics), a WebSocket per run ({@link io.myriad.tools.server.RunSocket}, fed by the {@code Streamer})
 * and the dashboard's static files from the jar, behind a token and a rate limit ({@code Access}). Runs are
 * {@link io.myriad.tools.server.HostedRun}s in {@link io.myriad.tools.server.Runs}; what starts them is a
 * {@link io.myriad.tools.server.RunFactory}, the command line's. {@code docs/server.md} is the user's guide.
 */
package io.myriad.tools.server;

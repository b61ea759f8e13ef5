/**
 * Benchmarks of the kernel's channels through the whole pipeline: messages sent point to point and broadcast,
 * read from inboxes and freed, a step at a time.
 */
package io.myriad.bench.channel;

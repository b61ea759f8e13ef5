#!/usr/bin/env bash
#
# The chat-completions decider against a local stand-in endpoint (io.myriad.bench.decide.DeciderThroughput): the
# nation economy's decisions a wall second against the most the concurrency bound allows (concurrency / delay),
# decisions lost, the heap after a GC; then both in real time, for the steps' own latency with decisions in flight
# against the same run answered at once. One JSON line per run, then one of medians.
#
# Usage: bench/scripts/decider-throughput.sh [NATIONS] [CONCURRENCY] [DELAY_MS] [SIM_SECONDS] [ROUNDS] [WORKERS]
#        [PACED_SECONDS]   (defaults 10000 64 100 60 2 1 20; PACED_SECONDS 0 skips the runs in real time)
# Needs bench/target/benchmarks.jar (./mvnw -q -pl bench -am install -DskipTests). JAVA_HOME picks the JDK;
# DECIDER_THROUGHPUT_JAVA_OPTS adds JVM options.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/bench-java.sh"
# shellcheck disable=SC2086 # $DECIDER_THROUGHPUT_JAVA_OPTS is a list of JVM options
bench_java decider-throughput io.myriad.bench.decide.DeciderThroughput ${DECIDER_THROUGHPUT_JAVA_OPTS:-} -- "$@"

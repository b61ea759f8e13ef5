#!/usr/bin/env bash
#
# Journal append latency in an HdrHistogram (io.myriad.bench.journal.JournalAppendLatency): 64-byte records
# offered at RATE per second for SECONDS after WARMUP seconds, each append timed from when it was due. Prints one
# JSON line: sustained rate, latency p50/p99/p999/max in ns, bytes allocated per append, ring stalls.
#
# Usage: bench/scripts/journal-latency.sh [RATE] [SECONDS] [WARMUP]   (defaults 5000000 5 2)
# Needs bench/target/benchmarks.jar (./mvnw -q -pl bench -am install -DskipTests). JAVA_HOME picks the JDK;
# JOURNAL_LATENCY_JAVA_OPTS adds JVM options.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/bench-java.sh"
# shellcheck disable=SC2086 # $JOURNAL_LATENCY_JAVA_OPTS is a list of JVM options
bench_java journal-latency io.myriad.bench.journal.JournalAppendLatency ${JOURNAL_LATENCY_JAVA_OPTS:-} -- "$@"

#!/usr/bin/env bash
#
# What WebSocket clients cost a run (io.myriad.bench.observe.StreamingCost): `myriad serve` runs a million birds,
# and windows of the same run alternate without clients and with them. One JSON line per window, then one of
# medians with the cost in percent.
#
# Usage: bench/scripts/streaming-cost.sh [AGENTS] [CLIENTS] [FPS] [MAX_POINTS] [WINDOW_SECONDS] [WINDOWS]
#        (defaults 1000000 1 10 1048576 6 6)
# Needs bench/target/benchmarks.jar (./mvnw -q -pl bench -am install -DskipTests) and tools/target/myriad.jar,
# run from the repository's root. JAVA_HOME picks the JDK; STREAMING_COST_JAVA_OPTS adds JVM options.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/bench-java.sh"
# shellcheck disable=SC2086 # $STREAMING_COST_JAVA_OPTS is a list of JVM options
bench_java streaming-cost io.myriad.bench.observe.StreamingCost "-Dmyriad.launcher=$here/../../myriad" \
    ${STREAMING_COST_JAVA_OPTS:-} -- "$@"

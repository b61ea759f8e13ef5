#!/usr/bin/env bash
#
# Checkpoint write and restore of a flock against dd writing the same bytes with conv=fsync, alternately in the
# same directory (io.myriad.bench.checkpoint.CheckpointVersusDd). Prints one JSON line per round and a summary
# line of medians with write_over_dd and restore_over_dd.
#
# Usage: bench/scripts/checkpoint-vs-dd.sh [BIRDS] [ROUNDS]   (defaults 1000000 5)
# Needs bench/target/benchmarks.jar (./mvnw -q -pl bench -am install -DskipTests). JAVA_HOME picks the JDK;
# CHECKPOINT_JAVA_OPTS adds JVM options.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/bench-java.sh"
# shellcheck disable=SC2086 # $CHECKPOINT_JAVA_OPTS is a list of JVM options
bench_java checkpoint-vs-dd io.myriad.bench.checkpoint.CheckpointVersusDd ${CHECKPOINT_JAVA_OPTS:-} -Xmx4g -- "$@"

#!/usr/bin/env bash
#
# Checkpoint write and restore of a flock against dd writing the same bytes with conv=fsync, alternately in the
# same directory (io.myriad.bench.checkpoint.CheckpointVersusDd). Prints one JSON line per round and a summary
# line of medians with write_over_dd and restore_over_dd.
#
# Usage: bench/scripts/checkpoint-vs-dd.sh [BIRDS] [ROUNDS]   (defaults 1000000 5)
# Needs bench/target/benchmarks.jar (./mvnw -q -pl bench -am install -DskipTests). JAVA_HOME picks the JDK.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/../target/benchmarks.jar"
[[ -f "$jar" ]] || { echo "checkpoint-vs-dd: $jar is missing; build it with ./mvnw -q -pl bench -am install -DskipTests" >&2; exit 1; }
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# The module flags, from the jar's manifest (java -cp does not read them there).
manifest="$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g')"
flags=()
for package in $(sed -n 's/^Add-Exports: //p' <<<"$manifest"); do flags+=("--add-exports=$package=ALL-UNNAMED"); done
for package in $(sed -n 's/^Add-Opens: //p' <<<"$manifest"); do flags+=("--add-opens=$package=ALL-UNNAMED"); done

exec "$java" "${flags[@]}" ${CHECKPOINT_JAVA_OPTS:-} -Xmx4g -cp "$jar" io.myriad.bench.checkpoint.CheckpointVersusDd "$@"

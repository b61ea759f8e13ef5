#!/usr/bin/env bash
#
# Journal append latency in an HdrHistogram (io.myriad.bench.journal.JournalAppendLatency): 64-byte records
# offered at RATE per second for SECONDS after WARMUP seconds, each append timed from when it was due. Prints one
# JSON line: sustained rate, latency p50/p99/p999/max in ns, bytes allocated per append, ring stalls.
#
# Usage: bench/scripts/journal-latency.sh [RATE] [SECONDS] [WARMUP]   (defaults 5000000 5 2)
# Needs bench/target/benchmarks.jar (./mvnw -q -pl bench -am install -DskipTests). JAVA_HOME picks the JDK.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/../target/benchmarks.jar"
[[ -f "$jar" ]] || { echo "journal-latency: $jar is missing; build it with ./mvnw -q -pl bench -am install -DskipTests" >&2; exit 1; }
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# The module flags, from the jar's manifest (java -cp does not read them there).
manifest="$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g')"
flags=()
for package in $(sed -n 's/^Add-Exports: //p' <<<"$manifest"); do flags+=("--add-exports=$package=ALL-UNNAMED"); done
for package in $(sed -n 's/^Add-Opens: //p' <<<"$manifest"); do flags+=("--add-opens=$package=ALL-UNNAMED"); done

exec "$java" "${flags[@]}" ${JOURNAL_LATENCY_JAVA_OPTS:-} -cp "$jar" io.myriad.bench.journal.JournalAppendLatency "$@"

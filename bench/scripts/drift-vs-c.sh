#!/usr/bin/env bash
#
# Drift through the whole Myriad pipeline against the same SoA kernel in C (gcc -O3, OpenMP), side by side on
# this machine: ROUNDS alternating runs of each, then the median tick of every run and the median over runs.
# Myriad's figure is agents / median tick time (steady state, from the run's HdrHistogram); the C figure is the
# same from its own per-tick clock. Prints one JSON line per run and a summary line:
#   {"impl":"summary","agents":...,"threads":...,"myriad_updates_per_second":...,"c_updates_per_second":...,"ratio":...}
#
# Usage: bench/scripts/drift-vs-c.sh [AGENTS] [THREADS] [TICKS] [ROUNDS]   (defaults 33554432 2 50 3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$(cd "$here/../.." && pwd)"
agents="${1:-33554432}"
threads="${2:-2}"
ticks="${3:-50}"
rounds="${4:-3}"
out="$(mktemp -d "${TMPDIR:-/tmp}/drift-vs-c.XXXXXX")"
trap 'rm -rf "$out"' EXIT

"$here/drift-c.sh" 1024 1 2 >/dev/null            # compile the C baseline once (and check it runs)
"$home/myriad" models >/dev/null                   # build the launcher's jar once

myriad=()
c=()
for ((round = 1; round <= rounds; round++)); do
    line="$("$home/myriad" run --model drift --agents "$agents" --threads "$threads" --ticks "$ticks" \
        --out "$out/run-$round" --json | tail -n 1)"
    echo "$line"
    myriad+=("$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["agents"] / (d["tick_ns"]["p50"] / 1e9))' "$line")")
    line="$("$here/drift-c.sh" "$agents" "$threads" "$ticks")"
    echo "$line"
    c+=("$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["agents"] / (d["tick_ns_median"] / 1e9))' "$line")")
done

python3 - "$agents" "$threads" "${myriad[*]}" "${c[*]}" <<'PY'
import json, statistics, sys
agents, threads = int(sys.argv[1]), int(sys.argv[2])
m = statistics.median(float(v) for v in sys.argv[3].split())
c = statistics.median(float(v) for v in sys.argv[4].split())
print(json.dumps({"impl": "summary", "agents": agents, "threads": threads,
                  "myriad_updates_per_second": round(m), "c_updates_per_second": round(c),
                  "ratio": round(m / c, 3)}))
PY

#!/usr/bin/env bash
#
# What journaling costs a run: ROUNDS alternating runs of the same model without a journal and with one at LEVEL,
# then the median throughput (agent updates per second over the whole run, wall clock, so the state hashes the
# journal computes, its stage's CPU and the page faults of its file all count) of each and the overhead
# 1 - journaled / unjournaled. Prints one JSON line per run and a summary line:
#   {"impl":"summary","model":...,"level":...,"none_updates_per_second":...,"journaled_updates_per_second":...,
#    "overhead":...}
#
# Usage: bench/scripts/journal-overhead.sh [MODEL] [AGENTS] [TICKS] [ROUNDS] [LEVEL] [THREADS]
#   defaults: flocking 1000000 100 3 inputs 2   (flocking runs its large preset's density)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$(cd "$here/../.." && pwd)"
model="${1:-flocking}"
agents="${2:-1000000}"
ticks="${3:-100}"
rounds="${4:-3}"
level="${5:-inputs}"
threads="${6:-2}"
out="$(mktemp -d "${TMPDIR:-/tmp}/journal-overhead.XXXXXX")"
trap 'rm -rf "$out"' EXIT

"$home/myriad" models >/dev/null                   # build the launcher's jar once
preset=()
[[ "$model" == flocking ]] && preset=(--preset large)

none=()
journaled=()
for ((round = 1; round <= rounds; round++)); do
    line="$("$home/myriad" run --model "$model" "${preset[@]}" --agents "$agents" --threads "$threads" \
        --ticks "$ticks" --no-journal --out "$out/none-$round" --json | tail -n 1)"
    echo "$line" | cut -c1-400
    none+=("$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["agent_updates_per_second"])' "$line")")
    line="$("$home/myriad" run --model "$model" "${preset[@]}" --agents "$agents" --threads "$threads" \
        --ticks "$ticks" --journal-level "$level" --out "$out/journal-$round" --json | tail -n 1)"
    echo "$line" | cut -c1-400
    journaled+=("$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["agent_updates_per_second"])' "$line")")
    rm -rf "$out/none-$round" "$out/journal-$round"
done

python3 - "$model" "$level" "${none[*]}" "${journaled[*]}" <<'PY'
import json, statistics, sys
model, level = sys.argv[1], sys.argv[2]
n = statistics.median(float(v) for v in sys.argv[3].split())
j = statistics.median(float(v) for v in sys.argv[4].split())
print(json.dumps({"impl": "summary", "model": model, "level": level, "none_updates_per_second": round(n),
                  "journaled_updates_per_second": round(j), "overhead": round(1 - j / n, 4)}))
PY

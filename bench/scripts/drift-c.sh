#!/usr/bin/env bash
# Builds and runs the C/OpenMP drift baseline (bench/src/main/c/drift.c).
#
# Usage: bench/scripts/drift-c.sh [agents [threads [ticks [warmup_ticks]]]]
#   defaults: 33554432 agents, 2 threads (or OMP_NUM_THREADS), 50 timed ticks, 5 warm-up ticks.
# Prints one JSON line; see docs/benchmarks.md.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source_file="${bench_dir}/src/main/c/drift.c"
binary="${bench_dir}/target/drift-c"

mkdir -p "${bench_dir}/target"
gcc -O3 -march=native -fopenmp -std=c11 -Wall -Wextra -Werror -o "${binary}" "${source_file}"

agents="${1:-33554432}"
threads="${2:-${OMP_NUM_THREADS:-2}}"
ticks="${3:-50}"
warmup="${4:-5}"

# One thread per core, kept there: the schedule is static, so a migrating thread would leave its pages behind.
export OMP_PROC_BIND="${OMP_PROC_BIND:-close}"
export OMP_PLACES="${OMP_PLACES:-cores}"
exec "${binary}" "${agents}" "${threads}" "${ticks}" "${warmup}"

#!/usr/bin/env bash
#
# The dashboard's own frame counter with a million birds in Debian's headless Chromium
# (io.myriad.bench.observe.DashboardFrameRate), while the run steps and while it is paused. One JSON line each.
#
# Usage: bench/scripts/dashboard-fps.sh [AGENTS] [SECONDS]   (defaults 1000000 20)
# Needs bench/target/benchmarks.jar (./mvnw -q -pl bench -am install -DskipTests), tools/target/myriad.jar and
# Debian's chromium and chromium-driver, run from the repository's root. JAVA_HOME picks the JDK.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/bench-java.sh"
bench_java dashboard-fps io.myriad.bench.observe.DashboardFrameRate "-Dmyriad.launcher=$here/../../myriad" -- "$@"

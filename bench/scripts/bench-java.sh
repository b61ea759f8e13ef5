#!/usr/bin/env bash
#
# Runs a main class of bench/target/benchmarks.jar with the JVM's module flags, which `java -cp` does not take
# from the jar's manifest (only `java -jar` does): they are read from the manifest here, so they stay defined
# in one place (the parent pom). Sourced by the harness scripts:
#   bench_java NAME MAIN_CLASS [JVM options...] -- [program arguments...]
# Needs bench/target/benchmarks.jar (./mvnw -q -pl bench -am install -DskipTests). JAVA_HOME picks the JDK.

bench_java() {
    local name="$1" main="$2"
    shift 2
    local here jar java manifest package
    here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    jar="$here/../target/benchmarks.jar"
    [[ -f "$jar" ]] || { echo "$name: $jar is missing; build it with ./mvnw -q -pl bench -am install -DskipTests" >&2; exit 1; }
    java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
    manifest="$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g')"
    local flags=()
    for package in $(sed -n 's/^Add-Exports: //p' <<<"$manifest"); do flags+=("--add-exports=$package=ALL-UNNAMED"); done
    for package in $(sed -n 's/^Add-Opens: //p' <<<"$manifest"); do flags+=("--add-opens=$package=ALL-UNNAMED"); done
    local options=()
    while [[ $# -gt 0 && "$1" != "--" ]]; do options+=("$1"); shift; done
    [[ $# -gt 0 ]] && shift
    exec "$java" "${flags[@]}" "${options[@]+"${options[@]}"}" -cp "$jar" "$main" "$@"
}

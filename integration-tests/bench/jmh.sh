#!/usr/bin/env bash
# JMH microbenchmarks of the engine (adapter-api/src/bench/java), built with the benchmarks profile.
#
#   integration-tests/bench/jmh.sh                      # every benchmark, the annotated iterations, -prof gc
#   QUICK=1 integration-tests/bench/jmh.sh              # smoke run: 1 fork, 2 x 1 s warm-up and measurement
#   integration-tests/bench/jmh.sh HandlerSelection     # any JMH arguments: a regexp, -p mappings=1000, -prof ...
#
# Environment: QUICK [0], SKIP_BUILD [0], MVN_ARGS [""] (e.g. -o).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
API="$ROOT/adapter-api/target"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    # shellcheck disable=SC2086
    (cd "$ROOT" && mvn -B -q ${MVN_ARGS:-} -Pbenchmarks -pl adapter-api -DskipTests package)
fi
[ -f "$API/bench.classpath" ] || { echo "$API/bench.classpath is missing: build with -Pbenchmarks" >&2; exit 1; }

ARGS=(-prof gc -rf text -rff "$API/jmh-result.txt")
if [ "${QUICK:-0}" = 1 ]; then
    ARGS+=(-f 1 -wi 2 -w 1s -i 2 -r 1s)
fi
exec java -cp "$API/test-classes:$API/classes:$(cat "$API/bench.classpath")" org.openjdk.jmh.Main "${ARGS[@]}" "$@"

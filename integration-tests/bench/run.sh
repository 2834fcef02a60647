#!/usr/bin/env bash
# Load benchmark: bare Jetty / Tomcat against the same container with a pass-through filter, with Apache Shiro and
# with Stageline, for a 1 KB static file, a 256 KB static file and a tiny servlet, on loopback with wrk.
#
#   integration-tests/bench/run.sh                 # full run (~21 min on 2 cores, build excluded)
#   QUICK=1 integration-tests/bench/run.sh         # smoke run (~3 min): proves the harness, numbers are not valid
#   integration-tests/bench/run.sh combine DIR...  # one summary over the rounds of earlier runs' output folders
#
# Each variant is its own server process (a small Java main from src/bench/java of adapter-jetty / adapter-tomcat,
# with its own class path: Jetty and Tomcat never share one), bound to 127.0.0.1 on a free port. The script checks
# that the pid in the server's READY line is the process it started, checks every URL's status and size (and that
# Shiro / Stageline are really in the path), warms up, measures each URL, and stops the server. Variants are
# interleaved (odd rounds forward, even rounds in reverse) so that machine drift hits all of them alike.
#
# Reported per container, URL and variant (median over rounds): requests/s, p50 and p99 latency, server CPU seconds
# per 10,000 requests (utime+stime of the server process from /proc/<pid>/stat, read before and after each wrk run),
# and the ratio of requests/s and of CPU per request to bare on the same container and URL.
#
# Environment (defaults in brackets):
#   QUICK [0]            1 = ROUNDS=1 WARMUP=2 DURATION=3
#   ROUNDS [4]           WARMUP [4] s per URL   DURATION [6] s per URL
#   CONNECTIONS [8]      THREADS [1] (wrk)
#   CONTAINERS ["jetty tomcat"]   VARIANTS ["bare passthrough shiro stageline"]
#   STAGELINE_CONFIGS ["default realistic"]: one Stageline variant per name, configured by
#                        bench/stageline-<name>.yaml; "realistic" = forms auth, URL authorization, request filtering
#                        and W3C logging on
#   JAVA_OPTS ["-Xms512m -Xmx512m"]   SKIP_BUILD [0]   MVN_ARGS [""] (e.g. -o)
#   OUT [integration-tests/target/bench/<timestamp>]: logs, results.tsv (one row per run), summary.md
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then
    ROUNDS=${ROUNDS:-1}; WARMUP=${WARMUP:-2}; DURATION=${DURATION:-3}
else
    ROUNDS=${ROUNDS:-4}; WARMUP=${WARMUP:-4}; DURATION=${DURATION:-6}
fi
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-1}
CONTAINERS=${CONTAINERS:-"jetty tomcat"}
VARIANTS=${VARIANTS:-"bare passthrough shiro stageline"}
STAGELINE_CONFIGS=${STAGELINE_CONFIGS:-"default realistic"}
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx512m"}
SKIP_BUILD=${SKIP_BUILD:-0}
MVN_ARGS=${MVN_ARGS:-}
OUT=${OUT:-$ROOT/integration-tests/target/bench/$(date -u +%Y%m%dT%H%M%SZ)}

# name:path:expected size in bytes
URLS="1k:/1k.html:1024 256k:/256k.jpg:262144 tiny:/tiny:6"
CLK_TCK=$(getconf CLK_TCK)
SERVER_PID=""

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

stop_server() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=""
    fi
}
trap stop_server EXIT

ensure_wrk() {
    if ! command -v wrk >/dev/null; then
        log "installing wrk (Debian package)"
        apt-get update -qq && apt-get install -y -qq wrk >/dev/null
    fi
}

build() {
    if [ "$SKIP_BUILD" != 1 ]; then
        log "building the benchmark servers (mvn -Pbenchmarks package)"
        # shellcheck disable=SC2086
        (cd "$ROOT" && mvn -B -q $MVN_ARGS -Pbenchmarks -pl adapter-jetty,adapter-tomcat -am -DskipTests package)
    fi
}

# The class path of one container's server: its module's classes and test classes (src/bench/java) and its
# dependency class path as Maven resolved it in the benchmarks profile.
classpath() {
    local m="$ROOT/adapter-$1/target"
    [ -f "$m/bench.classpath" ] || die "$m/bench.classpath is missing: build with -Pbenchmarks (or drop SKIP_BUILD)"
    echo "$m/test-classes:$m/classes:$(cat "$m/bench.classpath")"
}

check_classpaths() {
    case "$(classpath jetty)" in *tomcat-embed*) die "Tomcat on the Jetty class path" ;; esac
    case "$(classpath tomcat)" in *jetty*|*jakarta.servlet-api*) die "Jetty or the Servlet API jar on the Tomcat class path" ;; esac
}

main_class() {
    case "$1" in
        jetty) echo io.stageline.bench.jetty.JettyBenchServer ;;
        tomcat) echo io.stageline.bench.tomcat.TomcatBenchServer ;;
        *) die "unknown container $1" ;;
    esac
}

make_webroot() {
    mkdir -p "$OUT/webroot" "$OUT/logs" "$OUT/work"
    head -c 1024 /dev/zero | tr '\0' 'a' > "$OUT/webroot/1k.html"
    head -c 262144 /dev/urandom > "$OUT/webroot/256k.jpg"
    printf '<html><body>login</body></html>\n' > "$OUT/webroot/login.html"
}

# start_server CONTAINER VARIANT LABEL CONFIG -> SERVER_PID, PORT
start_server() {
    local container=$1 variant=$2 label=$3 config=$4 slog="$OUT/logs/$1-$3-r$ROUND.log" line pid i
    local cp
    cp=$(classpath "$container")
    # java is started as a simple command so that $! is the JVM (not a subshell): see container-pitfalls.md.
    # shellcheck disable=SC2086
    java $JAVA_OPTS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" "$(main_class "$container")" \
        --variant "$variant" --webroot "$OUT/webroot" --workdir "$OUT/work/$container-$label" \
        --shiro-ini "$HERE/shiro.ini" --config "$config" > "$slog" 2>&1 &
    SERVER_PID=$!
    for i in $(seq 1 600); do
        line=$(grep -m1 '^READY ' "$slog" || true)
        [ -n "$line" ] && break
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$slog" >&2; SERVER_PID=""; die "$container/$label did not start (log: $slog)"; }
        sleep 0.1
    done
    [ -n "$line" ] || die "$container/$label printed no READY line within 60 s (log: $slog)"
    pid=$(sed -n 's/.* pid=\([0-9]*\).*/\1/p' <<< "$line")
    PORT=$(sed -n 's/.* port=\([0-9]*\).*/\1/p' <<< "$line")
    [ "$pid" = "$SERVER_PID" ] || die "READY pid $pid is not the started process $SERVER_PID"
}

expect() { # expect URL STATUS [SIZE] [BODY-SUBSTRING]
    local got
    got=$(curl -s -o "$OUT/work/body" -w '%{http_code} %{size_download}' "http://127.0.0.1:$PORT$1")
    [ "${got%% *}" = "$2" ] || die "$1 answered ${got%% *}, expected $2"
    [ -z "${3:-}" ] || [ "${got##* }" = "$3" ] || die "$1 sent ${got##* } bytes, expected $3"
    [ -z "${4:-}" ] || grep -q "$4" "$OUT/work/body" || die "$1: body lacks '$4'"
}

check_server() {
    local u name path size
    for u in $URLS; do
        IFS=: read -r name path size <<< "$u"
        expect "$path" 200 "$size"
    done
    case "$1" in
        shiro) expect /admin/x 401 ;;
        stageline) expect /nothing.zzz 404 "" "stageline-status: 404" ;;
        *) if curl -s "http://127.0.0.1:$PORT/nothing.zzz" | grep -q stageline-status; then die "Stageline in a $1 server"; fi ;;
    esac
}

cpu_ticks() { # utime + stime of a process, in clock ticks
    local line rest
    read -r line < "/proc/$1/stat"
    rest=${line##*) }
    # shellcheck disable=SC2086
    set -- $rest
    echo $(( ${12} + ${13} ))
}

to_ms() { # wrk latency (e.g. 812.00us, 1.53ms, 2.01s) -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.3f", n }'
}

# measure CONTAINER LABEL: one wrk run per URL, appends rows to results.tsv
measure() {
    local u name path size before after wout rps reqs p50 p99 cpu errs
    for u in $URLS; do
        IFS=: read -r name path size <<< "$u"
        before=$(cpu_ticks "$SERVER_PID")
        wout=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$path")
        after=$(cpu_ticks "$SERVER_PID")
        printf '%s\n' "$wout" > "$OUT/logs/wrk-$1-$2-$name-r$ROUND.txt"
        rps=$(awk '/^Requests\/sec:/ { print $2 }' <<< "$wout")
        reqs=$(awk '/requests in/ { print $1 }' <<< "$wout")
        p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<< "$wout")")
        p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<< "$wout")")
        errs=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<< "$wout")
        cpu=$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v r="$reqs" 'BEGIN { printf "%.4f", t / hz / r * 10000 }')
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$ROUND" "$1" "$2" "$name" "$rps" "$p50" "$p99" "$reqs" \
            "$cpu" "$errs" >> "$OUT/results.tsv"
        log "  $1 $2 $name: $rps req/s, p50 ${p50} ms, p99 ${p99} ms, $cpu CPU s/10k, errors $errs"
    done
}

warm_up() {
    local u name path size
    for u in $URLS; do
        IFS=: read -r name path size <<< "$u"
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "http://127.0.0.1:$PORT$path" > /dev/null
    done
}

# The run list: container/variant/label/config, variants outer and containers inner, so both containers of one
# variant run back to back.
run_list() {
    local v c name
    for v in $VARIANTS; do
        for c in $CONTAINERS; do
            if [ "$v" = stageline ]; then
                for name in $STAGELINE_CONFIGS; do
                    [ -f "$HERE/stageline-$name.yaml" ] || die "no $HERE/stageline-$name.yaml"
                    if [ "$name" = default ]; then
                        echo "$c stageline stageline $HERE/stageline-$name.yaml"
                    else
                        echo "$c stageline stageline-$name $HERE/stageline-$name.yaml"
                    fi
                done
            else
                echo "$c $v $v $HERE/stageline-default.yaml"
            fi
        done
    done
}

summarize() {
    awk -F'\t' '
        function median(list,   a, n, i, j, t) {
            n = split(list, a, " ")
            for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
            return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        }
        NR > 1 {
            k = $2 SUBSEP $4 SUBSEP $3
            if (!(k in seen)) { seen[k] = 1; order[++n] = k }
            rps[k] = rps[k] " " $5; p50[k] = p50[k] " " $6; p99[k] = p99[k] " " $7; cpu[k] = cpu[k] " " $9
            err[k] += $10; runs[k]++
        }
        END {
            for (i = 1; i <= n; i++) {
                k = order[i]; split(k, f, SUBSEP)
                b = f[1] SUBSEP f[2] SUBSEP "bare"
                r = median(rps[k]); c = median(cpu[k])
                rb = (b in seen) ? median(rps[b]) : 0; cb = (b in seen) ? median(cpu[b]) : 0
                printf "| %s | %s | %s | %d | %.0f | %.2f | %.2f | %.3f | %s | %s | %d |\n", f[1], f[2], f[3], runs[k],
                    r, median(p50[k]), median(p99[k]), c, (rb > 0 ? sprintf("%.2f", r / rb) : "-"),
                    (cb > 0 ? sprintf("%.2f", c / cb) : "-"), err[k]
            }
        }' "$OUT/results.tsv" | sort -t'|' -k2,2 -k3,3 -s > "$OUT/rows.md"
    {
        echo "| container | URL | variant | runs | req/s | p50 ms | p99 ms | CPU s/10k req | req/s vs bare | CPU vs bare | errors |"
        echo "|---|---|---|---|---|---|---|---|---|---|---|"
        cat "$OUT/rows.md"
    } > "$OUT/summary.md"
    rm "$OUT/rows.md"
}

main() {
    ensure_wrk
    build
    check_classpaths
    make_webroot
    # the realistic configuration's secrets: a random forms key and the hash of a throwaway admin password
    export STAGELINE_FORMS_KEY="${STAGELINE_FORMS_KEY:-$(head -c 32 /dev/urandom | base64)}"
    if [ -z "${STAGELINE_BENCH_ADMIN_HASH:-}" ]; then
        STAGELINE_BENCH_ADMIN_HASH=$(printf 'bench-admin\n' | java -jar "$ROOT"/adapter-api/target/stageline-adapter-api-*-dropin.jar hash-password)
    fi
    export STAGELINE_BENCH_LOG_DIR="$OUT/logs" STAGELINE_BENCH_ADMIN_HASH
    printf 'round\tcontainer\tvariant\turl\treq_per_s\tp50_ms\tp99_ms\trequests\tcpu_s_per_10k\terrors\n' > "$OUT/results.tsv"
    {
        echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo "nproc: $(nproc)"
        echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
        echo "java: $(java -version 2>&1 | head -1)"
        echo "wrk: $(wrk -v 2>&1 | head -1)"
        echo "loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
        echo "settings: QUICK=$QUICK ROUNDS=$ROUNDS WARMUP=$WARMUP DURATION=$DURATION CONNECTIONS=$CONNECTIONS" \
            "THREADS=$THREADS JAVA_OPTS=$JAVA_OPTS STAGELINE_CONFIGS=$STAGELINE_CONFIGS"
    } > "$OUT/machine.txt"
    local list runs container variant label config
    list=$(run_list)
    for ROUND in $(seq 1 "$ROUNDS"); do
        if [ $((ROUND % 2)) = 0 ]; then runs=$(tac <<< "$list"); else runs=$list; fi
        while read -r container variant label config <&3; do
            log "round $ROUND/$ROUNDS: $container $label"
            start_server "$container" "$variant" "$label" "$config"
            check_server "$variant"
            warm_up
            measure "$container" "$label"
            stop_server
        done 3<<< "$runs"
    done
    echo "loadavg at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
    summarize
    cat "$OUT/machine.txt"
    cat "$OUT/summary.md"
    log "results in $OUT"
}

# combine DIR...: the rounds of several runs (renumbered one after the other) in one results.tsv and summary.md
combine() {
    local dir offset=0
    [ $# -gt 0 ] || die "combine: name the output folders of earlier runs"
    mkdir -p "$OUT"
    printf 'round\tcontainer\tvariant\turl\treq_per_s\tp50_ms\tp99_ms\trequests\tcpu_s_per_10k\terrors\n' > "$OUT/results.tsv"
    for dir in "$@"; do
        [ -f "$dir/results.tsv" ] || die "combine: no $dir/results.tsv"
        awk -F'\t' -v OFS='\t' -v o="$offset" 'NR > 1 { $1 += o; print }' "$dir/results.tsv" >> "$OUT/results.tsv"
        offset=$(awk -F'\t' 'NR > 1 && $1 > m { m = $1 } END { print m + 0 }' "$OUT/results.tsv")
        echo "$dir" >> "$OUT/combined-from.txt"
    done
    summarize
    cat "$OUT/summary.md"
    log "combined $offset rounds in $OUT"
}

if [ "${1:-}" = combine ]; then
    shift
    combine "$@"
else
    main "$@"
fi

#!/usr/bin/env bash
# Service benchmark (issue 3 §10): starts the packaged jar on 127.0.0.1 and, in the same run, measures
#   start-up to ready (process start -> first 200 from /q/health/ready, ms),
#   GET /q/health/live at 32 connections (the ceiling of the HTTP stack),
#   POST /api/v1/predictions at 32 connections (openapi/examples/predict-pvp.json),
#   POST /api/v1/predictions/batch with 1,000 patients, one connection (median latency),
#   RSS of the server after the load.
# Each wrk phase is preceded by an unmeasured warm-up of the same load. Everything is time-bounded
# (about 1.5 min in total with the defaults) and the server is always stopped on exit.
#
#   bench/service.sh
#   DURATION=30 WARMUP=10 bench/service.sh     # longer phases; REBUILD=1 repackages the jar first
#
# Exit status: 0 all targets met, 1 a target missed (or an endpoint unusable), 2 the server did not start.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DURATION="${DURATION:-15}"      # seconds per measured wrk phase
WARMUP="${WARMUP:-5}"           # seconds of warm-up before each phase
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
START_TIMEOUT_S="${START_TIMEOUT_S:-60}"
# JVM options for the server: by default the ones the README and the Dockerfile run it with (a small serial-GC
# heap; the JVM's default heap is a quarter of the machine's RAM). SERVER_JAVA_OPTS=" " runs the bare JVM defaults.
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--XX:+UseSerialGC -Xmx128m}"
read -r -a server_java_opts <<<"${SERVER_JAVA_OPTS}"
RESULTS="$BENCH_DIR/results/service-latest.md"

# Targets (issue 3 §10).
T_RATIO=0.60 T_P99_MS=10 T_BATCH_MS=25 T_START_MS=2500 T_RSS_MB=300

ensure_tools java:openjdk-17-jdk-headless curl:curl wrk:wrk
ensure_jar
cd "$REPO_ROOT"
warn_if_busy

tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- a free port on 127.0.0.1 ----
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT="${PORT:-18080}"
while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
BASE="http://127.0.0.1:$PORT"

# ---- request bodies ----
single_body="$REPO_ROOT/openapi/examples/predict-pvp.json"
if [ ! -f "$single_body" ]; then
  single_body="$tmp/predict-pvp.json"
  log "openapi/examples/predict-pvp.json not found; using an embedded PVP request"
  cat >"$single_body" <<'JSON'
{"procedure":"PVP","factors":{"malnutrition":true,"poorPerformanceStatus":false,"metastasisDuringChemotherapy":false,"targetedTherapy":true,"postoperativeRadiotherapy":false}}
JSON
fi
batch_body="$tmp/batch-1000.json"
"$BENCH_DIR/gen-batch.sh" 1000 >"$batch_body"

# ---- start-up to ready ----
log "starting $JAR on 127.0.0.1:$PORT"
t0="$(now_ms)"
# As the README runs it: from the fast-jar directory, with the build's AppCDS archive when there is one (the
# archive records the class path relative to that directory).
app_dir="$(dirname "$JAR")"
cds=()
[ -f "$app_dir/app-cds.jsa" ] && cds=(-XX:SharedArchiveFile=app-cds.jsa)
(cd "$app_dir" && exec java "${cds[@]}" "${server_java_opts[@]}" -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.http.port="$PORT" -jar quarkus-run.jar) >"$tmp/server.log" 2>&1 &
server_pid=$!
startup_ms=""
while :; do
  if curl -fsS -o /dev/null --max-time 1 "$BASE/q/health/ready" 2>/dev/null; then
    startup_ms=$(($(now_ms) - t0))
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    log "the server exited during start-up; its log:"; tail -n 40 "$tmp/server.log" >&2; exit 2
  fi
  if (($(now_ms) - t0 > START_TIMEOUT_S * 1000)); then
    log "not ready after ${START_TIMEOUT_S} s; its log:"; tail -n 40 "$tmp/server.log" >&2; exit 2
  fi
  sleep 0.01
done
quarkus_started="$(sed -n 's/.*started in \([0-9.]*\)s.*/\1/p' "$tmp/server.log" | head -n 1)"
log "ready after ${startup_ms} ms (Quarkus reports started in ${quarkus_started:-?} s)"

# ---- wrk helpers ----
# run_wrk NAME CONNECTIONS THREADS URL [BODY_FILE] -> prints the RESULT line of lua/report.lua
run_wrk() {
  local name=$1 conns=$2 threads=$3 url=$4 body=${5:-}
  if ((WARMUP > 0)); then
    BODY_FILE="$body" timeout $((WARMUP + 30)) wrk -t"$threads" -c"$conns" -d"${WARMUP}s" --timeout 10s \
      -s "$BENCH_DIR/lua/report.lua" "$url" >"$tmp/wrk-$name-warmup.txt"
  fi
  BODY_FILE="$body" timeout $((DURATION + 30)) wrk -t"$threads" -c"$conns" -d"${DURATION}s" --timeout 10s \
    -s "$BENCH_DIR/lua/report.lua" "$url" >"$tmp/wrk-$name.txt"
  grep '^RESULT' "$tmp/wrk-$name.txt"
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
errors_of() { echo $(($(field "$1" err_connect) + $(field "$1" err_read) + $(field "$1" err_write) + $(field "$1" err_status) + $(field "$1" err_timeout))); }
# probe URL BODY_FILE -> HTTP status; the response body is left in $tmp/probe.out
probe() {
  curl -sS -o "$tmp/probe.out" -w '%{http_code}' --max-time 30 -H 'Content-Type: application/json' \
    -H 'Accept: application/json' --data-binary @"$2" "$1" || echo 000
}

rows=()   # measure|value|target|result
verdict_all=PASS
row() {
  rows+=("$1|$2|$3|$4")
  [ "$4" != FAIL ] || verdict_all=FAIL
}
pass_if() { if "$@"; then echo PASS; else echo FAIL; fi; }

row "start-up to ready" "${startup_ms} ms" "<= ${T_START_MS} ms" "$(pass_if le "$startup_ms" "$T_START_MS")"

# ---- (a) health: the ceiling ----
log "GET /q/health/live: ${CONNECTIONS} connections, ${THREADS} threads, ${DURATION} s"
health="$(run_wrk health "$CONNECTIONS" "$THREADS" "$BASE/q/health/live")"
health_rps="$(field "$health" rps)"
row "GET /q/health/live throughput (ceiling)" "${health_rps} req/s" "reference" "info"
row "GET /q/health/live p50 / p99" "$(field "$health" p50_ms) / $(field "$health" p99_ms) ms" "" "info"
[ "$(errors_of "$health")" -eq 0 ] || row "GET /q/health/live errors" "$(errors_of "$health")" "0" FAIL

# ---- (b) single predictions ----
status="$(probe "$BASE/api/v1/predictions" "$single_body")"
if [ "$status" = 200 ] && grep -q '"probability"' "$tmp/probe.out"; then
  log "POST /api/v1/predictions: ${CONNECTIONS} connections, ${THREADS} threads, ${DURATION} s"
  single="$(run_wrk single "$CONNECTIONS" "$THREADS" "$BASE/api/v1/predictions" "$single_body")"
  single_rps="$(field "$single" rps)"
  ratio="$(awk -v s="$single_rps" -v h="$health_rps" 'BEGIN { printf "%.2f", s / h }')"
  single_p99="$(field "$single" p99_ms)"
  row "POST /api/v1/predictions throughput" "${single_rps} req/s = ${ratio} x health" ">= ${T_RATIO} x health" \
    "$(pass_if le "$T_RATIO" "$ratio")"
  row "POST /api/v1/predictions p99 at ${CONNECTIONS} connections" "${single_p99} ms (p50 $(field "$single" p50_ms) ms)" \
    "<= ${T_P99_MS} ms" "$(pass_if le "$single_p99" "$T_P99_MS")"
  [ "$(errors_of "$single")" -eq 0 ] || row "POST /api/v1/predictions errors (non-2xx, timeouts)" "$(errors_of "$single")" "0" FAIL
else
  log "POST /api/v1/predictions answered HTTP $status: $(head -c 300 "$tmp/probe.out")"
  row "POST /api/v1/predictions throughput" "unavailable (HTTP $status)" ">= ${T_RATIO} x health" FAIL
  row "POST /api/v1/predictions p99 at ${CONNECTIONS} connections" "unavailable (HTTP $status)" "<= ${T_P99_MS} ms" FAIL
fi

# ---- (c) batches of 1,000 ----
status="$(probe "$BASE/api/v1/predictions/batch" "$batch_body")"
n_prob="$(grep -o '"probability"' "$tmp/probe.out" | wc -l || true)"
if [ "$status" = 200 ] && [ "$n_prob" -ge 1000 ]; then
  log "POST /api/v1/predictions/batch (1,000 patients): 1 connection, ${DURATION} s"
  batch="$(run_wrk batch 1 1 "$BASE/api/v1/predictions/batch" "$batch_body")"
  batch_p50="$(field "$batch" p50_ms)"
  row "POST /api/v1/predictions/batch, 1,000 patients, median" \
    "${batch_p50} ms (p99 $(field "$batch" p99_ms) ms, $(field "$batch" requests) batches)" \
    "<= ${T_BATCH_MS} ms" "$(pass_if le "$batch_p50" "$T_BATCH_MS")"
  [ "$(errors_of "$batch")" -eq 0 ] || row "POST /api/v1/predictions/batch errors" "$(errors_of "$batch")" "0" FAIL
else
  log "POST /api/v1/predictions/batch answered HTTP $status with $n_prob probabilities: $(head -c 300 "$tmp/probe.out")"
  row "POST /api/v1/predictions/batch, 1,000 patients, median" "unavailable (HTTP $status, $n_prob probabilities)" \
    "<= ${T_BATCH_MS} ms" FAIL
fi

# ---- RSS after the load ----
rss_kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status")"
hwm_kb="$(awk '/^VmHWM:/ { print $2 }' "/proc/$server_pid/status")"
rss_mb=$((rss_kb / 1024))
row "RSS after the load" "${rss_mb} MB (peak $((hwm_kb / 1024)) MB)" "<= ${T_RSS_MB} MB" "$(pass_if le "$rss_mb" "$T_RSS_MB")"

# ---- report ----
{
  echo "# Service benchmark (bench/service.sh)"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(machine_summary)"
  echo
  echo "wrk on 127.0.0.1, ${WARMUP} s warm-up + ${DURATION} s per phase; health and single predictions at" \
    "${CONNECTIONS} connections / ${THREADS} threads, batches on 1 connection. Quarkus reported start-up: ${quarkus_started:-?} s." \
    "Server JVM options: ${cds[*]} ${SERVER_JAVA_OPTS}."
  echo
  echo "| measure | value | target | result |"
  echo "|---|---|---|---|"
  for r in "${rows[@]}"; do
    IFS='|' read -r m v t res <<<"$r"
    echo "| $m | $v | $t | $res |"
  done
  echo
  echo "Overall: $verdict_all"
} | tee "$RESULTS"
log "written to ${RESULTS#"$REPO_ROOT"/}"

[ "$verdict_all" = PASS ]

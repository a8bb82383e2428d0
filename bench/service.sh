#!/usr/bin/env bash
# Service benchmark (issue 3 §10): starts the packaged jar on 127.0.0.1 and, in the same run, measures
#   start-up to ready (process start -> first 200 from /q/health/ready, ms),
#   in ROUNDS interleaved rounds (the VM drifts, so ratios are taken within a round and their median reported):
#     GET /q/health/live at 32 connections (the ceiling of the HTTP stack),
#     POST /api/v1/predictions at 32 connections, cycling through every input the bundled models tell apart
#       (bench/gen-singles.sh: 192 patients),
#     POST /api/v1/predictions from raw measurements at 32 connections (bench/gen-measurements.sh: 256 patients;
#       validation, UCUM conversion, derivation and both scores on every request),
#   POST /api/v1/predictions/batch with 1,000 patients, one connection (median latency),
#   RSS of the server after the load,
# and then, for information, single predictions with the prediction memo off, against a fresh server.
# Every endpoint is warmed up under the same load before anything is measured. Everything is time-bounded
# (about 2.5 min in total with the defaults) and the server is always stopped on exit.
#
#   bench/service.sh
#   DURATION=30 WARMUP=40 ROUNDS=5 bench/service.sh     # longer phases, more rounds; REBUILD=1 repackages the jar
#
# Exit status: 0 all targets met, 1 a target missed (or an endpoint unusable), 2 the server did not start.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DURATION="${DURATION:-15}"      # seconds per measured wrk phase (batches; the memo-off comparison)
ROUNDS="${ROUNDS:-3}"           # interleaved rounds of health, single predictions and predictions from measurements
ROUND_S="${ROUND_S:-5}"         # seconds per endpoint in each round
WARMUP="${WARMUP:-30}"          # seconds of warm-up of each endpoint before the measurements
START_RUNS="${START_RUNS:-5}"   # start-ups timed; the figure is their median
MEMO_OFF="${MEMO_OFF:-1}"       # 1: also measure single predictions with the memo off (information only)
RESULTS="$BENCH_DIR/results/service-latest.md"

# Targets (issue 3 §10).
T_RATIO=0.60 T_P99_MS=10 T_BATCH_MS=25 T_START_MS=2500 T_RSS_MB=300
# Issue 9 §6: predictions from measurements (unit conversion and both scores included).
T_MEAS_RATIO=0.50

server_bench_setup 18080

# ---- request bodies ----
singles="$tmp/singles.jsonl"
"$BENCH_DIR/gen-singles.sh" >"$singles"
first_single="$tmp/single.json"
head -n 1 "$singles" >"$first_single"
batch_body="$tmp/batch-1000.json"
"$BENCH_DIR/gen-batch.sh" 1000 >"$batch_body"
measured="$tmp/measurements.jsonl"
"$BENCH_DIR/gen-measurements.sh" 256 >"$measured"
first_measured="$tmp/measured.json"
head -n 1 "$measured" >"$first_measured"

# ---- the server ----
# start_server [EXTRA_JVM_OPTION...] -> sets server_pid, startup_ms and quarkus_started; exits 2 if not ready
start_server() {
  log "starting $JAR on 127.0.0.1:$PORT (management $MPORT) $*"
  local t0
  t0="$(now_ms)"
  # Authentication and rate limits off (bench/auth.sh measures their cost): wrk is one client on loopback.
  (cd "$app_dir" && exec java "${cds[@]}" "${server_java_opts[@]}" "$@" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MPORT" -Dspinemet.security.auth-enabled=false \
    -Dspinemet.security.rate-limit.enabled=false -jar quarkus-run.jar) >"$tmp/server.log" 2>&1 &
  server_pid=$!
  startup_ms=""
  while :; do
    if curl -fsS -o /dev/null --max-time 1 "$MBASE/q/health/ready" 2>/dev/null; then
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
}

stop_server() {
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# ---- wrk helpers ----
clk_tck="$(getconf CLK_TCK)"
# server_ticks -> user and system CPU time of the server so far, in clock ticks (/proc/PID/stat fields 14 and 15)
server_ticks() { awk '{ print $14, $15 }' "/proc/$server_pid/stat" 2>/dev/null || echo "0 0"; }
# run_wrk NAME CONNECTIONS THREADS SECONDS URL [BODY_SPEC] -> prints the RESULT line of lua/report.lua, where
# BODY_SPEC is empty (GET), body:FILE (that body every time) or bodies:FILE (one body per line, in turn), followed by
# the CPU time per request of the server (user, system) and of wrk (user + system), in microseconds
run_wrk() {
  local name=$1 conns=$2 threads=$3 seconds=$4 url=$5 spec=${6:-}
  local body="" bodies="" before after result TIMEFORMAT='%U %S'
  case "$spec" in
    body:*) body=${spec#body:} ;;
    bodies:*) bodies=${spec#bodies:} ;;
  esac
  before="$(server_ticks)"
  { time BODY_FILE="$body" BODIES_FILE="$bodies" timeout $((seconds + 30)) wrk -t"$threads" -c"$conns" \
    -d"${seconds}s" --timeout 10s -s "$BENCH_DIR/lua/report.lua" "$url" >"$tmp/wrk-$name.txt"; } 2>"$tmp/time-$name.txt"
  after="$(server_ticks)"
  result="$(grep '^RESULT' "$tmp/wrk-$name.txt")"
  awk -v r="$result" -v n="$(field "$result" requests)" -v b="$before" -v a="$after" \
    -v t="$(tail -n 1 "$tmp/time-$name.txt")" -v hz="$clk_tck" 'BEGIN {
    split(b, B, " "); split(a, A, " "); split(t, T, " ")
    if (n > 0) printf "%s server_user_us=%.1f server_sys_us=%.1f wrk_us=%.1f\n", r, (A[1] - B[1]) / hz * 1e6 / n,
      (A[2] - B[2]) / hz * 1e6 / n, (T[1] + T[2]) * 1e6 / n
    else print r }'
}
# cpu_of RESULT -> "server user / server system / wrk" CPU per request, in microseconds
cpu_of() { echo "$(field "$1" server_user_us) / $(field "$1" server_sys_us) / $(field "$1" wrk_us)"; }
# probe URL BODY_FILE -> HTTP status; the response body is left in $tmp/probe.out
probe() {
  curl -sS -o "$tmp/probe.out" -w '%{http_code}' --max-time 30 -H 'Content-Type: application/json' \
    -H 'Accept: application/json' --data-binary @"$2" "$1" || echo 000
}
# warm_up: the JIT compiles what it measures, so every endpoint runs under load before any measurement
warm_up() {
  if ((WARMUP > 0)); then
    log "warming up: ${WARMUP} s on each endpoint"
    run_wrk warmup-health "$CONNECTIONS" "$THREADS" "$WARMUP" "$MBASE/q/health/live" >/dev/null
    run_wrk warmup-single "$CONNECTIONS" "$THREADS" "$WARMUP" "$BASE/api/v1/predictions" "bodies:$singles" >/dev/null
    [ "${1:-}" = singles-only ] ||
      run_wrk warmup-batch 1 1 "$WARMUP" "$BASE/api/v1/predictions/batch" "body:$batch_body" >/dev/null
    [ "${1:-}" = singles-only ] || ((!measured_ok)) ||
      run_wrk warmup-measured "$CONNECTIONS" "$THREADS" "$WARMUP" "$BASE/api/v1/predictions" "bodies:$measured" >/dev/null
  fi
}

# ---- start-up to ready: the median of START_RUNS starts (one start says little on a shared machine) ----
startups=()
quarkus_startups=()
for i in $(seq 1 "$START_RUNS"); do
  start_server
  startups+=("$startup_ms")
  quarkus_startups+=("${quarkus_started:-?}")
  # the last start serves the load phases
  ((i == START_RUNS)) || stop_server
done
startup_median="$(printf '%s\n' "${startups[@]}" | median)"

rows=()   # measure|value|target|result
verdict_all=PASS
row() {
  rows+=("$1|$2|$3|$4")
  [ "$4" != FAIL ] || verdict_all=FAIL
}
pass_if() { if "$@"; then echo PASS; else echo FAIL; fi; }

row "start-up to ready, median of ${START_RUNS} starts" "${startup_median} ms (each: ${startups[*]} ms)" \
  "<= ${T_START_MS} ms" "$(pass_if le "$startup_median" "$T_START_MS")"

# ---- the probes: an endpoint that does not answer as it should is reported, not measured ----
single_status="$(probe "$BASE/api/v1/predictions" "$first_single")"
single_ok=0
if [ "$single_status" = 200 ] && grep -q '"probability"' "$tmp/probe.out"; then single_ok=1; else
  log "POST /api/v1/predictions answered HTTP $single_status: $(head -c 300 "$tmp/probe.out")"
fi
batch_status="$(probe "$BASE/api/v1/predictions/batch" "$batch_body")"
n_prob="$(grep -o '"probability"' "$tmp/probe.out" | wc -l || true)"
batch_ok=0
if [ "$batch_status" = 200 ] && [ "$n_prob" -ge 1000 ]; then batch_ok=1; else
  log "POST /api/v1/predictions/batch answered HTTP $batch_status with $n_prob probabilities: $(head -c 300 "$tmp/probe.out")"
fi
measured_status="$(probe "$BASE/api/v1/predictions" "$first_measured")"
measured_ok=0
if [ "$measured_status" = 200 ] && grep -q '"derivedFactors"' "$tmp/probe.out" && grep -q '"tomita"' "$tmp/probe.out"; then
  measured_ok=1
else
  log "POST /api/v1/predictions (measurements) answered HTTP $measured_status: $(head -c 300 "$tmp/probe.out")"
fi
((single_ok && batch_ok)) && warm_up

# ---- (a, b, b2) health, single predictions and predictions from measurements, in interleaved rounds ----
# The VM's speed drifts by tens of per cent within a minute, so each round measures the three endpoints back to back
# (ROUND_S seconds each) and the ratios are taken within a round; the figure is the median of the rounds' ratios.
# ratio NUM DEN -> NUM / DEN with two decimals
ratio() { awk -v n="$1" -v d="$2" 'BEGIN { printf "%.2f", n / d }'; }
health_rps_all=() single_ratios=() single_p99s=() single_p50s=() meas_ratios=() meas_p99s=() meas_p50s=()
health_errors=0 single_errors=0 meas_errors=0
health_cpus=() single_cpus=() meas_cpus=()   # CPU per request of each round (cpu_of)
for round in $(seq 1 "$ROUNDS"); do
  log "round ${round}/${ROUNDS}: ${CONNECTIONS} connections, ${THREADS} threads, ${ROUND_S} s per endpoint"
  health="$(run_wrk "health-$round" "$CONNECTIONS" "$THREADS" "$ROUND_S" "$MBASE/q/health/live")"
  health_rps="$(field "$health" rps)"
  health_rps_all+=("$health_rps")
  health_cpus+=("$(cpu_of "$health")")
  health_errors=$((health_errors + $(errors_of "$health")))
  msg="health ${health_rps} req/s"
  if ((single_ok)); then
    single="$(run_wrk "single-$round" "$CONNECTIONS" "$THREADS" "$ROUND_S" "$BASE/api/v1/predictions" "bodies:$singles")"
    single_ratios+=("$(ratio "$(field "$single" rps)" "$health_rps")")
    single_p99s+=("$(field "$single" p99_ms)") single_p50s+=("$(field "$single" p50_ms)")
    single_cpus+=("$(cpu_of "$single")")
    single_errors=$((single_errors + $(errors_of "$single")))
    msg+=", single $(field "$single" rps) req/s (${single_ratios[-1]} x)"
  fi
  if ((measured_ok)); then
    meas="$(run_wrk "measured-$round" "$CONNECTIONS" "$THREADS" "$ROUND_S" "$BASE/api/v1/predictions" "bodies:$measured")"
    meas_ratios+=("$(ratio "$(field "$meas" rps)" "$health_rps")")
    meas_p99s+=("$(field "$meas" p99_ms)") meas_p50s+=("$(field "$meas" p50_ms)")
    meas_cpus+=("$(cpu_of "$meas")")
    meas_errors=$((meas_errors + $(errors_of "$meas")))
    msg+=", from measurements $(field "$meas" rps) req/s (${meas_ratios[-1]} x)"
  fi
  log "round ${round}: ${msg}"
done
med() { printf '%s\n' "$@" | median; }

row "GET /q/health/live throughput (ceiling), median of ${ROUNDS} rounds" \
  "$(med "${health_rps_all[@]}") req/s (rounds: ${health_rps_all[*]})" "reference" "info"
((health_errors == 0)) || row "GET /q/health/live errors" "$health_errors" "0" FAIL

if ((single_ok)); then
  single_ratio="$(med "${single_ratios[@]}")" single_p99="$(med "${single_p99s[@]}")"
  row "POST /api/v1/predictions throughput, median of the rounds' ratios" \
    "${single_ratio} x health (rounds: ${single_ratios[*]})" ">= ${T_RATIO} x health" "$(pass_if le "$T_RATIO" "$single_ratio")"
  row "POST /api/v1/predictions p99 at ${CONNECTIONS} connections, median of the rounds" \
    "${single_p99} ms (rounds: ${single_p99s[*]} ms; p50 $(med "${single_p50s[@]}") ms)" \
    "<= ${T_P99_MS} ms" "$(pass_if le "$single_p99" "$T_P99_MS")"
  ((single_errors == 0)) || row "POST /api/v1/predictions errors (non-2xx, timeouts)" "$single_errors" "0" FAIL
else
  row "POST /api/v1/predictions throughput" "unavailable (HTTP $single_status)" ">= ${T_RATIO} x health" FAIL
  row "POST /api/v1/predictions p99 at ${CONNECTIONS} connections" "unavailable (HTTP $single_status)" "<= ${T_P99_MS} ms" FAIL
fi

if ((measured_ok)); then
  meas_ratio="$(med "${meas_ratios[@]}")"
  row "POST /api/v1/predictions from measurements (UCUM, derivation, both scores) throughput, median of the rounds' ratios" \
    "${meas_ratio} x health (rounds: ${meas_ratios[*]})" ">= ${T_MEAS_RATIO} x health" "$(pass_if le "$T_MEAS_RATIO" "$meas_ratio")"
  row "POST /api/v1/predictions from measurements p50 / p99, median of the rounds" \
    "$(med "${meas_p50s[@]}") / $(med "${meas_p99s[@]}") ms" "" "info"
  ((meas_errors == 0)) || row "POST /api/v1/predictions from measurements errors" "$meas_errors" "0" FAIL
else
  row "POST /api/v1/predictions from measurements throughput" "unavailable (HTTP $measured_status)" \
    ">= ${T_MEAS_RATIO} x health" FAIL
fi

# Where the time goes: the CPU each request cost the server and wrk, which share the machine's cores. A ratio to
# health is roughly the inverse ratio of these totals, so this row shows which side a change has to shrink.
# join_rounds ITEM... -> the items separated by "; "
join_rounds() { local out; out="$(printf '%s; ' "$@")"; echo "${out%; }"; }
cpu_rounds="health $(join_rounds "${health_cpus[@]}")"
if ((single_ok)); then cpu_rounds+="; single $(join_rounds "${single_cpus[@]}")"; fi
if ((measured_ok)); then cpu_rounds+="; from measurements $(join_rounds "${meas_cpus[@]}")"; fi
row "CPU per request, server user / server system / wrk, each round (us)" "$cpu_rounds" "" "info"

# ---- (c) batches of 1,000 ----
if ((batch_ok)); then
  log "POST /api/v1/predictions/batch (1,000 patients): 1 connection, ${DURATION} s"
  batch="$(run_wrk batch 1 1 "$DURATION" "$BASE/api/v1/predictions/batch" "body:$batch_body")"
  batch_p50="$(field "$batch" p50_ms)"
  row "POST /api/v1/predictions/batch, 1,000 patients, median" \
    "${batch_p50} ms (p99 $(field "$batch" p99_ms) ms, $(field "$batch" requests) batches)" \
    "<= ${T_BATCH_MS} ms" "$(pass_if le "$batch_p50" "$T_BATCH_MS")"
  [ "$(errors_of "$batch")" -eq 0 ] || row "POST /api/v1/predictions/batch errors" "$(errors_of "$batch")" "0" FAIL
else
  row "POST /api/v1/predictions/batch, 1,000 patients, median" "unavailable (HTTP $batch_status, $n_prob probabilities)" \
    "<= ${T_BATCH_MS} ms" FAIL
fi

# ---- RSS after the load ----
rss_kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status")"
hwm_kb="$(awk '/^VmHWM:/ { print $2 }' "/proc/$server_pid/status")"
rss_mb=$((rss_kb / 1024))
row "RSS after the load" "${rss_mb} MB (peak $((hwm_kb / 1024)) MB)" "<= ${T_RSS_MB} MB" "$(pass_if le "$rss_mb" "$T_RSS_MB")"

# ---- (d) information: single predictions with the prediction memo off ----
# Every answer is then scored and written afresh; the server is restarted with spinemet.predictions.memo-size=0
# and its own health ceiling is measured again.
if [ "$MEMO_OFF" = 1 ] && ((single_ok)); then
  stop_server
  start_server -Dspinemet.predictions.memo-size=0
  warm_up singles-only
  health_off="$(run_wrk health-memo-off "$CONNECTIONS" "$THREADS" "$DURATION" "$MBASE/q/health/live")"
  single_off="$(run_wrk single-memo-off "$CONNECTIONS" "$THREADS" "$DURATION" "$BASE/api/v1/predictions" "bodies:$singles")"
  row "memo off: POST /api/v1/predictions throughput" "$(field "$single_off" rps) req/s = $(awk -v s="$(field "$single_off" rps)" \
    -v h="$(field "$health_off" rps)" 'BEGIN { printf "%.2f", s / h }') x health ($(field "$health_off" rps) req/s)" "" "info"
  row "memo off: POST /api/v1/predictions p99" "$(field "$single_off" p99_ms) ms (p50 $(field "$single_off" p50_ms) ms)" "" "info"
fi

# ---- report ----
{
  echo "# Service benchmark (bench/service.sh)"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(machine_summary)"
  echo
  echo "wrk on 127.0.0.1: ${WARMUP} s warm-up of each endpoint; health, single predictions and predictions from" \
    "measurements in ${ROUNDS} interleaved rounds of ${ROUND_S} s each, ratios taken within a round; batches for ${DURATION} s;" \
    "health and predictions at ${CONNECTIONS} connections / ${THREADS} threads (single predictions cycle through the $(wc -l <"$singles")" \
    "inputs of bench/gen-singles.sh), batches on 1 connection. Quarkus reported start-ups (s): ${quarkus_startups[*]}." \
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

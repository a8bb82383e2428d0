#!/usr/bin/env bash
# Cost of authentication (issue 12): single-prediction throughput with a valid bearer token (RS256, verified by
# SmallRye JWT against a JWK Set file, scope check, rate-limit bucket, audit line) against the same requests with
# authentication off, in the same run. The two servers alternate ROUNDS times (off, on, off, on, ...) so that the
# machine's drift falls on both; the figure is the ratio of the median throughputs. Target: >= 0.8.
#
#   bench/auth.sh
#   DURATION=20 ROUNDS=3 bench/auth.sh
#
# Keys and the token are made here with openssl: an RSA key, its JWK Set, a token valid for an hour.
# Exit status: 0 target met, 1 missed (or an endpoint unusable), 2 a server did not start.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-30}"
ROUNDS="${ROUNDS:-2}"
RESULTS="$BENCH_DIR/results/auth-latest.md"
T_RATIO=0.80

server_bench_setup 18180 openssl:openssl xxd:xxd

# ---- keys, JWK Set and token ----
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
openssl genrsa -out "$tmp/key.pem" 2048 2>/dev/null
modulus="$(openssl rsa -in "$tmp/key.pem" -noout -modulus | cut -d= -f2 | xxd -r -p | b64url)"
printf '{"keys":[{"kty":"RSA","kid":"bench","use":"sig","alg":"RS256","n":"%s","e":"AQAB"}]}\n' "$modulus" \
  >"$tmp/jwks.json"
now="$(date +%s)"
header="$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)"
payload="$(printf '{"iss":"https://idp.bench.example","aud":"spinemet-efficacy","sub":"bench","azp":"bench","scope":"predict models:read","iat":%d,"nbf":%d,"exp":%d,"jti":"bench-%d"}' \
  "$now" "$((now - 5))" "$((now + 3600))" "$now" | b64url)"
signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$tmp/key.pem" | b64url)"
TOKEN="$header.$payload.$signature"

singles="$tmp/singles.jsonl"
"$BENCH_DIR/gen-singles.sh" >"$singles"
head -n 1 "$singles" >"$tmp/single.json"


# start_server off|on
start_server() {
  local mode=$1 opts=()
  if [ "$mode" = on ]; then
    opts=(-Dmp.jwt.verify.publickey.location="$tmp/jwks.json" -Dmp.jwt.verify.issuer=https://idp.bench.example
      -Dmp.jwt.verify.audiences=spinemet-efficacy)
  else
    opts=(-Dspinemet.security.auth-enabled=false)
  fi
  log "starting the server, authentication $mode"
  # Rate limits on in both, with a rate wrk cannot reach: their cost is part of the figure.
  (cd "$app_dir" && exec java "${cds[@]}" "${server_java_opts[@]}" "${opts[@]}" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MPORT" \
    -Dspinemet.security.rate-limit.requests=1000000000 -jar quarkus-run.jar) >"$tmp/server-$mode.log" 2>&1 &
  server_pid=$!
  local t0
  t0="$(now_ms)"
  until curl -fsS -o /dev/null --max-time 1 "$MBASE/q/health/ready" 2>/dev/null; do
    if ! kill -0 "$server_pid" 2>/dev/null || (($(now_ms) - t0 > START_TIMEOUT_S * 1000)); then
      log "the server did not start; its log:"; tail -n 40 "$tmp/server-$mode.log" >&2; exit 2
    fi
    sleep 0.05
  done
}
stop_server() {
  stop_process "$server_pid"
  server_pid=""
}
run_wrk() {  # NAME SECONDS AUTH -> RESULT line
  AUTH_HEADER="$3" BODIES_FILE="$singles" timeout $(($2 + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${2}s" \
    --timeout 10s -s "$BENCH_DIR/lua/report.lua" "$BASE/api/v1/predictions" >"$tmp/wrk-$1.txt"
  grep '^RESULT' "$tmp/wrk-$1.txt"
}
status_of() {  # AUTH_HEADER -> HTTP status of one prediction
  local h=()
  [ -z "$1" ] || h=(-H "Authorization: $1")
  curl -sS -o /dev/null -w '%{http_code}' --max-time 30 -H 'Content-Type: application/json' "${h[@]}" \
    --data-binary @"$tmp/single.json" "$BASE/api/v1/predictions" || echo 000
}

off_rps=() on_rps=() on_p99=() off_p99=() errors=0
for round in $(seq 1 "$ROUNDS"); do
  for mode in off on; do
    start_server "$mode"
    auth=""
    [ "$mode" = on ] && auth="Bearer $TOKEN"
    s="$(status_of "$auth")"
    if [ "$s" != 200 ]; then log "authentication $mode: a prediction answered HTTP $s"; exit 1; fi
    if [ "$mode" = on ]; then
      s="$(status_of "")"
      [ "$s" = 401 ] || { log "authentication on: a call without a token answered HTTP $s, not 401"; exit 1; }
    fi
    run_wrk "warm-$mode-$round" "$WARMUP" "$auth" >/dev/null
    r="$(run_wrk "$mode-$round" "$DURATION" "$auth")"
    errors=$((errors + $(errors_of "$r")))
    log "round $round, authentication $mode: $(field "$r" rps) req/s, p99 $(field "$r" p99_ms) ms"
    if [ "$mode" = on ]; then on_rps+=("$(field "$r" rps)"); on_p99+=("$(field "$r" p99_ms)"); else
      off_rps+=("$(field "$r" rps)"); off_p99+=("$(field "$r" p99_ms)"); fi
    stop_server
  done
done

off_median="$(printf '%s\n' "${off_rps[@]}" | median)"
on_median="$(printf '%s\n' "${on_rps[@]}" | median)"
ratio="$(awk -v a="$on_median" -v b="$off_median" 'BEGIN { printf "%.2f", a / b }')"
verdict=PASS
le "$T_RATIO" "$ratio" || verdict=FAIL
[ "$errors" -eq 0 ] || verdict=FAIL
{
  echo "# Authentication cost (bench/auth.sh)"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(machine_summary)"
  echo
  echo "POST /api/v1/predictions (the $(wc -l <"$singles") inputs of bench/gen-singles.sh in turn), wrk ${CONNECTIONS}" \
    "connections / ${THREADS} threads, ${WARMUP} s warm-up then ${DURATION} s per phase, ${ROUNDS} rounds of" \
    "(authentication off, on with a valid RS256 token). Server JVM options: ${cds[*]} ${SERVER_JAVA_OPTS}."
  echo
  echo "| measure | value | target | result |"
  echo "|---|---|---|---|"
  echo "| throughput, authentication off | ${off_median} req/s median (${off_rps[*]}); p99 ${off_p99[*]} ms | reference | info |"
  echo "| throughput, valid bearer token | ${on_median} req/s median (${on_rps[*]}); p99 ${on_p99[*]} ms | | info |"
  echo "| with token / without | ${ratio} | >= ${T_RATIO} | ${verdict} |"
  echo "| errors (non-2xx, timeouts) | ${errors} | 0 | $([ "$errors" -eq 0 ] && echo PASS || echo FAIL) |"
} | tee "$RESULTS"
log "written to ${RESULTS#"$REPO_ROOT"/}"
[ "$verdict" = PASS ]

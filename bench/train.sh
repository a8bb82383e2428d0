#!/usr/bin/env bash
# Times the whole training command on the reference cohort (issue 2 §8): both models, Firth with profile
# CIs, B = 1000 bootstrap replicates, cold JVM each run. Target: median wall <= 10 s on the 2-core machine.
#
#   bench/train.sh                 # 3 runs
#   RUNS=5 bench/train.sh          # more runs; REBUILD=1 repackages the jar first
#
# Exit status: 0 median within target, 1 over target, 2 the train command failed.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RUNS="${RUNS:-3}"
TARGET_S="${TARGET_S:-10}"
RUN_TIMEOUT_S="${RUN_TIMEOUT_S:-120}"   # bound on one run, so a hang cannot stall the benchmark
COHORT="models/cohort/reference-cohort.csv"
RESULTS="$BENCH_DIR/results/train-latest.md"

ensure_tools java:openjdk-17-jdk-headless /usr/bin/time:time timeout:coreutils
ensure_jar
cd "$REPO_ROOT"
warn_if_busy
[ -f "$COHORT" ] || { log "missing $COHORT (the reference cohort)"; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

walls=() rss=()
for i in $(seq 1 "$RUNS"); do
  out="$tmp/out-$i"
  mkdir -p "$out"
  log "run $i/$RUNS: java -jar target/quarkus-app/quarkus-run.jar train --cohort $COHORT --out \$tmp --bootstrap 1000"
  set +e
  /usr/bin/time -f '%e %M' -o "$tmp/time-$i" \
    timeout "$RUN_TIMEOUT_S" java -jar "$JAR" train --cohort "$COHORT" --out "$out" --bootstrap 1000 \
    >"$tmp/stdout-$i" 2>"$tmp/stderr-$i"
  rc=$?
  set -e
  if [ "$rc" -ne 0 ]; then
    log "run $i failed with exit status $rc; last lines of stderr:"
    tail -n 20 "$tmp/stderr-$i" >&2
    exit 2
  fi
  # The models must really have been written, or the timing means nothing.
  for m in pvp.json decompression.json; do
    [ -s "$out/$m" ] || { log "run $i exited 0 but wrote no $m in --out"; ls -la "$out" >&2; exit 2; }
  done
  # GNU time prints "Command exited with non-zero status" first on failure; the figures are the last line.
  read -r wall maxkb < <(tail -n 1 "$tmp/time-$i")
  walls+=("$wall")
  rss+=("$((maxkb / 1024))")
  log "run $i: ${wall} s wall, max RSS $((maxkb / 1024)) MB"
done

median_wall="$(printf '%s\n' "${walls[@]}" | median)"
median_rss="$(printf '%s\n' "${rss[@]}" | median)"
if le "$median_wall" "$TARGET_S"; then verdict=PASS; else verdict=FAIL; fi

{
  echo "# Training benchmark (bench/train.sh)"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(machine_summary)"
  echo
  echo "Command: \`java -jar target/quarkus-app/quarkus-run.jar train --cohort $COHORT --out DIR --bootstrap 1000\`"
  echo
  echo "| measure | value | target | result |"
  echo "|---|---|---|---|"
  echo "| train both models, wall (median of $RUNS) | ${median_wall} s | <= ${TARGET_S} s | $verdict |"
  echo "| runs, wall | $(printf '%s s, ' "${walls[@]}" | sed 's/, $//') | | |"
  echo "| max RSS (median) | ${median_rss} MB | | |"
} | tee "$RESULTS"
log "written to ${RESULTS#"$REPO_ROOT"/}"

[ "$verdict" = PASS ]

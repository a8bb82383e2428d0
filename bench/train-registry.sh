#!/usr/bin/env bash
# Registry-scale training (issue 7): synthetic PVP cohorts of 2,000 and 20,000 patients drawn from a known logistic
# model, trained with all 11 candidate factors univariate, 7 multivariable predictors (8 terms), Firth with profile
# CIs, B = 1000. Target: <= 60 s wall at 20,000 patients, and time growing no faster than linearly from 2,000.
#
#   bench/train-registry.sh                  # sizes 2000 20000, B = 1000
#   SIZES="2000 20000" B=1000 bench/train-registry.sh
#
# Exit status: 0 within target, 1 over target, 2 a train command failed.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SIZES="${SIZES:-2000 20000}"
B="${B:-1000}"
TARGET_S="${TARGET_S:-60}"
RUN_TIMEOUT_S="${RUN_TIMEOUT_S:-900}"
PREDICTORS="malnutrition,poorPerformanceStatus,targetedTherapy,metastasisDuringChemotherapy,postoperativeRadiotherapy,primaryTumorGrowth,vertebraeInvolved"
RESULTS="$BENCH_DIR/results/train-registry-latest.md"

ensure_tools java:openjdk-17-jdk-headless /usr/bin/time:time timeout:coreutils awk:gawk
ensure_jar
cd "$REPO_ROOT"
warn_if_busy

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# cohort N FILE — N PVP patients; factor prevalences near the study's; logit P(good) from fixed coefficients.
cohort() {
  awk -v n="$1" 'BEGIN {
    srand(20260101 + n)
    print "patientId,procedure,malnutrition,poorPerformanceStatus,leukopenia,primaryTumorGrowth,targetedTherapy,metastasisDuringChemotherapy,primaryRadicallyResected,vertebraeInvolved,extraspinalBoneMetastasis,visceralMetastasis,postoperativeRadiotherapy,frankelGrade,reliefMonths,survivalMonths,goodEfficacy"
    for (i = 1; i <= n; i++) {
      mal = rand() < 0.35; poor = rand() < 0.30; leu = rand() < 0.15; u = rand()
      growth = u < 0.3 ? "SLOW" : (u < 0.5 ? "MODERATE" : "RAPID")
      tt = rand() < 0.35; chemo = rand() < 0.30; res = rand() < 0.35
      vert = 1 + int(-log(1 - rand()) * 1.2); if (vert > 12) vert = 12
      extra = rand() < 0.45; visc = rand() < 0.35; rt = rand() < 0.20
      eta = 1.2 - 1.1 * mal - 1.3 * poor + 0.9 * tt - 0.8 * chemo + 1.0 * rt \
            - 0.2 * (growth == "MODERATE") - 0.4 * (growth == "RAPID") - 0.1 * vert
      good = rand() < 1 / (1 + exp(-eta))
      relief = good ? 3.5 + 6 * rand() : 0.5 + 2.4 * rand()
      survival = relief + 12 * rand()
      printf "R%06d,PVP,%d,%d,%d,%s,%d,%d,%d,%d,%d,%d,%d,,%.1f,%.1f,%d\n", i, mal, poor, leu, growth, tt, chemo, res, vert, extra, visc, rt, relief, survival, good
    }
  }'
}

rows=()
declare -A wall
status=0
for n in $SIZES; do
  csv="$tmp/registry-$n.csv"
  cohort "$n" >"$csv"
  log "n = $n: train --procedure PVP --predictors (7) --bootstrap $B"
  set +e
  /usr/bin/time -f '%e %M %U' -o "$tmp/time-$n" timeout "$RUN_TIMEOUT_S" java -jar "$JAR" train --cohort "$csv" \
    --out "$tmp/out-$n" --procedure PVP --predictors "$PREDICTORS" --bootstrap "$B" >"$tmp/stdout-$n" 2>"$tmp/stderr-$n"
  rc=$?
  set -e
  if [ "$rc" -ne 0 ]; then
    log "n = $n failed with exit status $rc:"; tail -n 5 "$tmp/stderr-$n" >&2; exit 2
  fi
  read -r w rss user <"$tmp/time-$n"
  wall[$n]="$w"
  rows+=("| $n | $B | $w | $user | $((rss / 1024)) |")
  log "n = $n: ${w} s wall, ${user} s user, max RSS $((rss / 1024)) MB"
done

first="${SIZES%% *}" last="${SIZES##* }"
ratio="$(awk -v a="${wall[$first]}" -v b="${wall[$last]}" 'BEGIN { printf "%.2f", b / a }')"
size_ratio="$(awk -v a="$first" -v b="$last" 'BEGIN { printf "%.0f", b / a }')"
le "${wall[$last]}" "$TARGET_S" || status=1
le "$ratio" "$size_ratio" || status=1

{
  echo "# Registry-scale training ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "$(machine_summary)"
  echo
  echo "| patients | B | wall s | user s | max RSS MB |"
  echo "|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Time ratio ${last}/${first} patients: $ratio (size ratio $size_ratio; target: no more than linear)."
  echo "Target: <= ${TARGET_S} s at ${last} patients. Result: $([ "$status" -eq 0 ] && echo pass || echo FAIL)."
} | tee "$RESULTS"
exit "$status"

#!/usr/bin/env bash
# Writes a deterministic JSON batch of N patients (default 1000, the API's limit) to stdout:
#   {"patients": [{"id": "bench-0001", "procedure": "PVP", "factors": {...}}, ...]}
# Two thirds PVP, one third DECOMPRESSION (with frankelGrade); each record carries exactly the factors of
# its procedure's default model, with pseudo-random values from a fixed-seed LCG.
set -euo pipefail
N="${1:-1000}"
awk -v n="$N" 'BEGIN {
  seed = 20240611
  bools[0] = "false"; bools[1] = "true"
  split("A B C D E", frankel, " ")
  printf "{\"patients\":["
  for (i = 1; i <= n; i++) {
    # Park-Miller minimal standard LCG: every product stays below 2^53, so any awk computes it exactly.
    for (k = 1; k <= 6; k++) { seed = (seed * 16807) % 2147483647; r[k] = int(seed / 1024) }
    proc = (i % 3 == 0) ? "DECOMPRESSION" : "PVP"
    printf "%s{\"id\":\"bench-%04d\",\"procedure\":\"%s\",\"factors\":{", (i > 1 ? "," : ""), i, proc
    printf "\"malnutrition\":%s,\"poorPerformanceStatus\":%s,\"metastasisDuringChemotherapy\":%s,", \
      bools[r[1] % 2], bools[r[2] % 2], bools[r[3] % 2]
    printf "\"targetedTherapy\":%s,\"postoperativeRadiotherapy\":%s", bools[r[4] % 2], bools[r[5] % 2]
    if (proc == "DECOMPRESSION") printf ",\"frankelGrade\":\"%s\"", frankel[r[6] % 5 + 1]
    printf "}}"
  }
  printf "]}\n"
}'

#!/usr/bin/env bash
# Writes every single-prediction request the bundled models can tell apart, one JSON body per line, to stdout:
# the 32 combinations of the PVP model's five booleans, then the 160 DECOMPRESSION combinations (the same five
# booleans times Frankel grades A to E). Each body carries exactly its procedure's model factors.
set -euo pipefail
awk 'BEGIN {
  split("A B C D E", frankel, " ")
  for (p = 0; p < 2; p++) {
    grades = (p == 0) ? 1 : 5
    for (m = 0; m < 32; m++) {
      for (g = 1; g <= grades; g++) {
        printf "{\"procedure\":\"%s\",\"factors\":{", (p == 0 ? "PVP" : "DECOMPRESSION")
        printf "\"malnutrition\":%s,\"poorPerformanceStatus\":%s,\"metastasisDuringChemotherapy\":%s,", \
          b(m, 0), b(m, 1), b(m, 2)
        printf "\"targetedTherapy\":%s,\"postoperativeRadiotherapy\":%s", b(m, 3), b(m, 4)
        if (p == 1) printf ",\"frankelGrade\":\"%s\"", frankel[g]
        printf "}}\n"
      }
    }
  }
}
function b(mask, bit) { return int(mask / 2 ^ bit) % 2 ? "true" : "false" }'

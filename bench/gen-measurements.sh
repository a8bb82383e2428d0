#!/usr/bin/env bash
# Writes N (default 256) single-prediction requests from raw clinical values, one JSON body per line, to stdout:
# PVP patients whose albumin (in g/dL, g/L or g/dl), white cell count (/uL or 10*3/uL), KPS or ECOG, primary site,
# chemotherapy dates, ATC drug codes, metastatic burden, visceral status and Frankel grade vary from line to line,
# so every request runs validation, UCUM conversion, derivation and both scores afresh.
set -euo pipefail
n="${1:-256}"
awk -v n="$n" 'BEGIN {
  split("LUNG BREAST PROSTATE KIDNEY THYROID STOMACH LIVER UNKNOWN_PRIMARY COLON UTERUS", site, " ")
  split("NONE REMOVABLE UNREMOVABLE", visceral, " ")
  split("A B C D E", frankel, " ")
  split("L01EB04 L01FF02 L01XA01;L01EX02 L02BA01 L01FD01;L01BC06", drugs, " ")
  for (i = 0; i < n; i++) {
    alb = 2.5 + (i % 21) / 10
    if (i % 3 == 0) albumin = sprintf("{\"value\":%.1f,\"unit\":\"g/dL\"}", alb)
    else if (i % 3 == 1) albumin = sprintf("{\"value\":%d,\"unit\":\"g/L\"}", alb * 10)
    else albumin = sprintf("{\"value\":%.1f,\"unit\":\"g/dl\"}", alb)
    wbc = 2500 + (i * 37) % 7000
    leuko = (i % 2) ? sprintf("{\"value\":%d,\"unit\":\"/uL\"}", wbc) : sprintf("{\"value\":%.3f,\"unit\":\"10*3/uL\"}", wbc / 1000)
    ps = (i % 4 == 3) ? sprintf("\"ecogPerformanceStatus\":%d", i % 5) : sprintf("\"karnofskyPerformanceStatus\":%d", 30 + 10 * (i % 7))
    split(drugs[1 + i % 5], d, ";")
    list = "\"" d[1] "\""
    if (2 in d) list = list ",\"" d[2] "\""
    delete d
    printf "{\"procedure\":\"PVP\",\"measurements\":{\"serumAlbumin\":%s,\"leukocyteCount\":%s,%s,", albumin, leuko, ps
    printf "\"primaryTumorSite\":\"%s\",\"cytotoxicChemotherapy\":\"GIVEN\",", site[1 + i % 10]
    printf "\"chemotherapyFirstCycleDate\":\"2025-01-%02d\",\"chemotherapyLastCycleDate\":\"2025-03-%02d\",", 1 + i % 28, 1 + i % 28
    printf "\"spinalMetastasisDiagnosisDate\":\"2025-04-%02d\",\"anticancerDrugs\":[%s],", 1 + (i * 7) % 30, list
    printf "\"vertebralMetastasesCount\":%d,\"extraspinalBoneMetastasesCount\":%d,", 1 + i % 4, i % 5
    printf "\"visceralMetastases\":\"%s\",\"frankelClassification\":\"%s\"},", visceral[1 + i % 3], frankel[1 + i % 5]
    printf "\"factors\":{\"postoperativeRadiotherapy\":%s}}\n", (i % 2 ? "true" : "false")
  }
}'

package io.spinemet.efficacy.api;

/** Example bodies shown in the OpenAPI document. The request examples match the files in openapi/examples/. */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String PREDICT_PVP = """
            {
              "procedure": "PVP",
              "factors": {
                "malnutrition": true,
                "poorPerformanceStatus": false,
                "metastasisDuringChemotherapy": false,
                "targetedTherapy": false,
                "postoperativeRadiotherapy": false,
                "primaryTumorGrowth": "RAPID",
                "vertebraeInvolved": 2
              }
            }""";

    static final String PREDICT_DECOMPRESSION = """
            {
              "procedure": "DECOMPRESSION",
              "factors": {
                "malnutrition": false,
                "poorPerformanceStatus": false,
                "metastasisDuringChemotherapy": true,
                "targetedTherapy": true,
                "postoperativeRadiotherapy": true,
                "frankelGrade": "C"
              }
            }""";

    static final String COMPARISON = """
            {
              "factors": {
                "malnutrition": true,
                "poorPerformanceStatus": false,
                "metastasisDuringChemotherapy": false,
                "targetedTherapy": true,
                "postoperativeRadiotherapy": false,
                "frankelGrade": "D"
              }
            }""";

    static final String BATCH = """
            {
              "patients": [
                {"id": "case-1", "procedure": "PVP", "factors": {"malnutrition": false, "poorPerformanceStatus": false,
                  "metastasisDuringChemotherapy": false, "targetedTherapy": true, "postoperativeRadiotherapy": true}},
                {"id": "case-2", "procedure": "DECOMPRESSION", "factors": {"malnutrition": true,
                  "poorPerformanceStatus": true, "metastasisDuringChemotherapy": false, "targetedTherapy": false,
                  "postoperativeRadiotherapy": false, "frankelGrade": "B"}}
              ]
            }""";

    static final String BATCH_CSV = """
            patientId,procedure,malnutrition,poorPerformanceStatus,leukopenia,primaryTumorGrowth,targetedTherapy,\
            metastasisDuringChemotherapy,primaryRadicallyResected,vertebraeInvolved,extraspinalBoneMetastasis,\
            visceralMetastasis,postoperativeRadiotherapy,frankelGrade
            case-1,PVP,0,0,0,SLOW,1,0,1,1,0,0,1,
            case-2,DECOMPRESSION,1,1,0,RAPID,0,0,0,3,1,1,0,B
            """;

    static final String BATCH_CSV_RESPONSE = """
            patientId,procedure,malnutrition,poorPerformanceStatus,leukopenia,primaryTumorGrowth,targetedTherapy,\
            metastasisDuringChemotherapy,primaryRadicallyResected,vertebraeInvolved,extraspinalBoneMetastasis,\
            visceralMetastasis,postoperativeRadiotherapy,frankelGrade,probability,lower,upper,modelId,modelVersion,\
            modelSha256,cohortReconstructed
            case-1,PVP,0,0,0,SLOW,1,0,1,1,0,0,1,,0.9526,0.7311,0.9933,spinemet-efficacy-pvp,1.0.0+3f2a9c1b7d4e,\
            9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08,true
            case-2,DECOMPRESSION,1,1,0,RAPID,0,0,0,3,1,1,0,B,0.1824,0.0474,0.4990,spinemet-efficacy-decompression,\
            1.0.0+3f2a9c1b7d4e,60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752,true
            """;

    static final String PREDICTION_RESPONSE = """
            {
              "procedure": "PVP",
              "probability": 0.5,
              "confidenceInterval": {"level": 0.95, "lower": 0.2689, "upper": 0.7311},
              "baselineRate": 0.6765,
              "linearPredictor": 0.0,
              "intercept": 1.0,
              "contributions": [
                {"factor": "malnutrition", "label": "Preoperative malnutrition", "value": true,
                 "terms": [{"term": "malnutrition", "x": 1.0, "coefficient": -1.0, "oddsRatio": 0.3679,
                            "contribution": -1.0}]},
                {"factor": "poorPerformanceStatus", "label": "Poor preoperative performance status", "value": false,
                 "terms": [{"term": "poorPerformanceStatus", "x": 0.0, "coefficient": -1.0, "oddsRatio": 0.3679,
                            "contribution": 0.0}]}
              ],
              "modifiableFactors": [
                {"factor": "malnutrition", "label": "Preoperative malnutrition", "modifiability": "BEFORE_SURGERY",
                 "currentValue": true, "favourableValue": false, "probability": 0.7311,
                 "confidenceInterval": {"level": 0.95, "lower": 0.5, "upper": 0.8808}}
              ],
              "inputsUsed": ["malnutrition", "poorPerformanceStatus"],
              "inputsIgnored": ["primaryTumorGrowth", "vertebraeInvolved"],
              "model": {"id": "spinemet-efficacy-pvp", "version": "1.0.0+3f2a9c1b7d4e", "procedure": "PVP",
                        "method": "firth",
                        "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "cohort": {"n": 34, "events": 23, "source": "reference-cohort.csv", "reconstructed": true,
                                   "provenance": "Reconstructed from the study's published summary figures."},
                        "card": "/api/v1/models/pvp"},
              "warnings": [
                {"code": "RECONSTRUCTED_COHORT", "message": "The model was trained on a cohort reconstructed from published summary figures, not on real patients. Do not use it for clinical decisions."},
                {"code": "LOW_EVENTS_PER_VARIABLE", "message": "Only 2.2 events per variable (fewer than 10): the model is likely over-fitted and its predictions too extreme."}
              ]
            }""";

    static final String BATCH_RESPONSE = """
            {
              "count": 2, "scored": 1, "rejected": 1,
              "results": [
                {"index": 0, "id": "case-1", "procedure": "PVP", "probability": 0.9526,
                 "confidenceInterval": {"level": 0.95, "lower": 0.7311, "upper": 0.9933},
                 "warnings": ["RECONSTRUCTED_COHORT", "LOW_EVENTS_PER_VARIABLE"],
                 "model": {"id": "spinemet-efficacy-pvp", "version": "1.0.0+3f2a9c1b7d4e", "procedure": "PVP",
                           "method": "firth",
                           "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                           "cohort": {"n": 34, "events": 23, "source": "reference-cohort.csv", "reconstructed": true,
                                      "provenance": "Reconstructed from the study's published summary figures."},
                           "card": "/api/v1/models/pvp"}},
                {"index": 1, "id": "case-2", "procedure": "DECOMPRESSION",
                 "errors": [{"pointer": "/patients/1/factors/frankelGrade", "detail": "required by the DECOMPRESSION model", "allowed": "one of A, B, C, D, E"}]}
              ]
            }""";

    static final String MODELS_RESPONSE = """
            [
              {"id": "spinemet-efficacy-pvp", "version": "1.0.0+3f2a9c1b7d4e", "procedure": "PVP", "method": "firth",
               "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
               "cohort": {"n": 34, "events": 23, "source": "reference-cohort.csv", "reconstructed": true,
                          "provenance": "Reconstructed from the study's published summary figures."},
               "card": "/api/v1/models/pvp"},
              {"id": "spinemet-efficacy-decompression", "version": "1.0.0+3f2a9c1b7d4e", "procedure": "DECOMPRESSION",
               "method": "firth",
               "sha256": "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
               "cohort": {"n": 18, "events": 13, "source": "reference-cohort.csv", "reconstructed": true,
                          "provenance": "Reconstructed from the study's published summary figures."},
               "card": "/api/v1/models/decompression"}
            ]""";

    static final String MODEL_CARD_RESPONSE = """
            {
              "procedure": "PVP",
              "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "links": {"self": "/api/v1/models/pvp", "markdown": "/api/v1/models/pvp"},
              "model": {
                "schemaVersion": 1, "modelId": "spinemet-efficacy-pvp", "modelVersion": "1.0.0+3f2a9c1b7d4e",
                "procedure": "PVP", "method": "firth",
                "coefficients": [
                  {"term": "(Intercept)", "estimate": 1.29, "stdError": 0.68, "oddsRatio": 3.64,
                   "oddsRatioCiLower": 1.11, "oddsRatioCiUpper": 15.3, "pValue": 0.033},
                  {"term": "malnutrition", "estimate": -1.16, "stdError": 0.82, "oddsRatio": 0.314,
                   "oddsRatioCiLower": 0.067, "oddsRatioCiUpper": 1.35, "pValue": 0.119}
                ],
                "performance": {"aucApparent": 0.713, "aucOptimismCorrected": 0.578,
                                "calibrationSlopeOptimismCorrected": 0.612, "brierApparent": 0.178,
                                "bootstrapReplicates": 1000},
                "...": "predictors, covariance, alternativeFit, univariate, separation, cohort, training, limitations"
              }
            }""";

    static final String MARKDOWN_CARD_RESPONSE = """
            # Model card: Percutaneous vertebroplasty efficacy model

            > **Reconstructed cohort.** This model was trained on synthetic patients reconstructed from the study's \
            published summary, not on real patients.

            ## Intended use
            ...
            ## Coefficients (served fit: firth)
            | term | estimate | SE | OR | 95% CI (profile) | p |
            ...
            """;

    static final String FACTORS_RESPONSE = """
            [
              {"id": "malnutrition", "label": "Preoperative malnutrition",
               "definition": "Serum albumin < 35 g/L (3.5 g/dL) before surgery; NRS-2002 >= 3 is an accepted alternative rule.",
               "type": "BOOLEAN", "allowedValues": [true, false], "referenceLevel": "false",
               "usedBy": ["PVP", "DECOMPRESSION"], "candidateFor": ["PVP", "DECOMPRESSION"],
               "modifiable": true, "modifiability": "BEFORE_SURGERY", "...": "further fields as in the schema"},
              {"id": "frankelGrade", "label": "Frankel grade", "type": "CATEGORICAL",
               "allowedValues": ["A", "B", "C", "D", "E"], "referenceLevel": "D-E",
               "usedBy": ["DECOMPRESSION"], "candidateFor": ["DECOMPRESSION"], "modifiable": false,
               "...": "further fields as in the schema"}
            ]""";

    static final String COMPARISON_RESPONSE = """
            {
              "predictions": [
                {"procedure": "PVP", "probability": 0.7311,
                 "confidenceInterval": {"level": 0.95, "lower": 0.5, "upper": 0.8808}, "...": "as in a prediction"},
                {"procedure": "DECOMPRESSION", "probability": 0.6225,
                 "confidenceInterval": {"level": 0.95, "lower": 0.3, "upper": 0.86}, "...": "as in a prediction"}
              ],
              "note": "The two models were fitted on different patients, who were chosen for different operations. The difference between the two probabilities is therefore not a causal effect of choosing one operation over the other, and must not be read as one."
            }""";

    static final String PREDICT_MEASUREMENTS = """
            {
              "procedure": "PVP",
              "measurements": {
                "serumAlbumin": {"value": 3.2, "unit": "g/dL"},
                "leukocyteCount": {"value": 3600, "unit": "/uL"},
                "karnofskyPerformanceStatus": 60,
                "primaryTumorSite": "LUNG",
                "cytotoxicChemotherapy": "GIVEN",
                "chemotherapyFirstCycleDate": "2026-03-02",
                "chemotherapyLastCycleDate": "2026-08-10",
                "spinalMetastasisDiagnosisDate": "2026-09-01",
                "anticancerDrugs": ["L01EB04"],
                "vertebralMetastasesCount": 2,
                "extraspinalBoneMetastasesCount": 1,
                "visceralMetastases": "REMOVABLE",
                "frankelClassification": "E"
              },
              "factors": {
                "postoperativeRadiotherapy": true
              }
            }""";

    static final String SCORES = """
            {
              "measurements": {
                "karnofskyPerformanceStatus": 60,
                "primaryTumorSite": "LUNG",
                "vertebralMetastasesCount": 2,
                "extraspinalBoneMetastasesCount": 1,
                "visceralMetastases": "REMOVABLE",
                "frankelClassification": "E"
              }
            }""";

    static final String SCORES_RESPONSE = """
            {
              "tokuhashi": {
                "computed": true, "total": 6, "maximum": 15,
                "items": [
                  {"item": "General condition (KPS)", "input": "KPS 60", "category": "moderate (KPS 50-70)", "points": 1},
                  {"item": "Extraspinal bone metastasis foci", "input": "1 focus", "category": "1-2", "points": 1},
                  {"item": "Metastases in the vertebral body", "input": "2 vertebrae", "category": "2", "points": 1},
                  {"item": "Metastases to major internal organs", "input": "REMOVABLE", "category": "removable", "points": 1},
                  {"item": "Primary site of the cancer", "input": "LUNG", "category": "lung, osteosarcoma, stomach, bladder, oesophagus, pancreas", "points": 0},
                  {"item": "Palsy", "input": "Frankel E", "category": "none (Frankel E)", "points": 2}
                ],
                "band": {"range": "0-8", "prognosis": "< 6 months", "strategy": "Conservative care or palliative surgery"},
                "citation": "Revised Tokuhashi score: Tokuhashi Y, et al. Spine 2005;30(19):2186-2191 ..."
              },
              "tomita": {
                "computed": true, "total": 8, "maximum": 10,
                "items": [
                  {"item": "Primary tumour", "input": "LUNG (RAPID)", "category": "rapid growth", "points": 4},
                  {"item": "Visceral metastases", "input": "REMOVABLE", "category": "treatable", "points": 2},
                  {"item": "Bone metastases (spine included)", "input": "2 vertebrae, 1 extraspinal focus", "category": "multiple", "points": 2}
                ],
                "band": {"range": "8-10", "prognosis": "Terminal care", "strategy": "Supportive, non-operative care"},
                "citation": "Tomita score: Tomita K, et al. Surgical strategy for spinal metastases. Spine 2001;26(3):298-306."
              }
            }""";

    static final String MEASUREMENTS_RESPONSE = """
            [
              {
                "id": "serumAlbumin",
                "label": "Serum albumin",
                "definition": "Serum or plasma albumin concentration measured before surgery.",
                "valueType": "QUANTITY",
                "units": ["g/L", "g/dL"],
                "canonicalUnit": "g/L",
                "range": {"min": 5, "max": 80, "unit": "g/L"},
                "codes": [{"system": "http://loinc.org", "code": "1751-7", "display": "Albumin [Mass/volume] in Serum or Plasma"}],
                "derives": [{"factor": "malnutrition", "rule": "malnutrition is true when serum albumin < 35 g/L", "cutoff": "< 35 g/L (3.5 g/dL)", "source": "..."}],
                "usedBy": ["malnutrition"]
              },
              {
                "id": "karnofskyPerformanceStatus",
                "label": "Karnofsky performance status",
                "valueType": "INTEGER",
                "range": {"min": 0, "max": 100, "step": 10},
                "codes": [{"system": "http://loinc.org", "code": "89243-0", "display": "Karnofsky Performance Status score"}],
                "usedBy": ["poorPerformanceStatus", "tokuhashi"]
              },
              "..."
            ]""";

    static final String PROBLEM_400 = """
            {
              "type": "urn:spinemet:problem:invalid-request",
              "title": "The request is not valid",
              "status": 400,
              "detail": "3 problem(s) in the request; see errors.",
              "instance": "/api/v1/predictions",
              "errors": [
                {"pointer": "/factors/malnutriton", "detail": "unknown factor", "allowed": "the factor ids malnutrition, poorPerformanceStatus, leukopenia, primaryTumorGrowth, targetedTherapy, metastasisDuringChemotherapy, primaryRadicallyResected, vertebraeInvolved, extraspinalBoneMetastasis, visceralMetastasis, postoperativeRadiotherapy, frankelGrade"},
                {"pointer": "/factors/targetedTherapy", "detail": "must be a JSON boolean; got a string", "allowed": "true or false (JSON booleans)"},
                {"pointer": "/factors/malnutrition", "detail": "required by the PVP model", "allowed": "true or false (JSON booleans)"}
              ]
            }""";

    static final String PROBLEM_413 = """
            {
              "type": "urn:spinemet:problem:too-large",
              "title": "Too many patients",
              "status": 413,
              "detail": "A batch holds at most 1000 patients; this one has 1200. Split it into several requests.",
              "instance": "/api/v1/predictions/batch",
              "errors": [{"pointer": "/patients", "detail": "more than 1000 patients", "allowed": "1 to 1000 patients"}]
            }""";

    static final String PROBLEM_404 = """
            {
              "type": "urn:spinemet:problem:unknown-model",
              "title": "No such model",
              "status": 404,
              "detail": "There is no model for this procedure; the models are pvp and decompression (PVP and DECOMPRESSION are accepted too).",
              "instance": "/api/v1/models/cervical"
            }""";
}

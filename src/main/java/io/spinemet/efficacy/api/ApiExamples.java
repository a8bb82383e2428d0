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
                {"id": "case-2", "procedure": "DECOMPRESSION", "factors": {"malnutrition": true, "poorPerformanceStatus": true,
                  "metastasisDuringChemotherapy": false, "targetedTherapy": false, "postoperativeRadiotherapy": false,
                  "frankelGrade": "B"}},
                {"id": "case-3", "procedure": "DECOMPRESSION", "factors": {"malnutrition": true, "poorPerformanceStatus": false,
                  "metastasisDuringChemotherapy": false, "targetedTherapy": false, "postoperativeRadiotherapy": false}}
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
            patientId,procedure,malnutrition,poorPerformanceStatus,leukopenia,primaryTumorGrowth,targetedTherapy,metastasisDuringChemotherapy,primaryRadicallyResected,vertebraeInvolved,extraspinalBoneMetastasis,visceralMetastasis,postoperativeRadiotherapy,frankelGrade,probability,lower,upper,modelId,modelVersion,modelSha256,cohortReconstructed,status,warnings,inputsIgnored,errors
            case-1,PVP,0,0,0,SLOW,1,0,1,1,0,0,1,,0.9201377221565424,0.4079013874244389,0.9948371341346928,spinemet-efficacy-pvp,1.0.0+89ce643569cb,a6b6480515078439b1e1476176158c3fe155160036bead06d52b1e5133a60b54,true,scored,RECONSTRUCTED_COHORT UNINFORMATIVE_INTERVAL LOW_EVENTS_PER_VARIABLE,leukopenia primaryTumorGrowth primaryRadicallyResected vertebraeInvolved extraspinalBoneMetastasis visceralMetastasis,
            case-2,DECOMPRESSION,1,1,0,RAPID,0,0,0,3,1,1,0,B,0.13483752199232338,0.002689273208454745,0.9000785611666633,spinemet-efficacy-decompression,1.0.0+89ce643569cb,0cedf0e5965000fcbbfcd2b4fb5a3a87ad8bbee520316679744a4c6c17ee7ae8,true,scored,RECONSTRUCTED_COHORT UNSEEN_COMBINATION UNINFORMATIVE_INTERVAL LOW_EVENTS_PER_VARIABLE,leukopenia primaryTumorGrowth primaryRadicallyResected vertebraeInvolved extraspinalBoneMetastasis visceralMetastasis,
            """;

    static final String PREDICTION_RESPONSE = """
            {
              "procedure" : "PVP",
              "probability" : 0.53344132818663,
              "confidenceInterval" : {
                "level" : 0.95,
                "lower" : 0.17827476911187054,
                "upper" : 0.8576626232580231
              },
              "baselineRate" : 0.6764705882352942,
              "linearPredictor" : 0.13396530680000018,
              "intercept" : 1.29314233083,
              "contributions" : [ {
                "factor" : "malnutrition",
                "label" : "Preoperative malnutrition",
                "value" : true,
                "terms" : [ {
                  "term" : "malnutrition",
                  "x" : 1.0,
                  "coefficient" : -1.15917702403,
                  "oddsRatio" : 0.3137442786659684,
                  "contribution" : -1.15917702403
                } ]
              }, {
                "factor" : "poorPerformanceStatus",
                "label" : "Poor preoperative performance status",
                "value" : false,
                "terms" : [ {
                  "term" : "poorPerformanceStatus",
                  "x" : 0.0,
                  "coefficient" : -1.21249007092,
                  "oddsRatio" : 0.2974556707682296,
                  "contribution" : 0.0
                } ]
              }, {
                "factor" : "targetedTherapy",
                "label" : "Targeted drug therapy",
                "value" : false,
                "terms" : [ {
                  "term" : "targetedTherapy",
                  "x" : 0.0,
                  "coefficient" : 0.448110185597,
                  "oddsRatio" : 1.5653511653041752,
                  "contribution" : 0.0
                } ]
              }, {
                "factor" : "metastasisDuringChemotherapy",
                "label" : "Spinal metastasis during chemotherapy",
                "value" : false,
                "terms" : [ {
                  "term" : "metastasisDuringChemotherapy",
                  "x" : 0.0,
                  "coefficient" : -0.234805868804,
                  "oddsRatio" : 0.7907243389913514,
                  "contribution" : 0.0
                } ]
              }, {
                "factor" : "postoperativeRadiotherapy",
                "label" : "Postoperative radiotherapy",
                "value" : false,
                "terms" : [ {
                  "term" : "postoperativeRadiotherapy",
                  "x" : 0.0,
                  "coefficient" : 0.702967216222,
                  "oddsRatio" : 2.019736820859811,
                  "contribution" : 0.0
                } ]
              } ],
              "modifiableFactors" : [ {
                "factor" : "malnutrition",
                "label" : "Preoperative malnutrition",
                "modifiability" : "BEFORE_SURGERY",
                "currentValue" : true,
                "favourableValue" : false,
                "probability" : 0.7846785863582226,
                "confidenceInterval" : {
                  "level" : 0.95,
                  "lower" : 0.48919683137288367,
                  "upper" : 0.9327364413763441
                },
                "interpretation" : "An association in observational data, not a causal effect: patients who had the favourable value differed in other ways, so changing the factor need not change this patient's outcome by this much."
              }, {
                "factor" : "targetedTherapy",
                "label" : "Targeted drug therapy",
                "modifiability" : "AFTER_SURGERY",
                "currentValue" : false,
                "favourableValue" : true,
                "probability" : 0.6415448371524693,
                "confidenceInterval" : {
                  "level" : 0.95,
                  "lower" : 0.21619504505180223,
                  "upper" : 0.9207170891431609
                },
                "interpretation" : "An association in observational data, not a causal effect: patients who had the favourable value differed in other ways, so changing the factor need not change this patient's outcome by this much."
              }, {
                "factor" : "postoperativeRadiotherapy",
                "label" : "Postoperative radiotherapy",
                "modifiability" : "AFTER_SURGERY",
                "currentValue" : false,
                "favourableValue" : true,
                "probability" : 0.6978187768597864,
                "confidenceInterval" : {
                  "level" : 0.95,
                  "lower" : 0.10472283281629442,
                  "upper" : 0.9785360160415277
                },
                "interpretation" : "An association in observational data, not a causal effect: patients who had the favourable value differed in other ways, so changing the factor need not change this patient's outcome by this much."
              } ],
              "inputsUsed" : [ "malnutrition", "poorPerformanceStatus", "targetedTherapy", "metastasisDuringChemotherapy", "postoperativeRadiotherapy" ],
              "inputsIgnored" : [ "primaryTumorGrowth", "vertebraeInvolved" ],
              "model" : {
                "id" : "spinemet-efficacy-pvp",
                "version" : "1.0.0+89ce643569cb",
                "procedure" : "PVP",
                "method" : "firth",
                "sha256" : "a6b6480515078439b1e1476176158c3fe155160036bead06d52b1e5133a60b54",
                "cohort" : {
                  "n" : 34,
                  "events" : 23,
                  "source" : "reference-cohort.csv",
                  "reconstructed" : true,
                  "provenance" : "Reconstructed reference cohort: synthetic patients generated to match the published summary of the study (34 PVP, 18 decompression); NOT real patients. See models/cohort/README.md."
                },
                "card" : "/api/v1/models/pvp"
              },
              "warnings" : [ {
                "code" : "RECONSTRUCTED_COHORT",
                "message" : "The model was trained on a cohort reconstructed from published summary figures, not on real patients. Do not use it for clinical decisions."
              }, {
                "code" : "UNINFORMATIVE_INTERVAL",
                "message" : "The 95% confidence interval is wider than 0.5: the data cannot pin this patient's probability down, so the estimate is uninformative."
              }, {
                "code" : "LOW_EVENTS_PER_VARIABLE",
                "message" : "Only 2.2 events per variable (fewer than 10): the model is likely over-fitted and its predictions too extreme."
              } ]
            }
            """;

    static final String BATCH_RESPONSE = """
            {
              "count" : 3,
              "scored" : 2,
              "rejected" : 1,
              "results" : [ {
                "index" : 0,
                "id" : "case-1",
                "procedure" : "PVP",
                "probability" : 0.9201377221565424,
                "confidenceInterval" : {
                  "level" : 0.95,
                  "lower" : 0.4079013874244389,
                  "upper" : 0.9948371341346928
                },
                "inputsIgnored" : [ ],
                "warnings" : [ {
                  "code" : "RECONSTRUCTED_COHORT",
                  "message" : "The model was trained on a cohort reconstructed from published summary figures, not on real patients. Do not use it for clinical decisions."
                }, {
                  "code" : "UNINFORMATIVE_INTERVAL",
                  "message" : "The 95% confidence interval is wider than 0.5: the data cannot pin this patient's probability down, so the estimate is uninformative."
                }, {
                  "code" : "LOW_EVENTS_PER_VARIABLE",
                  "message" : "Only 2.2 events per variable (fewer than 10): the model is likely over-fitted and its predictions too extreme."
                } ],
                "model" : {
                  "id" : "spinemet-efficacy-pvp",
                  "version" : "1.0.0+89ce643569cb",
                  "procedure" : "PVP",
                  "method" : "firth",
                  "sha256" : "a6b6480515078439b1e1476176158c3fe155160036bead06d52b1e5133a60b54",
                  "cohort" : {
                    "n" : 34,
                    "events" : 23,
                    "source" : "reference-cohort.csv",
                    "reconstructed" : true,
                    "provenance" : "Reconstructed reference cohort: synthetic patients generated to match the published summary of the study (34 PVP, 18 decompression); NOT real patients. See models/cohort/README.md."
                  },
                  "card" : "/api/v1/models/pvp"
                }
              }, {
                "index" : 1,
                "id" : "case-2",
                "procedure" : "DECOMPRESSION",
                "probability" : 0.13483752199232338,
                "confidenceInterval" : {
                  "level" : 0.95,
                  "lower" : 0.002689273208454745,
                  "upper" : 0.9000785611666633
                },
                "inputsIgnored" : [ ],
                "warnings" : [ {
                  "code" : "RECONSTRUCTED_COHORT",
                  "message" : "The model was trained on a cohort reconstructed from published summary figures, not on real patients. Do not use it for clinical decisions."
                }, {
                  "code" : "UNSEEN_COMBINATION",
                  "message" : "This combination of the model's factors never occurs in the training cohort: the prediction extrapolates beyond the data."
                }, {
                  "code" : "UNINFORMATIVE_INTERVAL",
                  "message" : "The 95% confidence interval is wider than 0.5: the data cannot pin this patient's probability down, so the estimate is uninformative."
                }, {
                  "code" : "LOW_EVENTS_PER_VARIABLE",
                  "message" : "Only 0.8 events per variable (fewer than 10): the model is likely over-fitted and its predictions too extreme."
                } ],
                "model" : {
                  "id" : "spinemet-efficacy-decompression",
                  "version" : "1.0.0+89ce643569cb",
                  "procedure" : "DECOMPRESSION",
                  "method" : "firth",
                  "sha256" : "0cedf0e5965000fcbbfcd2b4fb5a3a87ad8bbee520316679744a4c6c17ee7ae8",
                  "cohort" : {
                    "n" : 18,
                    "events" : 13,
                    "source" : "reference-cohort.csv",
                    "reconstructed" : true,
                    "provenance" : "Reconstructed reference cohort: synthetic patients generated to match the published summary of the study (34 PVP, 18 decompression); NOT real patients. See models/cohort/README.md."
                  },
                  "card" : "/api/v1/models/decompression"
                }
              }, {
                "index" : 2,
                "id" : "case-3",
                "procedure" : "DECOMPRESSION",
                "errors" : [ {
                  "pointer" : "/patients/2/factors/frankelGrade",
                  "detail" : "required by the DECOMPRESSION model",
                  "allowed" : "one of A, B, C, D, E"
                } ]
              } ]
            }
            """;

    static final String MODELS_RESPONSE = """
            [ {
              "id" : "spinemet-efficacy-pvp",
              "version" : "1.0.0+89ce643569cb",
              "procedure" : "PVP",
              "method" : "firth",
              "sha256" : "a6b6480515078439b1e1476176158c3fe155160036bead06d52b1e5133a60b54",
              "cohort" : {
                "n" : 34,
                "events" : 23,
                "source" : "reference-cohort.csv",
                "reconstructed" : true,
                "provenance" : "Reconstructed reference cohort: synthetic patients generated to match the published summary of the study (34 PVP, 18 decompression); NOT real patients. See models/cohort/README.md."
              },
              "card" : "/api/v1/models/pvp"
            }, {
              "id" : "spinemet-efficacy-decompression",
              "version" : "1.0.0+89ce643569cb",
              "procedure" : "DECOMPRESSION",
              "method" : "firth",
              "sha256" : "0cedf0e5965000fcbbfcd2b4fb5a3a87ad8bbee520316679744a4c6c17ee7ae8",
              "cohort" : {
                "n" : 18,
                "events" : 13,
                "source" : "reference-cohort.csv",
                "reconstructed" : true,
                "provenance" : "Reconstructed reference cohort: synthetic patients generated to match the published summary of the study (34 PVP, 18 decompression); NOT real patients. See models/cohort/README.md."
              },
              "card" : "/api/v1/models/decompression"
            } ]
            """;

    static final String MODEL_CARD_RESPONSE = """
            {
              "procedure": "PVP",
              "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "links": {"self": "/api/v1/models/pvp", "markdown": "/api/v1/models/pvp/card.md"},
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
              "predictions" : [ {
                "procedure" : "PVP",
                "probability" : 0.6415448371524693,
                "confidenceInterval" : {
                  "level" : 0.95,
                  "lower" : 0.21619504505180223,
                  "upper" : 0.9207170891431609
                },
                "baselineRate" : 0.6764705882352942,
                "linearPredictor" : 0.5820754923970002,
                "intercept" : 1.29314233083,
                "contributions" : [ {
                  "factor" : "malnutrition",
                  "label" : "Preoperative malnutrition",
                  "value" : true,
                  "terms" : [ {
                    "term" : "malnutrition",
                    "x" : 1.0,
                    "coefficient" : -1.15917702403,
                    "oddsRatio" : 0.3137442786659684,
                    "contribution" : -1.15917702403
                  } ]
                }, {
                  "factor" : "poorPerformanceStatus",
                  "label" : "Poor preoperative performance status",
                  "value" : false,
                  "terms" : [ {
                    "term" : "poorPerformanceStatus",
                    "x" : 0.0,
                    "coefficient" : -1.21249007092,
                    "oddsRatio" : 0.2974556707682296,
                    "contribution" : 0.0
                  } ]
                }, {
                  "factor" : "targetedTherapy",
                  "label" : "Targeted drug therapy",
                  "value" : true,
                  "terms" : [ {
                    "term" : "targetedTherapy",
                    "x" : 1.0,
                    "coefficient" : 0.448110185597,
                    "oddsRatio" : 1.5653511653041752,
                    "contribution" : 0.448110185597
                  } ]
                }, {
                  "factor" : "metastasisDuringChemotherapy",
                  "label" : "Spinal metastasis during chemotherapy",
                  "value" : false,
                  "terms" : [ {
                    "term" : "metastasisDuringChemotherapy",
                    "x" : 0.0,
                    "coefficient" : -0.234805868804,
                    "oddsRatio" : 0.7907243389913514,
                    "contribution" : 0.0
                  } ]
                }, {
                  "factor" : "postoperativeRadiotherapy",
                  "label" : "Postoperative radiotherapy",
                  "value" : false,
                  "terms" : [ {
                    "term" : "postoperativeRadiotherapy",
                    "x" : 0.0,
                    "coefficient" : 0.702967216222,
                    "oddsRatio" : 2.019736820859811,
                    "contribution" : 0.0
                  } ]
                } ],
                "modifiableFactors" : [ {
                  "factor" : "malnutrition",
                  "label" : "Preoperative malnutrition",
                  "modifiability" : "BEFORE_SURGERY",
                  "currentValue" : true,
                  "favourableValue" : false,
                  "probability" : 0.8508460884595304,
                  "confidenceInterval" : {
                    "level" : 0.95,
                    "lower" : 0.48250564052963546,
                    "upper" : 0.9721455026003466
                  },
                  "interpretation" : "An association in observational data, not a causal effect: patients who had the favourable value differed in other ways, so changing the factor need not change this patient's outcome by this much."
                }, {
                  "factor" : "postoperativeRadiotherapy",
                  "label" : "Postoperative radiotherapy",
                  "modifiability" : "AFTER_SURGERY",
                  "currentValue" : false,
                  "favourableValue" : true,
                  "probability" : 0.7833069343173463,
                  "confidenceInterval" : {
                    "level" : 0.95,
                    "lower" : 0.16004904588524888,
                    "upper" : 0.9856273127068819
                  },
                  "interpretation" : "An association in observational data, not a causal effect: patients who had the favourable value differed in other ways, so changing the factor need not change this patient's outcome by this much."
                } ],
                "inputsUsed" : [ "malnutrition", "poorPerformanceStatus", "targetedTherapy", "metastasisDuringChemotherapy", "postoperativeRadiotherapy" ],
                "inputsIgnored" : [ "frankelGrade" ],
                "model" : {
                  "id" : "spinemet-efficacy-pvp",
                  "version" : "1.0.0+89ce643569cb",
                  "procedure" : "PVP",
                  "method" : "firth",
                  "sha256" : "a6b6480515078439b1e1476176158c3fe155160036bead06d52b1e5133a60b54",
                  "cohort" : {
                    "n" : 34,
                    "events" : 23,
                    "source" : "reference-cohort.csv",
                    "reconstructed" : true,
                    "provenance" : "Reconstructed reference cohort: synthetic patients generated to match the published summary of the study (34 PVP, 18 decompression); NOT real patients. See models/cohort/README.md."
                  },
                  "card" : "/api/v1/models/pvp"
                },
                "warnings" : [ {
                  "code" : "RECONSTRUCTED_COHORT",
                  "message" : "The model was trained on a cohort reconstructed from published summary figures, not on real patients. Do not use it for clinical decisions."
                }, {
                  "code" : "UNINFORMATIVE_INTERVAL",
                  "message" : "The 95% confidence interval is wider than 0.5: the data cannot pin this patient's probability down, so the estimate is uninformative."
                }, {
                  "code" : "LOW_EVENTS_PER_VARIABLE",
                  "message" : "Only 2.2 events per variable (fewer than 10): the model is likely over-fitted and its predictions too extreme."
                } ]
              }, {
                "procedure" : "DECOMPRESSION",
                "probability" : 0.7053811644953788,
                "confidenceInterval" : {
                  "level" : 0.95,
                  "lower" : 0.0645163540521424,
                  "upper" : 0.988111883858395
                },
                "baselineRate" : 0.7222222222222222,
                "linearPredictor" : 0.8730558777220001,
                "intercept" : 1.50763990471,
                "contributions" : [ {
                  "factor" : "malnutrition",
                  "label" : "Preoperative malnutrition",
                  "value" : true,
                  "terms" : [ {
                    "term" : "malnutrition",
                    "x" : 1.0,
                    "coefficient" : -1.15612331551,
                    "oddsRatio" : 0.31470382658700335,
                    "contribution" : -1.15612331551
                  } ]
                }, {
                  "factor" : "poorPerformanceStatus",
                  "label" : "Poor preoperative performance status",
                  "value" : false,
                  "terms" : [ {
                    "term" : "poorPerformanceStatus",
                    "x" : 0.0,
                    "coefficient" : -1.24907438118,
                    "oddsRatio" : 0.2867701138644474,
                    "contribution" : 0.0
                  } ]
                }, {
                  "factor" : "targetedTherapy",
                  "label" : "Targeted drug therapy",
                  "value" : true,
                  "terms" : [ {
                    "term" : "targetedTherapy",
                    "x" : 1.0,
                    "coefficient" : 0.521539288522,
                    "oddsRatio" : 1.684618769282453,
                    "contribution" : 0.521539288522
                  } ]
                }, {
                  "factor" : "metastasisDuringChemotherapy",
                  "label" : "Spinal metastasis during chemotherapy",
                  "value" : false,
                  "terms" : [ {
                    "term" : "metastasisDuringChemotherapy",
                    "x" : 0.0,
                    "coefficient" : -1.2776346414,
                    "oddsRatio" : 0.2786957367849703,
                    "contribution" : 0.0
                  } ]
                }, {
                  "factor" : "postoperativeRadiotherapy",
                  "label" : "Postoperative radiotherapy",
                  "value" : false,
                  "terms" : [ {
                    "term" : "postoperativeRadiotherapy",
                    "x" : 0.0,
                    "coefficient" : 1.4251416538,
                    "oddsRatio" : 4.158446860836633,
                    "contribution" : 0.0
                  } ]
                }, {
                  "factor" : "frankelGrade",
                  "label" : "Frankel grade",
                  "value" : "D",
                  "terms" : [ {
                    "term" : "frankelGrade=A-C",
                    "x" : 0.0,
                    "coefficient" : -0.961289020356,
                    "oddsRatio" : 0.3823996472166186,
                    "contribution" : 0.0
                  } ]
                } ],
                "modifiableFactors" : [ {
                  "factor" : "malnutrition",
                  "label" : "Preoperative malnutrition",
                  "modifiability" : "BEFORE_SURGERY",
                  "currentValue" : true,
                  "favourableValue" : false,
                  "probability" : 0.8838268265293167,
                  "confidenceInterval" : {
                    "level" : 0.95,
                    "lower" : 0.4790037375195782,
                    "upper" : 0.984363585268611
                  },
                  "interpretation" : "An association in observational data, not a causal effect: patients who had the favourable value differed in other ways, so changing the factor need not change this patient's outcome by this much."
                }, {
                  "factor" : "postoperativeRadiotherapy",
                  "label" : "Postoperative radiotherapy",
                  "modifiability" : "AFTER_SURGERY",
                  "currentValue" : false,
                  "favourableValue" : true,
                  "probability" : 0.9087276492683025,
                  "confidenceInterval" : {
                    "level" : 0.95,
                    "lower" : 0.17104341626175212,
                    "upper" : 0.9979227799733326
                  },
                  "interpretation" : "An association in observational data, not a causal effect: patients who had the favourable value differed in other ways, so changing the factor need not change this patient's outcome by this much."
                } ],
                "inputsUsed" : [ "malnutrition", "poorPerformanceStatus", "targetedTherapy", "metastasisDuringChemotherapy", "postoperativeRadiotherapy", "frankelGrade" ],
                "inputsIgnored" : [ ],
                "model" : {
                  "id" : "spinemet-efficacy-decompression",
                  "version" : "1.0.0+89ce643569cb",
                  "procedure" : "DECOMPRESSION",
                  "method" : "firth",
                  "sha256" : "0cedf0e5965000fcbbfcd2b4fb5a3a87ad8bbee520316679744a4c6c17ee7ae8",
                  "cohort" : {
                    "n" : 18,
                    "events" : 13,
                    "source" : "reference-cohort.csv",
                    "reconstructed" : true,
                    "provenance" : "Reconstructed reference cohort: synthetic patients generated to match the published summary of the study (34 PVP, 18 decompression); NOT real patients. See models/cohort/README.md."
                  },
                  "card" : "/api/v1/models/decompression"
                },
                "warnings" : [ {
                  "code" : "RECONSTRUCTED_COHORT",
                  "message" : "The model was trained on a cohort reconstructed from published summary figures, not on real patients. Do not use it for clinical decisions."
                }, {
                  "code" : "UNSEEN_COMBINATION",
                  "message" : "This combination of the model's factors never occurs in the training cohort: the prediction extrapolates beyond the data."
                }, {
                  "code" : "UNINFORMATIVE_INTERVAL",
                  "message" : "The 95% confidence interval is wider than 0.5: the data cannot pin this patient's probability down, so the estimate is uninformative."
                }, {
                  "code" : "LOW_EVENTS_PER_VARIABLE",
                  "message" : "Only 0.8 events per variable (fewer than 10): the model is likely over-fitted and its predictions too extreme."
                } ]
              } ],
              "note" : "The two models were fitted on different patients, who were chosen for different operations. The difference between the two probabilities is therefore not a causal effect of choosing one operation over the other, and must not be read as one."
            }
            """;

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
              "detail": "5 problem(s) in the request; see errors.",
              "instance": "/api/v1/predictions",
              "errors": [
                {
                  "pointer": "/factors/malnutriton",
                  "detail": "unknown factor",
                  "allowed": "the factor ids malnutrition, poorPerformanceStatus, leukopenia, primaryTumorGrowth, targetedTherapy, metastasisDuringChemotherapy, primaryRadicallyResected, vertebraeInvolved, extraspinalBoneMetastasis, visceralMetastasis, postoperativeRadiotherapy, frankelGrade"
                },
                {
                  "pointer": "/factors/poorPerformanceStatus",
                  "detail": "must be a JSON boolean; got a string",
                  "allowed": "true or false (JSON booleans)"
                },
                {
                  "pointer": "/factors/metastasisDuringChemotherapy",
                  "detail": "must be a JSON boolean; got an integer",
                  "allowed": "true or false (JSON booleans)"
                },
                {
                  "pointer": "/factors/vertebraeInvolved",
                  "detail": "must be a JSON integer; got a number with a fraction or exponent",
                  "allowed": "a JSON integer from 1 to 25"
                },
                {
                  "pointer": "/factors/malnutrition",
                  "detail": "required by the PVP model",
                  "allowed": "true or false (JSON booleans)"
                }
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

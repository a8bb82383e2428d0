package io.spinemet.efficacy.measurement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RxNorm concepts (RXCUIs) of the agents the catalogue classifies, with their WHO ATC code, so that a medication coded
 * in RxNorm only (as US EHRs and mCODE code them) is classified by the same ATC rules as one coded in ATC:
 * {@link TargetedAgents} for {@code targetedTherapy}, {@link CytotoxicAgents} for the chemotherapy dates. An RXCUI
 * that is not here is not classified: the medication stays unclassifiable and what it would decide stays unknown.
 *
 * <p>Mostly ingredient concepts (term type IN). EHR orders are often coded at clinical-drug level (SCD, e.g.
 * "gefitinib 250 MG Oral Tablet"); only the SCDs listed below are known, others are unclassifiable until added.
 *
 * <p>Every RXCUI was confirmed in at least one public list that states it; none is from memory alone. The lists are
 * named per entry ({@link Evidence}); none of them could be checked against RxNav itself (no RxNav concept page was
 * reachable from this project's search tools), so a release of RxNorm that retires a code needs an edit here. ATC
 * codes follow the WHO ATC/DDD Index (the L01 codes as listed, e.g., by the HL7 Europe PanCareSurPass IG value set
 * {@code drugsAtc-eu-pcsp}).
 *
 * <p>Agents of the catalogue's groups that are deliberately absent because their RXCUI could not be confirmed are
 * listed in {@link #UNCONFIRMED}: send ATC codes for them.
 */
public final class RxNormAgents {

    /** Where an RXCUI was confirmed. */
    public enum Evidence {
        /** CPIC database drug table, drug ids {@code RxNorm:<RXCUI>} (github.com/cpicpgx/cpic-schema, drug.sql). */
        CPIC("CPIC drug table (cpicpgx/cpic-schema drug.sql)"),
        /**
         * NCI Neoplasm Core breast-cancer drugs mapped to RxNorm, column concept_code (github.com/CTS2OnFHIR/
         * CTS2OnFHIR.github.io, NeoplasmCore/cancerdrugs/Breast_Cancer_Drug_Core-RxNorm-Mappings.txt).
         */
        NEOPLASM_CORE("NCI Neoplasm Core breast-cancer drugs to RxNorm (CTS2OnFHIR)"),
        /** Both of the above agree. */
        CPIC_AND_NEOPLASM_CORE("CPIC drug table and NCI Neoplasm Core to RxNorm, agreeing"),
        /** HL7 mCODE IG example MedicationRequests (github.com/HL7/fhir-mCODE-ig, input/pagecontent). */
        MCODE_EXAMPLE("HL7 mCODE IG example MedicationRequest"),
        /**
         * Public oncology code lists found by exact-string code search (a paediatric-oncology data-model enumeration
         * {@code rxcui:<RXCUI>}; for pembrolizumab also an mCODE trial-matching test and a drug-description file);
         * their repositories are not named by the search index. Weaker than the named sources.
         */
        PUBLIC_CODE_LISTS("public oncology code lists (code search; weaker evidence)");

        private final String text;

        Evidence(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * One RxNorm concept.
     *
     * @param rxcui    the RXCUI
     * @param termType RxNorm term type: IN (ingredient) or SCD (clinical drug)
     * @param name     the RxNorm name
     * @param atc      its WHO ATC code (level 5)
     * @param evidence where the RXCUI was confirmed
     */
    public record Agent(String rxcui, String termType, String name, String atc, Evidence evidence) {
    }

    public static final List<Agent> AGENTS = List.of(
            // targeted therapy (TargetedAgents.GROUPS)
            new Agent("480167", "IN", "lapatinib", "L01EH01", Evidence.CPIC),
            new Agent("224905", "IN", "trastuzumab", "L01FD01", Evidence.NEOPLASM_CORE),
            new Agent("1298944", "IN", "pertuzumab", "L01FD02", Evidence.NEOPLASM_CORE),
            new Agent("1371041", "IN", "ado-trastuzumab emtansine", "L01FD03", Evidence.NEOPLASM_CORE),
            new Agent("357977", "IN", "sunitinib", "L01EX01", Evidence.CPIC),
            new Agent("714438", "IN", "pazopanib", "L01EX03", Evidence.CPIC),
            new Agent("349472", "SCD", "gefitinib 250 MG Oral Tablet", "L01EB01", Evidence.MCODE_EXAMPLE),
            // cytotoxic chemotherapy (CytotoxicAgents.GROUPS)
            new Agent("3002", "IN", "cyclophosphamide", "L01AA01", Evidence.CPIC_AND_NEOPLASM_CORE),
            new Agent("5657", "IN", "ifosfamide", "L01AA06", Evidence.PUBLIC_CODE_LISTS),
            new Agent("6851", "IN", "methotrexate", "L01BA01", Evidence.CPIC),
            new Agent("4492", "IN", "fluorouracil", "L01BC02", Evidence.CPIC_AND_NEOPLASM_CORE),
            new Agent("12574", "IN", "gemcitabine", "L01BC05", Evidence.CPIC),
            new Agent("194000", "IN", "capecitabine", "L01BC06", Evidence.CPIC_AND_NEOPLASM_CORE),
            new Agent("39541", "IN", "vinorelbine", "L01CA04", Evidence.PUBLIC_CODE_LISTS),
            new Agent("4179", "IN", "etoposide", "L01CB01", Evidence.CPIC),
            new Agent("56946", "IN", "paclitaxel", "L01CD01", Evidence.NEOPLASM_CORE),
            new Agent("72962", "IN", "docetaxel", "L01CD02", Evidence.NEOPLASM_CORE),
            new Agent("51499", "IN", "irinotecan", "L01CE02", Evidence.CPIC),
            new Agent("3639", "IN", "doxorubicin", "L01DB01", Evidence.NEOPLASM_CORE),
            new Agent("3995", "IN", "epirubicin", "L01DB03", Evidence.CPIC_AND_NEOPLASM_CORE),
            new Agent("2555", "IN", "cisplatin", "L01XA01", Evidence.CPIC),
            new Agent("40048", "IN", "carboplatin", "L01XA02", Evidence.CPIC),
            new Agent("32592", "IN", "oxaliplatin", "L01XA03", Evidence.CPIC),
            new Agent("309311", "SCD", "cisplatin 50 MG per 50 ML Injectable Solution", "L01XA01",
                    Evidence.MCODE_EXAMPLE),
            // anticancer agents that are not targeted therapy here: immunotherapy and endocrine therapy
            new Agent("1547545", "IN", "pembrolizumab", "L01FF02", Evidence.PUBLIC_CODE_LISTS),
            new Agent("1597876", "IN", "nivolumab", "L01FF01", Evidence.PUBLIC_CODE_LISTS),
            new Agent("10324", "IN", "tamoxifen", "L02BA01", Evidence.CPIC),
            new Agent("282357", "IN", "fulvestrant", "L02BA03", Evidence.NEOPLASM_CORE),
            new Agent("84857", "IN", "anastrozole", "L02BG03", Evidence.NEOPLASM_CORE),
            new Agent("72965", "IN", "letrozole", "L02BG04", Evidence.NEOPLASM_CORE));

    /** Named agents left out of {@link #AGENTS} because no public list confirming their RXCUI was found. */
    public static final String UNCONFIRMED = "osimertinib, erlotinib, afatinib, crizotinib, ceritinib, alectinib, "
            + "lorlatinib, neratinib, bevacizumab, ramucirumab, axitinib, sorafenib, regorafenib and lenvatinib "
            + "(targeted); ipilimumab, atezolizumab and abiraterone (not targeted)";

    private static final Map<String, Agent> BY_RXCUI = index();

    private RxNormAgents() {
    }

    private static Map<String, Agent> index() {
        Map<String, Agent> byRxcui = new LinkedHashMap<>();
        for (Agent a : AGENTS) {
            if (byRxcui.put(a.rxcui(), a) != null) {
                throw new IllegalStateException("RXCUI listed twice: " + a.rxcui());
            }
            if (!TargetedAgents.validCode(a.atc()) || a.atc().length() != 7) {
                throw new IllegalStateException("not a level-5 ATC code: " + a.atc());
            }
        }
        return Map.copyOf(byRxcui);
    }

    /** The agent of an RXCUI, if the table has it. */
    public static Optional<Agent> find(String rxcui) {
        return rxcui == null ? Optional.empty() : Optional.ofNullable(BY_RXCUI.get(rxcui.trim()));
    }
}

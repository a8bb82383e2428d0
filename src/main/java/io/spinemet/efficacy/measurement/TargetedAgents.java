package io.spinemet.efficacy.measurement;

import java.util.List;
import java.util.Optional;

/**
 * Which anticancer drugs count as "targeted therapy", by WHO ATC code (ATC/DDD Index 2024 structure, in which
 * L01E holds the protein kinase inhibitors and L01F the monoclonal antibodies).
 *
 * <p>The factor catalogue defines {@code targetedTherapy} as an EGFR/ALK tyrosine-kinase inhibitor, an anti-HER2
 * agent or an anti-VEGF/multikinase agent, excluding immunotherapy and endocrine therapy (data dictionary §2(5)). The
 * ATC groups that hold only such agents are {@link #GROUPS}: a drug counts when its level-5 code lies in one of them
 * (or that level-4 code is sent). Two groups hold such agents beside others, L01EX (other protein kinase inhibitors,
 * also single-target TRK, MET and RET inhibitors) and L01XX (other antineoplastic agents, with aflibercept): there
 * only the level-5 codes of {@link #AGENTS} count, and the level-4 code alone is refused because it cannot be decided.
 * Everything else, checkpoint inhibitors (L01FF, L01FX04) and endocrine therapy (L02) included, does not count.
 *
 * <p>Codes are refused (see {@link #problem}) rather than read as "not targeted" when they are not ATC codes (the
 * first letter is not one of the 14 anatomical main groups), when they are in L01XE or L01XC (retired in the 2022
 * revision: WHO moved the protein kinase inhibitors to L01E and the monoclonal antibodies to L01F, so an old
 * gefitinib L01XE02 or bevacizumab L01XC07 would otherwise silently count as "no targeted therapy"), or when they are
 * a level-4 code of a group in which only some agents count.
 */
public final class TargetedAgents {

    /** An ATC group that counts as a whole, with what it holds and named agents in it. */
    public record Group(String code, String name, List<String> examples) {
    }

    /** A level-5 ATC code that counts on its own, in a group where not every agent does. */
    public record Agent(String code, String name, String target) {

        /** The level-4 group the code lies in. */
        public String group() {
            return code.substring(0, 5);
        }
    }

    public static final List<Group> GROUPS = List.of(
            new Group("L01EB", "EGFR tyrosine kinase inhibitors",
                    List.of("gefitinib L01EB01", "erlotinib L01EB02", "afatinib L01EB03", "osimertinib L01EB04")),
            new Group("L01ED", "ALK tyrosine kinase inhibitors",
                    List.of("crizotinib L01ED01", "ceritinib L01ED02", "alectinib L01ED03", "lorlatinib L01ED05")),
            new Group("L01EH", "HER2 tyrosine kinase inhibitors", List.of("lapatinib L01EH01", "neratinib L01EH02")),
            new Group("L01FD", "HER2 inhibitors (monoclonal antibodies)",
                    List.of("trastuzumab L01FD01", "pertuzumab L01FD02", "trastuzumab emtansine L01FD03")),
            new Group("L01FG", "VEGF/VEGFR inhibitors (monoclonal antibodies)",
                    List.of("bevacizumab L01FG01", "ramucirumab L01FG02")),
            new Group("L01EK", "VEGFR tyrosine kinase inhibitors", List.of("axitinib L01EK01")));

    private static final String MULTIKINASE = "multikinase inhibitor with VEGFR among its targets";

    /**
     * The agents counted one by one: the VEGFR-targeting multikinase inhibitors of L01EX and the VEGF trap
     * aflibercept. Each code and name was checked against {@link #AGENTS_SOURCE}.
     */
    public static final List<Agent> AGENTS = List.of(
            new Agent("L01EX01", "sunitinib", MULTIKINASE),
            new Agent("L01EX02", "sorafenib", MULTIKINASE),
            new Agent("L01EX03", "pazopanib", MULTIKINASE),
            new Agent("L01EX04", "vandetanib", MULTIKINASE),
            new Agent("L01EX05", "regorafenib", MULTIKINASE),
            new Agent("L01EX07", "cabozantinib", MULTIKINASE),
            new Agent("L01EX08", "lenvatinib", MULTIKINASE),
            new Agent("L01EX09", "nintedanib", MULTIKINASE),
            new Agent("L01XX44", "aflibercept", "VEGF trap (anti-VEGF fusion protein)"));

    /** Where the codes and names of {@link #AGENTS} were checked. */
    public static final String AGENTS_SOURCE = "the Medizininformatik-Initiative value set "
            + "mii-vs-onko-systemische-therapie-substanzen-2024 (ATC codes validated against ATC-DE 2024, BfArM)";

    /** Agents the data dictionary names that have no code in {@link #AGENTS_SOURCE}, for the docs. */
    public static final String UNCODED = "icotinib and anlotinib, named by the data dictionary, have no code in the "
            + "ATC list checked: for a patient on one of them send the factor targetedTherapy directly";

    /** Groups that are explicitly not targeted therapy here, for the docs. */
    public static final List<String> NOT_COUNTED = List.of(
            "L01FF PD-1/PD-L1 inhibitors and L01FX04 ipilimumab (immunotherapy)",
            "L02 endocrine therapy (e.g. tamoxifen L02BA01, letrozole L02BG04, abiraterone L02BX03)",
            "cytotoxic chemotherapy (" + CytotoxicAgents.groupCodes() + ")",
            "other targeted classes the study's definition does not name (e.g. CDK4/6 L01EF, mTOR L01EG, PARP L01XK)",
            "single-target kinase inhibitors in L01EX (e.g. larotrectinib L01EX12 TRK, capmatinib L01EX17 MET, "
                    + "selpercatinib L01EX22 RET)");

    /** The 14 anatomical main groups of the ATC classification, the first letter of every code. */
    public static final String MAIN_GROUPS = "ABCDGHJLMNPRSV";

    /** Level-4 groups of the 2021 structure, retired in the 2022 revision (moved to L01E and L01F). */
    public static final List<String> RETIRED = List.of("L01XE", "L01XC");

    private TargetedAgents() {
    }

    /**
     * Whether a code has the form of an ATC code at level 4 ({@code L01EB}: a letter, two digits, two letters) or
     * level 5 ({@code L01EB01}: and two digits), in ASCII capitals and digits; not whether it may be used
     * ({@link #problem}). Checked character by character: this runs for every drug sent.
     */
    public static boolean validCode(String code) {
        if (code == null || code.length() != 5 && code.length() != 7) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            boolean letter = i == 0 || i == 3 || i == 4;
            if (letter ? c < 'A' || c > 'Z' : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Why a code that has the form of an ATC code cannot be classified, if it cannot. */
    public static Optional<String> problem(String code) {
        if (!validCode(code)) {
            return Optional.of("not a WHO ATC code at level 4 or 5");
        }
        if (MAIN_GROUPS.indexOf(code.charAt(0)) < 0) {
            return Optional.of("not a WHO ATC code: " + code.charAt(0) + " is not one of the 14 ATC anatomical "
                    + "main groups (" + String.join(", ", MAIN_GROUPS.split("")) + ")");
        }
        String group = code.substring(0, 5);
        if (RETIRED.contains(group)) {
            return Optional.of("ATC code " + code + " was retired in the 2022 ATC revision (L01XE protein kinase "
                    + "inhibitors moved to L01E, L01XC monoclonal antibodies to L01F): send the current code");
        }
        if (code.length() == 5 && splitGroups().contains(code)) {
            return Optional.of("ATC group " + code + " holds agents that count as targeted therapy ("
                    + agentCodes(code) + ") and agents that do not: send the level-5 code");
        }
        return Optional.empty();
    }

    /** The counting group of a valid ATC code, if it has one. */
    public static Optional<Group> groupOf(String code) {
        for (Group g : GROUPS) {   // loops, not streams, here and in targeted: they run for every drug sent
            if (code.startsWith(g.code())) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** Whether a code that has no {@link #problem} counts as targeted therapy. */
    public static boolean targeted(String code) {
        if (groupOf(code).isPresent()) {
            return true;
        }
        for (Agent a : AGENTS) {
            if (a.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** The groups' codes, joined, for rule text. */
    static String groupCodes() {
        return String.join(", ", GROUPS.stream().map(Group::code).toList());
    }

    /** The agents' codes, joined, for rule text. */
    static String agentCodes() {
        return String.join(", ", AGENTS.stream().map(Agent::code).toList());
    }

    /** The level-4 groups in which only the {@link #AGENTS} count. */
    public static List<String> splitGroups() {
        return AGENTS.stream().map(Agent::group).distinct().toList();
    }

    private static String agentCodes(String group) {
        return String.join(", ", AGENTS.stream().filter(a -> a.group().equals(group))
                .map(a -> a.name() + " " + a.code()).toList());
    }
}

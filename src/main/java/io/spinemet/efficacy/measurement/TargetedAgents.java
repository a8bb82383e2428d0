package io.spinemet.efficacy.measurement;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which anticancer drugs count as "targeted therapy", by WHO ATC code (ATC/DDD Index 2024 structure, in which
 * L01E holds the protein kinase inhibitors and L01F the monoclonal antibodies).
 *
 * <p>The factor catalogue defines {@code targetedTherapy} as an EGFR/ALK tyrosine-kinase inhibitor, an anti-HER2
 * agent or an anti-VEGF/multikinase agent, excluding immunotherapy and endocrine therapy (data dictionary §2(5)). The
 * ATC groups that hold exactly those agents are {@link #GROUPS}; a drug counts when its level-5 code lies in one of
 * them (or a level-4 group code is sent). Everything else, checkpoint inhibitors (L01FF, L01FX04) and endocrine
 * therapy (L02) included, does not count.
 */
public final class TargetedAgents {

    /** An ATC group that counts, with what it holds and named agents in it. */
    public record Group(String code, String name, List<String> examples) {
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
            new Group("L01EK", "VEGFR tyrosine kinase inhibitors", List.of("axitinib L01EK01")),
            new Group("L01EX", "Other protein kinase inhibitors (the multikinase inhibitors)",
                    List.of("sunitinib L01EX01", "sorafenib L01EX02", "pazopanib L01EX03", "regorafenib L01EX05",
                            "lenvatinib L01EX08")));

    /** Groups that are explicitly not targeted therapy here, for the docs. */
    public static final List<String> NOT_COUNTED = List.of(
            "L01FF PD-1/PD-L1 inhibitors and L01FX04 ipilimumab (immunotherapy)",
            "L02 endocrine therapy (e.g. tamoxifen L02BA01, letrozole L02BG04, abiraterone L02BX03)",
            "cytotoxic chemotherapy (" + CytotoxicAgents.groupCodes() + ")",
            "other targeted classes the study's definition does not name (e.g. CDK4/6 L01EF, mTOR L01EG, PARP L01XK)");

    /** An ATC code at level 4 ({@code L01EB}) or level 5 ({@code L01EB01}). */
    private static final Pattern ATC = Pattern.compile("[A-Z][0-9]{2}[A-Z]{2}([0-9]{2})?");

    private TargetedAgents() {
    }

    public static boolean validCode(String code) {
        return code != null && ATC.matcher(code).matches();
    }

    /** The counting group of a valid ATC code, if it has one. */
    public static Optional<Group> groupOf(String code) {
        String group = code.substring(0, 5);
        return GROUPS.stream().filter(g -> g.code().equals(group)).findFirst();
    }

    public static boolean targeted(String code) {
        return groupOf(code).isPresent();
    }

    /** The groups' codes, joined, for rule text. */
    static String groupCodes() {
        return String.join(", ", GROUPS.stream().map(Group::code).toList());
    }
}

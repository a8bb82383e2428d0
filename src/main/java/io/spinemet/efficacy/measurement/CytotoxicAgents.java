package io.spinemet.efficacy.measurement;

import java.util.List;

/**
 * Which anticancer drugs count as cytotoxic chemotherapy, by WHO ATC group (ATC/DDD Index 2024 structure): the
 * alkylating agents (L01A), antimetabolites (L01B), plant alkaloids and other natural products (L01C), cytotoxic
 * antibiotics and related substances (L01D) and the platinum compounds (L01XA). Their administrations date the
 * chemotherapy that {@code metastasisDuringChemotherapy} is derived from; none of them counts as targeted therapy
 * ({@link TargetedAgents}).
 */
public final class CytotoxicAgents {

    /** The ATC groups, each a prefix of its level-5 codes. */
    public static final List<String> GROUPS = List.of("L01A", "L01B", "L01C", "L01D", "L01XA");

    private CytotoxicAgents() {
    }

    /** Whether an ATC code (any level at or below its group) is a cytotoxic agent. */
    public static boolean cytotoxic(String atc) {
        for (String group : GROUPS) {
            if (atc.startsWith(group)) {
                return true;
            }
        }
        return false;
    }

    /** The groups for text: {@code L01A, L01B, L01C, L01D, L01XA}. */
    public static String groupCodes() {
        return String.join(", ", GROUPS);
    }
}

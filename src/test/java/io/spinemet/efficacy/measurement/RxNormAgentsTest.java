package io.spinemet.efficacy.measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The RxNorm table agrees with the ATC rules it feeds, and stays within what the catalogue classifies. */
class RxNormAgentsTest {

    @Test
    void everyAgentIsTargetedCytotoxicOrAnAnticancerAgentThatCountsAsNeither() {
        for (RxNormAgents.Agent a : RxNormAgents.AGENTS) {
            boolean targeted = TargetedAgents.targeted(a.atc());
            boolean cytotoxic = CytotoxicAgents.cytotoxic(a.atc());
            assertFalse(targeted && cytotoxic, a.name());
            if (!targeted && !cytotoxic) {
                // immunotherapy (L01FF) or endocrine therapy (L02): the classes the catalogue says do not count
                assertTrue(a.atc().startsWith("L01FF") || a.atc().startsWith("L02"), a.name());
            }
        }
    }

    @Test
    void publishedClassesOfNamedAgents() {
        // WHO ATC: lapatinib L01EH01 (HER2 TKI), trastuzumab L01FD01, sunitinib L01EX01, cisplatin L01XA01,
        // paclitaxel L01CD01, pembrolizumab L01FF02, tamoxifen L02BA01
        assertTrue(TargetedAgents.targeted(RxNormAgents.find("480167").orElseThrow().atc()));
        assertTrue(TargetedAgents.targeted(RxNormAgents.find("224905").orElseThrow().atc()));
        assertTrue(TargetedAgents.targeted(RxNormAgents.find("357977").orElseThrow().atc()));
        assertTrue(CytotoxicAgents.cytotoxic(RxNormAgents.find("2555").orElseThrow().atc()));
        assertTrue(CytotoxicAgents.cytotoxic(RxNormAgents.find("56946").orElseThrow().atc()));
        assertEquals("L01FF02", RxNormAgents.find("1547545").orElseThrow().atc());
        assertFalse(TargetedAgents.targeted("L01FF02"));
        assertFalse(TargetedAgents.targeted(RxNormAgents.find("10324").orElseThrow().atc()));
    }

    @Test
    void unknownBlankAndNullRxcuisAreNotFound() {
        for (String rxcui : new String[] {"6809", "", "L01EH01", "0480167x"}) {
            assertTrue(RxNormAgents.find(rxcui).isEmpty(), rxcui);
        }
        assertTrue(RxNormAgents.find(null).isEmpty());
    }

    @Test
    void cytotoxicGroupsAreTheWhoOnes() {
        assertEquals(Set.of("L01A", "L01B", "L01C", "L01D", "L01XA"), Set.copyOf(CytotoxicAgents.GROUPS));
        assertTrue(CytotoxicAgents.cytotoxic("L01XA02")); // carboplatin
        assertFalse(CytotoxicAgents.cytotoxic("L01XE01")); // old code of imatinib: L01X but not platinum
        assertFalse(CytotoxicAgents.cytotoxic("L01EB04")); // osimertinib
    }
}

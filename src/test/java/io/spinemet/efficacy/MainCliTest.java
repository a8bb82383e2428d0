package io.spinemet.efficacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The command line refuses what it does not know instead of starting the server on port 8080. */
class MainCliTest {

    @Test
    void unknownCommandsAndOptionsAreRefused() {
        assertEquals("unknown command 'trian'", Main.refused("trian", "--cohort", "x.csv"));
        assertEquals("unknown option '--port'", Main.refused("--port", "9000"));
        assertEquals("unknown command 'serve-now'", Main.refused("serve-now"));
    }

    @Test
    void knownCommandsAndNoArgumentsPass() {
        assertNull(Main.refused());
        assertNull(Main.refused("train", "--help"));
        assertNull(Main.refused("reference-cohort"));
    }

    @Test
    void usageNamesEveryCommand() {
        for (String c : new String[] {"serve", "train", "reference-cohort", "--help", "--version"}) {
            org.junit.jupiter.api.Assertions.assertTrue(Main.USAGE.contains(c), c);
        }
    }
}

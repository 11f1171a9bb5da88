package meshplay.modules.cluster;

import static meshplay.modules.cluster.LinkFileTest.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UdevRulesFileTest {
    @Test
    void rendersTheGuideRule() {
        assertEquals("ACTION==\"move\", SUBSYSTEM==\"net\", KERNEL==\"en05\", RUN+=\"/usr/local/bin/pve-en05.sh\"",
                UdevRulesFile.render(map("ACTION", "move", "SUBSYSTEM", "net", "KERNEL", "en05"), map("RUN+", "/usr/local/bin/pve-en05.sh")));
    }

    @Test
    void suffixesChooseOperatorsAndListsBecomeAlternatives() {
        assertEquals("ACTION==\"add|move\", KERNEL!=\"lo\", ATTR{address}==\"aa:bb\", NAME:=\"en05\", TAG-=\"systemd\", OPTIONS+=\"last_rule\", ENV{X}=\"1\"",
                UdevRulesFile.render(map("ACTION", List.of("add", "move"), "KERNEL!", "lo", "ATTR{address}", "aa:bb"),
                        map("NAME:", "en05", "TAG-", "systemd", "OPTIONS+", "last_rule", "ENV{X}", 1)));
        assertEquals("RUN{builtin}+=\"net_id\"", UdevRulesFile.render(map(), map("RUN{builtin}+", "net_id")));
    }

    @Test
    void unknownKeysAndWrongOperatorsAreRejected() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> UdevRulesFile.render(map("KERNAL", "en05"), map()));
        assertTrue(unknown.getMessage().contains("'KERNAL' is not a udev match key; valid match keys: ACTION, DEVPATH, KERNEL"), unknown.getMessage());
        IllegalArgumentException assignOnly = assertThrows(IllegalArgumentException.class, () -> UdevRulesFile.render(map("RUN", "x"), map()));
        assertTrue(assignOnly.getMessage().contains("not a udev match key"), assignOnly.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UdevRulesFile.render(map("KERNEL+", "x"), map()));
        assertThrows(IllegalArgumentException.class, () -> UdevRulesFile.render(map(), map("NAME!", "x")));
        IllegalArgumentException add = assertThrows(IllegalArgumentException.class, () -> UdevRulesFile.render(map(), map("NAME+", "x")));
        assertTrue(add.getMessage().contains("+= adds to list keys only"), add.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UdevRulesFile.render(map(), map("MODE-", "0600")));
        assertThrows(IllegalArgumentException.class, () -> UdevRulesFile.render(map(), map("GOTO:", "end")));
        IllegalArgumentException braces = assertThrows(IllegalArgumentException.class, () -> UdevRulesFile.render(map("ATTR", "x"), map()));
        assertTrue(braces.getMessage().contains("needs a {name} part"), braces.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UdevRulesFile.render(map("KERNEL{x}", "x"), map()));
        assertThrows(IllegalArgumentException.class, () -> UdevRulesFile.render(map(), map("IMPORT{shell}", "x")));
        assertThrows(IllegalArgumentException.class, () -> UdevRulesFile.render(map("KERNEL", "a\"b"), map()));
        assertThrows(IllegalArgumentException.class, () -> UdevRulesFile.render(map(), map()));
    }

    @Test
    void parsingIgnoresSpacingButNotValues() {
        String guide = "ACTION==\"move\", SUBSYSTEM==\"net\", KERNEL==\"en05\", RUN+=\"/usr/local/bin/pve-en05.sh\"\n";
        String spaced = "\n  ACTION == \"move\" ,SUBSYSTEM==\"net\",   KERNEL==\"en05\", RUN += \"/usr/local/bin/pve-en05.sh\"  \n\n";
        assertEquals(UdevRulesFile.meaning(guide), UdevRulesFile.meaning(spaced));
        assertNotEquals(UdevRulesFile.meaning(guide), UdevRulesFile.meaning(guide.replace("en05\"", "en06\"")));
        assertNotEquals(UdevRulesFile.meaning(guide), UdevRulesFile.meaning(guide.replace("RUN+=", "RUN=")));
        assertEquals(UdevRulesFile.meaning(guide), UdevRulesFile.meaning("ACTION==\"move\", SUBSYSTEM==\"net\", \\\n  KERNEL==\"en05\", RUN+=\"/usr/local/bin/pve-en05.sh\"\n"));
        assertNotEquals(UdevRulesFile.meaning("RUN+=\"a\\nb\"\n"), UdevRulesFile.meaning("RUN+=e\"a\\nb\"\n"), "an e-prefix changes the value");
        assertNull(UdevRulesFile.parseRule("# a comment"));
        assertNull(UdevRulesFile.parseRule("not a rule"));
        assertEquals(List.of("# tb4"), UdevRulesFile.meaning("   # tb4  \n"));
    }
}

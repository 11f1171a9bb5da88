package meshplay.modules.cluster;

import static meshplay.modules.cluster.LinkFileTest.map;
import static meshplay.modules.cluster.Runs.check;
import static meshplay.modules.cluster.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import meshplay.engine.error.UserError;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UdevRuleModuleTest extends TempRootTest {
    static final String GUIDE = "ACTION==\"move\", SUBSYSTEM==\"net\", KERNEL==\"en05\", RUN+=\"/usr/local/bin/pve-en05.sh\"\n"
            + "ACTION==\"move\", SUBSYSTEM==\"net\", KERNEL==\"en06\", RUN+=\"/usr/local/bin/pve-en06.sh\"\n";
    FakeTools tools;
    final UdevRuleModule udev = new UdevRuleModule();

    @BeforeEach
    void setUp() throws Exception {
        tools = new FakeTools(root);
    }

    static List<Object> guideRules() {
        return List.of(
                map("match", map("ACTION", "move", "SUBSYSTEM", "net", "KERNEL", "en05"), "assign", map("RUN+", "/usr/local/bin/pve-en05.sh")),
                map("match", map("ACTION", "move", "SUBSYSTEM", "net", "KERNEL", "en06"), "assign", map("RUN+", "/usr/local/bin/pve-en06.sh")));
    }

    @Test
    void writesTheGuideRulesFileAndReloadsOnce() throws Exception {
        Outcome first = run(udev, conn, "name", "tb-en", "rules", guideRules());
        assertTrue(first.changed());
        assertEquals(GUIDE, root.read("/etc/udev/rules.d/10-tb-en.rules"));
        assertEquals(List.of("udevadm control --reload-rules"), tools.calls());
        tools.clear();
        assertFalse(run(udev, conn, "name", "tb-en", "rules", guideRules()).changed());
        assertEquals(List.of(), tools.calls());
    }

    @Test
    void rawLinesAreEquivalentToStructuredRules() throws Exception {
        root.file("/etc/udev/rules.d/10-tb-en.rules", GUIDE.replace(", ", ",  "));
        assertFalse(run(udev, conn, "name", "tb-en", "rules", guideRules()).changed(), "spacing is not a difference");
        List<Object> raw = List.of(GUIDE.split("\n")[0], GUIDE.split("\n")[1]);
        assertFalse(run(udev, conn, "name", "tb-en", "rules", raw).changed());
        assertEquals(List.of(), tools.calls());
    }

    @Test
    void checkRunPredictsWriteAndReloadButDoesNeither() throws Exception {
        Outcome predicted = check(udev, conn, "name", "tb-en", "rules", guideRules());
        assertTrue(predicted.changed());
        assertEquals(2, predicted.plan().changes().size());
        assertEquals("udevadm control --reload-rules", predicted.plan().changes().get(1).summary());
        assertEquals(GUIDE, predicted.plan().diffs().get(0).after());
        assertFalse(root.exists("/etc/udev/rules.d/10-tb-en.rules"));
        assertEquals(List.of(), tools.calls());
    }

    @Test
    void reloadFalseOnlyWritesAndAbsentRemoves() throws Exception {
        assertTrue(run(udev, conn, "path", "/etc/udev/rules.d/10-tb-en.rules", "rules", guideRules(), "reload", false).changed());
        assertEquals(List.of(), tools.calls());
        assertTrue(run(udev, conn, "path", "/etc/udev/rules.d/10-tb-en.rules", "state", "absent").changed());
        assertFalse(root.exists("/etc/udev/rules.d/10-tb-en.rules"));
        assertEquals(List.of("udevadm control --reload-rules"), tools.calls());
    }

    @Test
    void failingReloadFailsTheTask() throws Exception {
        tools.failing("udevadm", "Failed to send reload request: No such file or directory");
        ModuleFailure f = assertThrows(ModuleFailure.class, () -> run(udev, conn, "name", "tb-en", "rules", guideRules()));
        assertTrue(f.getMessage().contains("Failed to send reload request"), f.getMessage());
    }

    @Test
    void badRulesNameTheItemAndTheKey() {
        UserError key = assertThrows(UserError.class, () -> run(udev, conn, "name", "tb-en",
                "rules", List.of(map("match", map("SUBSYSTEM", "net", "KERNAL", "en05"), "assign", map("RUN+", "/x")))));
        assertTrue(key.getMessage().contains("argument 'rules' of module 'udev-rule': item 1: 'KERNAL' is not a udev match key"), key.getMessage());
        UserError extra = assertThrows(UserError.class, () -> run(udev, conn, "name", "tb-en", "rules", List.of("# ok", map("when", "x"))));
        assertTrue(extra.getMessage().contains("item 2: unknown key 'when'"), extra.getMessage());
        UserError none = assertThrows(UserError.class, () -> run(udev, conn, "name", "tb-en", "rules", List.of()));
        assertTrue(none.getMessage().contains("no rules given"), none.getMessage());
        UserError name = assertThrows(UserError.class, () -> run(udev, conn, "name", "tb en", "rules", List.of("# x")));
        assertTrue(name.getMessage().contains("argument 'name'"), name.getMessage());
    }
}

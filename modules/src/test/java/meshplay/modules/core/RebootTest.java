package meshplay.modules.core;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** reboot against fake reboot commands that only change a boot id file under the temp root. */
class RebootTest extends TempRootTest {
    String fakeReboot;
    String fakeNoReboot;
    /** The boot id under the temp root, not the host's. */
    static final String BOOT_ID = "cat \"$MESHPLAY_TEST_ROOT" + RebootModule.BOOT_ID + "\"";

    @BeforeEach
    void setUp() throws Exception {
        root.file(RebootModule.BOOT_ID, "11111111-old\n");
        root.fakeTool("fake-reboot", "echo 22222222-new > \"$MESHPLAY_TEST_ROOT/proc/sys/kernel/random/boot_id\"; echo rebooted >> \"$MESHPLAY_TEST_ROOT/reboots\"");
        root.fakeTool("fake-hang", "true");
        // absolute paths: never the host's own reboot
        fakeReboot = dir.resolve("fakebin/fake-reboot").toString();
        fakeNoReboot = dir.resolve("fakebin/fake-hang").toString();
    }

    @Test
    void checkModePredictsARebootWithoutOne() throws Exception {
        Outcome o = check(new RebootModule(), args("reboot_command", fakeReboot), conn);
        assertTrue(o.changed());
        assertEquals(1, o.plan().changes().size());
        assertFalse(root.exists("/reboots"));
        assertTrue(check(new RebootModule(), args("reboot_command", fakeReboot), conn).changed(), "a reboot is always a change");
    }

    @Test
    void rebootsAndWaitsForANewBootId() throws Exception {
        Outcome o = apply(new RebootModule(), args("reboot_command", fakeReboot, "test_command", "true", "reboot_timeout", 30, "boot_time_command", BOOT_ID), conn);
        assertTrue(o.changed());
        assertEquals(true, o.result().data().get("rebooted"));
        assertTrue(o.result().data().get("elapsed") instanceof Long);
        assertEquals("22222222-new\n", root.read(RebootModule.BOOT_ID));
        assertEquals("rebooted\n", root.read("/reboots"));
    }

    @Test
    void failsWhenTheHostDoesNotComeBackWithANewBoot() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> apply(new RebootModule(),
                args("reboot_command", fakeNoReboot, "test_command", "true", "reboot_timeout", 2, "boot_time_command", BOOT_ID), conn));
        assertTrue(e.getMessage().contains("Timed out waiting for testhost to come back"), e.getMessage());
        assertEquals(false, e.data().get("rebooted"));
    }

    @Test
    void refusesWithoutABootIdToCompare() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> apply(new RebootModule(),
                args("reboot_command", fakeReboot, "boot_time_command", "true"), conn));
        assertTrue(e.getMessage().contains("gave no output"), e.getMessage());
        assertFalse(root.exists("/reboots"));
    }

    @Test
    void badArguments() {
        rejects(new RebootModule(), args("reboot_timeout", "ten minutes"), conn, "not a whole number");
        rejects(new RebootModule(), args("reboot_timout", 60), conn, "Invalid options for reboot: reboot_timout");
    }
}

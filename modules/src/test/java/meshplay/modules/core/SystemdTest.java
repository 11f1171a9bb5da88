package meshplay.modules.core;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleRegistry;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** systemd against a fake systemctl that keeps unit state under the temp root. */
class SystemdTest extends TempRootTest {
    final SystemdModule module = new SystemdModule();

    @BeforeEach
    void setUp() throws Exception {
        root.fakeTool("systemctl", """
                d="$MESHPLAY_TEST_ROOT/fakesystemd"
                echo "$*" >> "$MESHPLAY_TEST_ROOT/systemctl.log"
                verb=$1; u=$2
                case "$verb" in
                  show)
                    if [ ! -d "$d/$u" ]; then printf 'LoadState=not-found\\nActiveState=inactive\\nSubState=dead\\nUnitFileState=\\n'; exit 0; fi
                    if [ -f "$d/$u/masked" ]; then load=masked; uf=masked; else load=loaded; uf=$(cat "$d/$u/enabled"); fi
                    printf 'LoadState=%s\\nActiveState=%s\\nSubState=x\\nUnitFileState=%s\\n' "$load" "$(cat "$d/$u/active")" "$uf";;
                  start|restart|reload)
                    if [ -f "$d/$u/masked" ]; then echo "Failed to start $u: Unit $u is masked." >&2; exit 1; fi
                    echo active > "$d/$u/active";;
                  stop) echo inactive > "$d/$u/active";;
                  enable) echo enabled > "$d/$u/enabled";;
                  disable) echo disabled > "$d/$u/enabled";;
                  mask) touch "$d/$u/masked";;
                  unmask) rm -f "$d/$u/masked";;
                  daemon-reload) for p in "$d"/.new/*; do if [ -e "$p" ]; then mv "$p" "$d/"; fi; done;;
                esac""");
        unit("frr.service", "inactive", "disabled");
    }

    private void unit(String name, String active, String enabled) throws Exception {
        root.file("/fakesystemd/" + name + "/active", active + "\n");
        root.file("/fakesystemd/" + name + "/enabled", enabled + "\n");
    }

    private String log() throws Exception {
        return root.exists("/systemctl.log") ? root.read("/systemctl.log") : "";
    }

    @Test
    void startAndEnableOnce() throws Exception {
        Map<String, Object> a = args("name", "frr.service", "state", "started", "enabled", true);
        Outcome checked = check(module, a, conn);
        assertEquals(List.of(Diff.state("frr.service enabled", false, true), Diff.state("frr.service state", "inactive", "active")),
                checked.plan().diffs());
        assertFalse(log().contains("start"), "check mode only reads");
        Outcome first = apply(module, a, conn);
        assertEquals(checked.plan().diffs(), first.plan().diffs());
        assertTrue(log().contains("enable frr.service\nstart frr.service\n"), log());
        assertEquals("active\n", root.read("/fakesystemd/frr.service/active"));
        assertFalse(apply(module, a, conn).changed());
    }

    @Test
    void stopDisableAndAlwaysRestart() throws Exception {
        unit("frr.service", "active", "enabled");
        Outcome stop = apply(module, args("name", "frr.service", "state", "stopped", "enabled", false), conn);
        assertEquals(2, stop.plan().changes().size());
        assertFalse(apply(module, args("name", "frr.service", "state", "stopped", "enabled", false), conn).changed());
        unit("frr.service", "active", "enabled");
        assertTrue(apply(module, args("name", "frr.service", "state", "restarted"), conn).changed());
        assertTrue(apply(module, args("name", "frr.service", "state", "restarted"), conn).changed());
        assertTrue(log().contains("restart frr.service"));
        Outcome reload = apply(module, args("name", "frr.service", "state", "reloaded"), conn);
        assertEquals("systemctl reload frr.service", reload.plan().changes().get(0).summary());
    }

    @Test
    void maskAndFailureToStart() throws Exception {
        Outcome o = apply(module, args("name", "frr.service", "masked", true), conn);
        assertEquals(List.of(Diff.state("frr.service masked", false, true)), o.plan().diffs());
        assertFalse(apply(module, args("name", "frr.service", "masked", true), conn).changed());
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> apply(module, args("name", "frr.service", "state", "started"), conn));
        assertTrue(e.getMessage().contains("is masked"), e.getMessage());
    }

    @Test
    void unknownUnitFailsUnlessDaemonReloadBringsItIn() throws Exception {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> check(module, args("name", "new.service", "state", "started"), conn));
        assertTrue(e.getMessage().contains("Could not find the requested service new.service"));
        root.file("/fakesystemd/.new/new.service/active", "inactive\n");
        root.file("/fakesystemd/.new/new.service/enabled", "disabled\n");
        Outcome o = apply(module, args("name", "new.service", "state", "started", "daemon_reload", true), conn);
        assertTrue(o.changed());
        assertTrue(log().contains("daemon-reload\nstart new.service\n"), log());
        assertFalse(apply(module, args("name", "new.service", "state", "started"), conn).changed());
    }

    @Test
    void daemonReloadAloneIsNotAChangeAndIsSkippedInCheckMode() throws Exception {
        assertFalse(check(module, args("daemon_reload", true), conn).changed());
        assertFalse(log().contains("daemon-reload"));
        Outcome o = apply(module, args("daemon_reload", true), conn);
        assertFalse(o.changed());
        assertTrue(log().contains("daemon-reload"));
    }

    @Test
    void staticUnitsAreNeitherEnabledNorDisabled() throws Exception {
        unit("getty-static.service", "active", "static");
        assertFalse(check(module, args("name", "getty-static.service", "enabled", false), conn).changed());
        assertFalse(check(module, args("name", "getty-static.service", "enabled", true), conn).changed());
    }

    @Test
    void registeredUnderServiceAlias() {
        ModuleRegistry registry = ModuleRegistry.load();
        assertEquals("systemd", registry.find("service").name());
        assertEquals("systemd", registry.find("ansible.builtin.systemd_service").name());
    }

    @Test
    void badArguments() {
        rejects(module, args("name", "x", "state", "running"), conn, "is not one of");
        rejects(module, args("name", "x", "enabled", "at boot"), conn, "not a boolean");
        rejects(module, args("name", "x", "scope", "user"), conn, ") module: scope.");
        assertThrows(ModuleFailure.class, () -> check(module, args("name", "frr.service"), conn));
        assertThrows(ModuleFailure.class, () -> check(module, args("state", "started"), conn));
    }
}

package meshplay.modules.core;

import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.rejects;
import static meshplay.modules.core.Runs.withVars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import meshplay.engine.module.PlanKind;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import meshplay.engine.yaml.Unsafe;
import org.junit.jupiter.api.Test;

class DebugTest extends TempRootTest {
    @Test
    void msgVarAndDefault() throws Exception {
        Outcome o = withVars(new DebugModule(), args("msg", List.of("a", 1)), conn, false, Map.of());
        assertFalse(o.changed());
        assertEquals(List.of("a", 1), o.result().data().get("msg"));
        o = withVars(new DebugModule(), args("var", "osds"), conn, false, Map.of("osds", List.of(0, 1)));
        assertEquals(List.of(0, 1), o.result().data().get("osds"));
        o = withVars(new DebugModule(), args("var", "missing"), conn, false, Map.of());
        assertEquals(DebugModule.UNDEFINED, o.result().data().get("missing"));
        assertEquals("Hello world!", withVars(new DebugModule(), args(), conn, true, Map.of()).plan().data().get("msg"));
        assertEquals(PlanKind.CONTROLLER_ONLY, new DebugModule().kind());
    }

    @Test
    void unsafeVarTextIsPrintedNotEvaluated() throws Exception {
        // "osds" is a variable: evaluated, it would be the list; as a host's text it is shown as Ansible shows it
        Object hostText = Unsafe.mark("osds");
        Outcome o = withVars(new DebugModule(), args("var", hostText), conn, false, Map.of("osds", List.of(0, 1)));
        assertEquals("{{osds}}", o.result().data().get("osds"));
    }

    @Test
    void verbosityThreshold() throws Exception {
        Outcome quiet = withVars(new DebugModule(), args("msg", "x", "verbosity", 2), conn, false, Map.of("ansible_verbosity", 1));
        assertEquals(true, quiet.result().data().get("skipped"));
        Outcome shown = withVars(new DebugModule(), args("msg", "x", "verbosity", 2), conn, false, Map.of("ansible_verbosity", 2));
        assertEquals("x", shown.result().data().get("msg"));
    }

    @Test
    void badArguments() {
        rejects(new DebugModule(), args("msg", "a", "var", "b"), conn, "cannot be used together");
        rejects(new DebugModule(), args("msg", "a", "verbosity", "high"), conn, "not a whole number");
        rejects(new DebugModule(), args("mesage", "a"), conn, "Invalid options for debug: mesage");
    }
}

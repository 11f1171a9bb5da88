package meshplay.modules.core;

import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.rejects;
import static meshplay.modules.core.Runs.withVars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.Test;

class AssertTest extends TempRootTest {
    /** The harness evaluates an expression by looking it up as a variable name; these stand for evaluated expressions. */
    final Map<String, Object> vars = Map.of("mtu_ok", true, "osd_count == 3", 3, "empty", List.of(), "no_word", "no", "zero", 0);

    @Test
    void passesWhenAllTrue() throws Exception {
        Outcome o = withVars(new AssertModule(), args("that", List.of("mtu_ok", "osd_count == 3")), conn, false, vars);
        assertFalse(o.changed());
        assertEquals("All assertions passed", o.result().data().get("msg"));
        Outcome quiet = withVars(new AssertModule(), args("that", "mtu_ok", "quiet", true, "success_msg", "fine"), conn, false, vars);
        assertNull(quiet.result().data().get("msg"));
    }

    @Test
    void failureNamesTheFalseExpression() {
        for (String falsy : List.of("empty", "zero")) {
            ModuleFailure e = assertThrows(ModuleFailure.class,
                    () -> withVars(new AssertModule(), args("that", List.of("mtu_ok", falsy)), conn, true, vars));
            assertEquals("assertion failed: " + falsy, e.getMessage());
            assertEquals(falsy, e.data().get("assertion"));
        }
        ModuleFailure custom = assertThrows(ModuleFailure.class,
                () -> withVars(new AssertModule(), args("that", "zero", "fail_msg", "MTU is wrong"), conn, false, vars));
        assertEquals("MTU is wrong", custom.getMessage());
        ModuleFailure alias = assertThrows(ModuleFailure.class,
                () -> withVars(new AssertModule(), args("that", "zero", "msg", "via msg"), conn, false, vars));
        assertEquals("via msg", alias.getMessage());
    }

    @Test
    void textIsTrueEvenWhenItSaysNo() throws Exception {
        // as ansible-playbook's `assert: that: "'no'"`: a condition is judged as `when` judges it, and text that is not empty is true
        Outcome o = withVars(new AssertModule(), args("that", List.of("no_word")), conn, false, vars);
        assertEquals("All assertions passed", o.result().data().get("msg"));
    }

    @Test
    void badArguments() {
        rejects(new AssertModule(), args("fail_msg", "x"), conn, "requires argument 'that'");
        rejects(new AssertModule(), args("that", "a", "quiet", "mostly"), conn, "not a boolean");
        rejects(new AssertModule(), args("that", "a", "those", "b"), conn, "Invalid options for assert: those");
        rejects(new AssertModule(), args("that", Map.of("a", 1)), conn, "expected a string");
    }
}

package meshplay.modules.core;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import meshplay.engine.module.PlanKind;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.Test;

/** Tests run without a terminal (System.console() is null), the case of CI and piped runs. */
class PauseTest extends TempRootTest {
    @Test
    void sleepsForSecondsAndReportsOk() throws Exception {
        Outcome o = apply(new PauseModule(), args("seconds", 1, "prompt", "waiting for OSDs"), conn);
        assertFalse(o.changed());
        assertEquals("", o.result().data().get("user_input"));
        assertEquals(PlanKind.CONTROLLER_ONLY, new PauseModule().kind());
    }

    @Test
    void promptWithoutTerminalDoesNotBlock() throws Exception {
        Outcome o = apply(new PauseModule(), args("prompt", "Press enter"), conn);
        assertEquals("no terminal: not waiting for input", o.result().data().get("msg"));
        assertNull(check(new PauseModule(), args("minutes", 10), conn).result(), "check mode does not wait");
    }

    @Test
    void badArguments() {
        rejects(new PauseModule(), args("seconds", 1, "minutes", 1), conn, "cannot be used together");
        rejects(new PauseModule(), args("seconds", "a while"), conn, "not a whole number");
    }
}

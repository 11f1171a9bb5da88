package meshplay.modules.core;

import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import meshplay.engine.module.PlanKind;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.Test;

class FailTest extends TempRootTest {
    @Test
    void failsWithMessageInCheckModeToo() throws Exception {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> check(new FailModule(), args("msg", "ring not closed"), conn));
        assertEquals("ring not closed", e.getMessage());
        e = assertThrows(ModuleFailure.class, () -> Runs.apply(new FailModule(), args(), conn));
        assertEquals("Failed as requested from task", e.getMessage());
        assertEquals(PlanKind.CONTROLLER_ONLY, new FailModule().kind());
        rejects(new FailModule(), args("message", "x"), conn, "Invalid options for fail: message");
        rejects(new FailModule(), args("msg", java.util.List.of("x")), conn, "expected a string");
    }
}

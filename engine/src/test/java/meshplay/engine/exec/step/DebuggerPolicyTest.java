package meshplay.engine.exec.step;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import meshplay.engine.result.TaskResult;
import org.junit.jupiter.api.Test;

class DebuggerPolicyTest {
    /** The debugger keyword's value, as the dispatcher hands it over once evaluated. */
    private static String kw(String v) {
        return v;
    }

    private static final List<TaskResult> FAILED = List.of(TaskResult.ok(), TaskResult.failed("boom"));
    private static final List<TaskResult> OK = List.of(TaskResult.ok());

    @Test
    void theOptionMeansOnFailedAndTheKeywordWins() {
        assertTrue(DebuggerPolicy.opens(null, true, FAILED));
        assertFalse(DebuggerPolicy.opens(null, true, OK));
        assertFalse(DebuggerPolicy.opens(null, false, FAILED));
        assertFalse(DebuggerPolicy.opens(kw("never"), true, FAILED));
        assertTrue(DebuggerPolicy.opens(kw("on_failed"), false, FAILED));
        assertTrue(DebuggerPolicy.opens(kw("always"), false, OK));
        assertTrue(DebuggerPolicy.opens(kw("on_skipped"), false, List.of(TaskResult.skipped("no"))));
        assertTrue(DebuggerPolicy.opens(kw("on_unreachable"), false, List.of(TaskResult.unreachable("gone"))));
    }

    @Test
    void anIgnoredFailureDoesNotOpenIt() {
        assertFalse(DebuggerPolicy.opens(null, true, List.of(TaskResult.failed("boom").toBuilder().ignored(true).build())));
    }
}

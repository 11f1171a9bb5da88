package meshplay.engine.exec;

import static meshplay.engine.exec.Y.map;
import static meshplay.engine.exec.Y.play;
import static meshplay.engine.exec.Y.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** until as ansible-core 2.14 runs it: what a task that ran out of retries registers, and retries of 0. */
class UntilTest {
    private final Fixture f = new Fixture();

    @Test
    void untilUsedUpRegistersFailedEvenWhenAFalseFailedWhenKeepsTheTaskOk() {
        f.hosts("h1");
        f.run(play("web", List.of(task("c", "counter", map(), "register", "r", "until", "r.n >= 9", "retries", 1, "delay", 0,
                        "failed_when", false),
                task("show", "probe", map("name", "{{ r.failed }} {{ r is failed }} {{ r.attempts }}"))), List.of()));
        assertFalse(f.result("c", "h1").failed());
        assertEquals(0, f.stats("h1").failed());
        assertEquals(List.of("True True 1"), TestModules.calledNames("h1"));
    }

    @Test
    void untilWithRetriesZeroRunsOnceAndIsNotEvaluated() {
        f.hosts("h1");
        f.run(play("web", List.of(task("c", "counter", map(), "register", "r", "until", "r.n >= 9", "retries", 0, "delay", 0),
                task("show", "probe", map("name", "{{ r.failed }} {{ r.attempts }}"))), List.of()));
        assertFalse(f.result("c", "h1").failed());
        assertEquals(List.of("False 1"), TestModules.calledNames("h1"));
    }
}

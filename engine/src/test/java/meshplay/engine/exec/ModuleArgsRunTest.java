package meshplay.engine.exec;

import static meshplay.engine.exec.Y.block;
import static meshplay.engine.exec.Y.map;
import static meshplay.engine.exec.Y.play;
import static meshplay.engine.exec.Y.probe;
import static meshplay.engine.exec.Y.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import meshplay.engine.error.ExitCode;
import meshplay.engine.exec.play.Runner;
import meshplay.engine.model.TaskItem;
import org.junit.jupiter.api.Test;

/** Module arguments are checked when the task runs, as Ansible's modules check them: an unknown one fails only a task that runs. */
class ModuleArgsRunTest {
    private final Fixture f = new Fixture();

    @Test
    void anUnknownArgumentFailsOnlyATaskThatRunsAndIsRescuable() {
        f.hosts("h1");
        List<TaskItem> tasks = List.of(task("never", "probe", map("nmae", "x"), "when", false),
                block(List.of(task("bad", "probe", map("name", "x", "colour", "red", "bogus", 1))), List.of(probe("rescued")), List.of()),
                task("ignored", "probe", map("nmae", "x"), "ignore_errors", true), probe("after"));
        Runner.Outcome out = f.run(play("web", tasks, List.of()));
        assertTrue(f.result("never", "h1").skipped());
        assertTrue(f.result("bad", "h1").msg().startsWith("Unsupported parameters for (probe) module: bogus, colour."), f.result("bad", "h1").msg());
        assertEquals(List.of("rescued", "after"), TestModules.calledNames("h1"));
        assertEquals(ExitCode.OK, out.exitCode());
    }
}

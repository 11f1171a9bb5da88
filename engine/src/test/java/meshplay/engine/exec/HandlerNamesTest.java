package meshplay.engine.exec;

import static meshplay.engine.exec.Y.changing;
import static meshplay.engine.exec.Y.map;
import static meshplay.engine.exec.Y.play;
import static meshplay.engine.exec.Y.probe;
import static meshplay.engine.exec.Y.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.RunAbort;
import meshplay.engine.model.Task;
import meshplay.engine.model.TaskItem;
import org.junit.jupiter.api.Test;

/** notify against handler names: a missing handler ends the run when a change notifies it; templated handler names. */
class HandlerNamesTest {
    private final Fixture f = new Fixture();

    @Test
    void aChangeNotifyingNoHandlerEndsTheRunWithExitOne() {
        f.hosts("h1");
        List<TaskItem> tasks = List.of(probe("quiet", "notify", "restart ngnix"), changing("a", "notify", "restart ngnix"), probe("after"));
        RunAbort e = assertThrows(RunAbort.class, () -> f.run(play("web", tasks, List.of(probe("restart nginx")))));
        assertEquals("The requested handler 'restart ngnix' was not found in either the main handlers list nor in the listening "
                + "handlers list", e.getMessage());
        assertEquals(ExitCode.ERROR, e.exitCode());
        assertTrue(e.hint().contains("did you mean 'restart nginx'?"), e.hint());
        assertEquals(List.of("quiet", "a"), TestModules.calledNames("h1"));
    }

    @Test
    void aTemplatedHandlerNameIsRenderedWithThePlayVariablesAndMatchedByNotify() {
        f.hosts("h1");
        Task handler = task("restart {{ svc }}", "probe", map("name", "restarted"));
        f.run(play("web", List.of(changing("a", "notify", "restart web")), List.of(handler), "vars", map("svc", "web")));
        assertEquals(List.of("a", "restarted"), TestModules.calledNames("h1"));
    }

    @Test
    void aHandlerNameCannotUseAHostsVariables() {
        // as in Ansible: set_fact is the host's, so the name cannot be rendered and matches nothing
        f.hosts("h1");
        Task handler = task("restart {{ svc }}", "probe", map("name", "restarted"));
        RunAbort e = assertThrows(RunAbort.class, () -> f.run(play("web",
                List.of(task("sf", "set_fact", map("svc", "web")), changing("a", "notify", "restart web")), List.of(handler))));
        assertTrue(e.getMessage().startsWith("The requested handler 'restart web' was not found"), e.getMessage());
        assertTrue(f.console.toString().contains("Handler 'restart {{ svc }}' is unusable"), f.console.toString());
    }
}

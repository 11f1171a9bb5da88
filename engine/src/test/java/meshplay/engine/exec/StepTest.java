package meshplay.engine.exec;

import static meshplay.engine.exec.Y.map;
import static meshplay.engine.exec.Y.play;
import static meshplay.engine.exec.Y.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import meshplay.engine.error.ExitCode;
import meshplay.engine.exec.play.Runner;
import meshplay.engine.step.StdinStepController;
import meshplay.engine.step.StepController;
import meshplay.engine.step.StepDecision;
import meshplay.engine.step.StepPoint;
import org.junit.jupiter.api.Test;

class StepTest {
    private final Fixture f = new Fixture().hosts("h1");

    @Test
    void stdinStepAnswersNoYesContinue() {
        StringWriter prompt = new StringWriter();
        f.step = new StdinStepController(new BufferedReader(new StringReader("n\ny\nc\n")), new PrintWriter(prompt));
        f.run(play("web", List.of(task("a", "probe", map("name", "a")), task("b", "probe", map("name", "b")),
                task("c", "probe", map("name", "c")), task("d", "probe", map("name", "d"))), List.of()));
        assertEquals(List.of("b", "c", "d"), TestModules.calledNames("h1"));
        assertTrue(prompt.toString().startsWith("Perform task: TASK: a (N)o/(y)es/(c)ontinue: "), prompt.toString());
        assertEquals(3, prompt.toString().split("Perform task").length - 1);
    }

    @Test
    void previewRunsInCheckModeThenAsksAgainAndEditsApply() {
        List<String> seen = new ArrayList<>();
        f.step = new StepController() {
            int calls;

            @Override
            public StepDecision beforeTask(StepPoint p) {
                calls++;
                seen.add(p.number() + ":" + p.renderedArgs("h1").get("name"));
                if (calls == 1) {
                    p.setArg("name", "edited");
                    return StepDecision.PREVIEW;
                }
                if (calls == 3) return StepDecision.jump(4);
                return StepDecision.RUN;
            }
        };
        f.run(play("web", List.of(task("a", "probe", map("name", "a", "changed", true)), task("b", "probe", map("name", "b")),
                task("c", "probe", map("name", "c")), task("d", "probe", map("name", "d"))), List.of()));
        assertEquals(List.of("1:a", "1:edited", "2:b", "4:d"), seen);
        // preview (check mode), then the real run with the edited argument; b skipped by the jump to 4
        assertEquals(List.of("edited", "edited"), TestModules.calledNames("h1").subList(0, 2));
        assertTrue(TestModules.CALLS.get(0).check());
        assertEquals(1, f.stats("h1").changed());
    }

    @Test
    void quitEndsTheRunAsInterrupted() {
        f.step = p -> StepDecision.QUIT;
        Runner.Outcome out = f.run(play("web", List.of(task("a", "probe", map("name", "a"))), List.of()));
        assertEquals(ExitCode.INTERRUPTED, out.exitCode());
        assertTrue(TestModules.CALLS.isEmpty());
    }

    @Test
    void setVarIsSeenByLaterTasks() {
        f.step = p -> {
            if (p.number() == 1) p.setVar("who", "me");
            return StepDecision.RUN;
        };
        f.run(play("web", List.of(task("a", "probe", map("name", "a")), task("b", "probe", map("name", "{{ who }}"))), List.of()));
        assertEquals(List.of("a", "me"), TestModules.calledNames("h1"));
    }
}

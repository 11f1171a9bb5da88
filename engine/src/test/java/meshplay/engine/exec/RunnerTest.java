package meshplay.engine.exec;

import static meshplay.engine.exec.Y.block;
import static meshplay.engine.exec.Y.changing;
import static meshplay.engine.exec.Y.failing;
import static meshplay.engine.exec.Y.map;
import static meshplay.engine.exec.Y.play;
import static meshplay.engine.exec.Y.probe;
import static meshplay.engine.exec.Y.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import meshplay.engine.error.ExitCode;
import meshplay.engine.exec.play.PlayHosts;
import meshplay.engine.exec.play.Runner;
import meshplay.engine.exec.play.SerialBatches;
import meshplay.engine.model.Task;
import meshplay.engine.model.TaskItem;
import meshplay.engine.report.Event;
import meshplay.engine.result.TaskResult;
import org.junit.jupiter.api.Test;

class RunnerTest {
    private final Fixture f = new Fixture();

    @Test
    void handlerRunsOncePerHostAfterTheSectionEvenWhenNotifiedTwice() {
        f.hosts("h1", "h2");
        Task handler = probe("restart", "listen", "web restarted");
        Task other = probe("unrelated");
        f.run(play("web", List.of(changing("a", "notify", "restart"), changing("b", "notify", "restart"), probe("c")),
                List.of(other, handler)));
        assertEquals(List.of("a", "b", "c", "H:restart"), f.taskStarts());
        assertEquals(List.of("a", "b", "c", "restart"), TestModules.calledNames("h1"));
        assertEquals(1, TestModules.calledNames("h2").stream().filter("restart"::equals).count());
    }

    @Test
    void listenTopicAndFlushHandlersRunHandlersAtThatPoint() {
        f.hosts("h1");
        Task handler = probe("restart", "listen", "web restarted");
        f.run(play("web", List.of(changing("a", "notify", "web restarted"), Y.freeForm("flush", "meta", "flush_handlers"),
                        probe("after")), List.of(handler)));
        assertEquals(List.of("a", "restart", "after"), TestModules.calledNames("h1"));
    }

    @Test
    void handlersAreSkippedOnAHostThatFailsLaterUnlessForced() {
        f.hosts("h1", "h2");
        Task handler = probe("restart");
        List<TaskItem> tasks = List.of(changing("a", "notify", "restart"), failing("boom", "when", "inventory_hostname == 'h1'"));
        f.run(play("web", tasks, List.of(handler)));
        assertFalse(TestModules.calledNames("h1").contains("restart"));
        assertTrue(TestModules.calledNames("h2").contains("restart"));

        Fixture forced = new Fixture().hosts("h1");
        forced.run(play("web", List.of(changing("a", "notify", "restart"), failing("boom")), List.of(handler),
                "force_handlers", true));
        assertTrue(TestModules.calledNames("h1").contains("restart"));
    }

    @Test
    void rescueAndAlwaysRunInOrderAndTheRescueIsCounted() {
        f.hosts("h1");
        List<TaskItem> tasks = List.of(block(List.of(probe("b1"), failing("b2"), probe("b3")),
                        List.of(task("r1", "probe", map("name", "{{ ansible_failed_task.name }}"))),
                        List.of(probe("a1"))),
                probe("after"));
        Runner.Outcome out = f.run(play("web", tasks, List.of()));
        assertEquals(List.of("b1", "b2", "b2", "a1", "after"), TestModules.calledNames("h1"));
        assertEquals(1, f.stats("h1").rescued());
        assertEquals(0, f.stats("h1").failed());
        assertEquals(ExitCode.OK, out.exitCode());
    }

    @Test
    void alwaysRunsForAnUnrescuedFailureAndTheHostStaysFailed() {
        f.hosts("h1");
        List<TaskItem> tasks = List.of(block(List.of(failing("b1")), List.of(), List.of(probe("a1"))), probe("after"));
        Runner.Outcome out = f.run(play("web", tasks, List.of()));
        assertEquals(List.of("b1", "a1"), TestModules.calledNames("h1"));
        assertEquals(1, f.stats("h1").failed());
        assertEquals(ExitCode.HOST_FAILED, out.exitCode());
    }

    @Test
    void loopRegistersResultsAndEvaluatesWhenPerItem() {
        f.hosts("h1");
        Task loop = task("loop", "probe", map("name", "{{ item }}"), "loop", List.of("a", "b", "c"),
                "when", "item != 'b'", "register", "out");
        Task check = task("check", "probe", map("name", "n", "value", "{{ out.results | length }}:{{ out.results[1].skipped }}"));
        f.run(play("web", List.of(loop, check), List.of()));
        assertEquals(List.of("a", "c", "n"), TestModules.calledNames("h1"), f.console.toString());
        assertEquals("3:True", f.result("check", "h1").data().get("value"));
        assertTrue(f.console.toString().contains("skipping: [h1] => (item=b)"));
    }

    @Test
    void loopControlNamesTheVariableIndexAndLabel() {
        f.hosts("h1");
        Task loop = task("loop", "probe", map("name", "{{ pkg.n }}-{{ i }}-{{ ansible_loop.last }}"),
                "loop", List.of(map("n", "x"), map("n", "y")),
                "loop_control", map("loop_var", "pkg", "index_var", "i", "label", "{{ pkg.n }}", "extended", true));
        f.run(play("web", List.of(loop), List.of()));
        assertEquals(List.of("x-0-False", "y-1-True"), TestModules.calledNames("h1"), f.console.toString());
        assertTrue(f.console.toString().contains("ok: [h1] => (item=y)"), f.console.toString());
    }

    @Test
    void withItemsFlattensOneLevel() {
        f.hosts("h1");
        f.run(play("web", List.of(task("l", "probe", map("name", "{{ item }}"), "with_items", List.of("a", List.of("b", "c")))),
                List.of()));
        assertEquals(List.of("a", "b", "c"), TestModules.calledNames("h1"));
    }

    @Test
    void extraVarsWinOverPlayAndTaskVars() {
        f.hosts("h1");
        f.options.extraVars.put("who", Y.node("extra"));
        f.run(play("web", List.of(task("t", "probe", map("name", "{{ who }}"), "vars", map("who", "task"))), List.of(),
                "vars", map("who", "play")));
        assertEquals(List.of("extra"), TestModules.calledNames("h1"));
    }

    @Test
    void taskVarsWinOverPlayVarsAndSetFactOverBoth() {
        f.hosts("h1");
        f.run(play("web", List.of(task("t", "probe", map("name", "{{ who }}"), "vars", map("who", "task")),
                task("sf", "set_fact", map("who", "fact")), task("t2", "probe", map("name", "{{ who }}"))), List.of(),
                "vars", map("who", "play")));
        assertEquals(List.of("task", "fact"), TestModules.calledNames("h1"));
    }

    @Test
    void tagsSelectAlwaysAndNeverAsAnsibleDoes() {
        f.hosts("h1");
        List<TaskItem> tasks = List.of(probe("plain"), probe("tagged", "tags", "x"), probe("always", "tags", "always"),
                probe("never", "tags", List.of("never", "debug")), block(List.of(probe("inblock")), List.of(), List.of(), "tags", "x"));
        f.options.tags.add("x");
        f.run(play("web", tasks, List.of()));
        assertEquals(List.of("tagged", "always", "inblock"), TestModules.calledNames("h1"));

        Fixture g = new Fixture().hosts("h1");
        g.options.skipTags.add("x");
        g.options.tags.add("debug");
        g.run(play("web", tasks, List.of()));
        assertEquals(List.of("always", "never"), TestModules.calledNames("h1"));

        Fixture all = new Fixture().hosts("h1");
        all.run(play("web", tasks, List.of()));
        assertEquals(List.of("plain", "tagged", "always", "inblock"), TestModules.calledNames("h1"));
    }

    @Test
    void serialRunsBatchesOneAfterAnother() {
        f.hosts("h1", "h2", "h3");
        f.run(play("web", List.of(probe("a"), probe("b")), List.of(), "serial", 2));
        List<String> order = TestModules.CALLS.stream().map(c -> c.name() + "@" + c.host()).toList();
        assertEquals("b", order.get(3).split("@")[0]);
        assertTrue(order.subList(4, 6).containsAll(List.of("a@h3", "b@h3")), order.toString());
        assertEquals(List.of(List.of("h1"), List.of("h2", "h3")), SerialBatches.split(List.of("h1", "h2", "h3"), List.of(1, "100%"), Y.O));
        assertEquals(List.of(List.of("h1"), List.of("h2"), List.of("h3")), SerialBatches.split(List.of("h1", "h2", "h3"), "30%", Y.O));
    }

    @Test
    void throttleLimitsHowManyHostsRunATaskAtOnce() {
        f.hosts("h1", "h2", "h3", "h4");
        f.options.forks = 4;
        f.run(play("web", List.of(task("held", "overlap", map())), List.of()));
        assertTrue(TestModules.Overlap.MOST.get() > 1, "without throttle the 4 forks overlap");

        Fixture g = new Fixture().hosts("h1", "h2", "h3", "h4");
        g.options.forks = 4;
        g.run(play("web", List.of(task("held", "overlap", map(), "throttle", 1)), List.of()));
        assertEquals(1, TestModules.Overlap.MOST.get());
        assertEquals(1, g.stats("h4").ok());
    }

    @Test
    void throttleOnABlockAppliesToItsTasksAndHoldsForAFreePlay() {
        f.hosts("h1", "h2", "h3", "h4");
        f.options.forks = 4;
        f.run(play("web", List.of(block(List.of(task("held", "overlap", map())), List.of(), List.of(), "throttle", 2)), List.of(), "strategy", "free"));
        assertTrue(TestModules.Overlap.MOST.get() <= 2, "at most 2 at once, was " + TestModules.Overlap.MOST.get());
        assertEquals(1, f.stats("h3").ok());
    }

    @Test
    void orderSetsTheSequenceHostsAreTakenIn() {
        f.hosts("b2", "a1", "c3");
        f.options.forks = 1;
        f.run(play("web", List.of(probe("t")), List.of(), "order", "sorted"));
        assertEquals(List.of("a1", "b2", "c3"), TestModules.CALLS.stream().map(TestModules.Call::host).toList());

        Fixture g = new Fixture().hosts("b2", "a1", "c3");
        g.options.forks = 1;
        g.run(play("web", List.of(probe("t")), List.of(), "order", "reverse_inventory"));
        assertEquals(List.of("c3", "a1", "b2"), TestModules.CALLS.stream().map(TestModules.Call::host).toList());
        assertEquals(List.of("c3", "b2", "a1"), PlayHosts.ordered(List.of("b2", "a1", "c3"), "reverse_sorted"));
        assertEquals(List.of("a1", "b2", "c3"), PlayHosts.ordered(List.of("a1", "b2", "c3"), "inventory"));
    }

    @Test
    void delegateFactsGivesTheFactsToTheDelegate() {
        f.hosts("h1", "h2");
        Task set = task("sf", "set_fact", map("seen", "from_h1"), "delegate_to", "h2", "delegate_facts", true,
                "when", "inventory_hostname == 'h1'");
        f.run(play("web", List.of(set, task("show", "probe", map("name", "{{ seen | default('none') }}"))), List.of()));
        assertEquals(List.of("none"), TestModules.calledNames("h1"));
        assertEquals(List.of("from_h1"), TestModules.calledNames("h2"));

        Fixture g = new Fixture().hosts("h1", "h2");
        Task plain = task("sf", "set_fact", map("seen", "from_h1"), "delegate_to", "h2", "when", "inventory_hostname == 'h1'");
        g.run(play("web", List.of(plain, task("show", "probe", map("name", "{{ seen | default('none') }}"))), List.of()));
        assertEquals(List.of("from_h1"), TestModules.calledNames("h1"), "without delegate_facts the task's host keeps them");
        assertEquals(List.of("none"), TestModules.calledNames("h2"));
    }

    @Test
    void maxFailPercentageMustBeExceededToStopThePlay() {
        f.hosts("h1", "h2", "h3", "h4");
        Task half = failing("f", "when", "inventory_hostname == 'h1' or inventory_hostname == 'h2'");
        f.run(play("web", List.of(half, probe("next")), List.of(), "max_fail_percentage", 50));
        assertEquals(2, TestModules.CALLS.stream().filter(c -> c.name().equals("next")).count());

        Fixture g = new Fixture().hosts("h1", "h2", "h3", "h4");
        g.run(play("web", List.of(half, probe("next")), List.of(), "max_fail_percentage", 49));
        assertEquals(0, TestModules.CALLS.stream().filter(c -> c.name().equals("next")).count());
    }

    @Test
    void anyErrorsFatalStopsThePlayForEveryHost() {
        f.hosts("h1", "h2");
        Runner.Outcome out = f.run(play("web", List.of(failing("f", "when", "inventory_hostname == 'h1'"), probe("next")),
                List.of(), "any_errors_fatal", true));
        assertFalse(TestModules.calledNames().contains("next"));
        assertEquals(ExitCode.HOST_FAILED, out.exitCode());
    }

    @Test
    void anyErrorsFatalAlsoStopsTheLaterPlays() {
        f.hosts("h1", "h2");
        Runner.Outcome out = f.run(play("web", List.of(failing("f", "when", "inventory_hostname == 'h1'")), List.of(), "any_errors_fatal", true),
                play("web", List.of(probe("later")), List.of()));
        assertFalse(TestModules.calledNames().contains("later"));
        assertEquals(ExitCode.HOST_FAILED, out.exitCode());
    }

    @Test
    void aWholeFailedSerialBatchStopsThePlaybook() {
        f.hosts("h1", "h2");
        Runner.Outcome out = f.run(play("web", List.of(failing("f", "when", "inventory_hostname == 'h1'"), probe("next")), List.of(), "serial", 1),
                play("web", List.of(probe("later")), List.of()));
        assertEquals(List.of(), TestModules.calledNames("h2"));
        assertEquals(ExitCode.HOST_FAILED, out.exitCode());
    }

    @Test
    void aHostFailingInAPlayLeavesTheOthersToTheLaterPlays() {
        f.hosts("h1", "h2");
        f.run(play("web", List.of(failing("f", "when", "inventory_hostname == 'h1'")), List.of()),
                play("web", List.of(probe("later")), List.of()));
        assertEquals(List.of("later"), TestModules.calledNames("h2"));
        assertFalse(TestModules.calledNames("h1").contains("later"));
    }

    @Test
    void oneFailingHostDoesNotStopTheOthers() {
        f.hosts("h1", "h2");
        Runner.Outcome out = f.run(play("web", List.of(failing("f", "when", "inventory_hostname == 'h1'"), probe("next")), List.of()));
        assertEquals(List.of("next"), TestModules.calledNames("h2"));
        assertFalse(TestModules.calledNames("h1").contains("next"));
        assertEquals(1, f.stats("h1").failed());
        assertEquals(0, f.stats("h2").failed());
        assertEquals(ExitCode.HOST_FAILED, out.exitCode());
        assertTrue(f.console.toString().contains("fatal: [h1]: FAILED! => {"), f.console.toString());
    }

    @Test
    void runOnceRunsOnTheFirstHostAndRegistersForAll() {
        f.hosts("h1", "h2");
        f.run(play("web", List.of(task("once", "probe", map("name", "once", "value", 7), "run_once", true, "register", "r"),
                task("use", "probe", map("name", "{{ r.value }}"))), List.of()));
        assertEquals(List.of("once", "7"), TestModules.calledNames("h1"));
        assertEquals(List.of("7"), TestModules.calledNames("h2"));
    }

    @Test
    void delegateToUsesTheDelegatesConnectionAndTheOriginalHostsVars() {
        f.hosts("h1");
        f.inventory.host("ctl", map("ansible_connection", "local"));
        f.run(play("web", List.of(task("d", "probe", map("name", "{{ inventory_hostname }}"), "delegate_to", "{{ target }}")), List.of(),
                "vars", map("target", "ctl")));
        TestModules.Call c = TestModules.CALLS.get(0);
        assertEquals("h1", c.host());
        assertEquals("ctl", c.connectionHost());
        assertEquals("h1", c.name());
        assertTrue(f.console.toString().contains("ok: [h1 -> ctl]"));
    }

    @Test
    void ignoreErrorsCountsIgnoredAndGoesOn() {
        f.hosts("h1");
        Runner.Outcome out = f.run(play("web", List.of(failing("f", "ignore_errors", true), probe("next")), List.of()));
        assertEquals(List.of("f", "next"), TestModules.calledNames("h1"));
        assertEquals(1, f.stats("h1").ignored());
        assertEquals(0, f.stats("h1").failed());
        assertEquals(ExitCode.OK, out.exitCode());
        assertTrue(f.console.toString().contains("...ignoring"));
    }

    @Test
    void untilRetriesUntilTheConditionHoldsAndRecordsAttempts() {
        f.hosts("h1");
        f.run(play("web", List.of(task("c", "counter", map(), "register", "r", "until", "r.n >= 3", "retries", 5, "delay", 0),
                task("show", "probe", map("name", "{{ r.attempts }}"))), List.of()));
        assertEquals(List.of("3"), TestModules.calledNames("h1"));

        // as in Ansible: 2 retries are 3 attempts, and the used-up result reports the retries
        Fixture g = new Fixture().hosts("h1");
        g.run(play("web", List.of(task("c", "counter", map(), "register", "r", "until", "r.n >= 9", "retries", 2, "delay", 0)), List.of()));
        assertTrue(g.result("c", "h1").failed());
        assertEquals(3, ((Number) g.result("c", "h1").data().get("n")).intValue());
        assertEquals(2, g.result("c", "h1").attempts());
        assertTrue(g.console.toString().contains("(2 retries left)") && g.console.toString().contains("(1 retries left)"), g.console.toString());
    }

    @Test
    void changedWhenAndFailedWhenSeeTheRegisteredResult() {
        f.hosts("h1");
        f.run(play("web", List.of(
                task("c", "probe", map("name", "x", "value", 5), "register", "r", "changed_when", "r.value > 3"),
                task("f", "probe", map("name", "y", "value", 1), "register", "r2", "failed_when", "r2.value == 1", "ignore_errors", true),
                task("nf", "probe", map("name", "z", "fail", true), "failed_when", false)), List.of()));
        assertTrue(f.result("c", "h1").changed());
        assertTrue(f.result("f", "h1").failed(), f.console.toString());
        assertFalse(f.result("nf", "h1").failed());
    }

    @Test
    void noLogCensorsConsoleAndJson() {
        f.hosts("h1");
        f.options.verbosity = 1;
        f.run(play("web", List.of(task("s", "probe", map("name", "s", "secret", "hunter2"), "no_log", true),
                task("sf", "probe", map("name", "s", "secret", "hunter2", "fail", true), "no_log", true,
                        "loop", List.of("pw1"), "ignore_errors", true)), List.of()));
        assertFalse(f.console.toString().contains("hunter2"), f.console.toString());
        assertFalse(f.json.toString().contains("hunter2"), f.json.toString());
        assertFalse(f.json.toString().contains("pw1"), f.json.toString());
        assertTrue(f.console.toString().contains(TaskResult.NO_LOG_MESSAGE));
    }

    @Test
    void checkModePredictsTheRealRunAndASecondRunChangesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        f.hosts("h1");
        String path = dir.resolve("a.txt").toString();
        var play = play("web", List.of(task("w", "put", map("path", path, "content", "one\n")),
                task("w2", "put", map("path", dir.resolve("b.txt").toString(), "content", "two\n"))), List.of());
        f.options.check = true;
        f.options.diff = true;
        f.run(play);
        assertEquals(2, f.stats("h1").changed());
        assertFalse(dir.resolve("a.txt").toFile().exists());
        assertTrue(f.console.toString().contains("+++ after: " + path), f.console.toString());
        f.options.check = false;
        f.run(play);
        assertEquals(2, f.stats("h1").changed());
        f.run(play);
        assertEquals(0, f.stats("h1").changed());
    }

    @Test
    void unreachableHostIsCountedAndDropped() {
        f.hosts("h1");
        f.unreachableHost("down");
        Runner.Outcome out = f.run(play("web", List.of(probe("a"), probe("b")), List.of()));
        assertEquals(1, f.stats("down").unreachable());
        assertEquals(List.of("a", "b"), TestModules.calledNames("h1"));
        assertEquals(1, f.results("b").size());
        assertEquals(ExitCode.HOST_UNREACHABLE, out.exitCode());
        assertEquals(4, out.exitCode().code);
        assertTrue(f.console.toString().contains("fatal: [down]: UNREACHABLE! =>"));
    }

    @Test
    void becomeAndEnvironmentReachTheModule() {
        f.hosts("h1");
        f.run(play("web", List.of(probe("b", "become", true, "become_user", "postgres", "environment", map("LANG", "C"))), List.of()));
        assertEquals("postgres", TestModules.CALLS.get(0).becomeUser());
        assertEquals(Map.of("LANG", "C"), TestModules.CALLS.get(0).env());
    }

    @Test
    void perTaskCheckModeOverridesTheRun() {
        f.hosts("h1");
        f.run(play("web", List.of(changing("c", "check_mode", true)), List.of()));
        assertTrue(TestModules.CALLS.get(0).check());
    }

    @Test
    void badArgumentFailsTheTaskWithAClearMessage() {
        f.hosts("h1");
        f.run(play("web", List.of(task("bad", "probe", map("nmae", "x"))), List.of()));
        TaskResult r = f.result("bad", "h1");
        assertTrue(r.failed());
        assertTrue(r.msg().startsWith("Unsupported parameters for (probe) module: nmae. Supported parameters include: "), r.msg());
        assertTrue(r.msg().contains("did you mean 'name'"), r.msg());
    }

    @Test
    void startAtTaskSkipsEarlierTasks() {
        f.hosts("h1");
        f.options.startAtTask = "b";
        f.run(play("web", List.of(probe("a"), probe("b"), probe("c")), List.of()));
        assertEquals(List.of("b", "c"), TestModules.calledNames("h1"));
    }

    @Test
    void endHostStopsOnlyThatHost() {
        f.hosts("h1", "h2");
        f.run(play("web", List.of(Y.freeForm("e", "meta", "end_host", "when", "inventory_hostname == 'h1'"), probe("after")), List.of()));
        assertNull(f.result("e", "h1"));
        assertFalse(TestModules.calledNames("h1").contains("after"));
        assertTrue(TestModules.calledNames("h2").contains("after"));
    }

    @Test
    void recapLinesAreAligned() {
        f.hosts("h1", "longer-host-name");
        f.run(play("web", List.of(changing("a")), List.of()));
        String out = f.console.toString();
        assertTrue(out.contains("PLAY RECAP *"), out);
        assertTrue(out.contains("h1                         : ok=1    changed=1    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("longer-host-name           : ok=1")), out);
        assertTrue(f.json.toString().lines().anyMatch(l -> l.contains("\"event\":\"recap\"")));
        assertTrue(f.events.stream().anyMatch(e -> e instanceof Event.Recap));
    }

    @Test
    void veryVerboseTracesWritesButNotForNoLogTasks(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        f.hosts("h1");
        f.options.verbosity = 3;
        String open = dir.resolve("open.txt").toString();
        String hidden = dir.resolve("hidden.txt").toString();
        f.run(play("web", List.of(task("w", "put", map("path", open, "content", "x")),
                task("s", "put", map("path", hidden, "content", "y"), "no_log", true)), List.of()));
        assertTrue(f.console.toString().contains("<h1> PUT " + open + " (1 bytes)"), f.console.toString());
        assertFalse(f.console.toString().contains(hidden), f.console.toString());
    }

    @Test
    void freeStrategyLetsAHostRunAheadAndFlushesHandlersPerHost() {
        f.hosts("h1", "h2");
        List<TaskItem> tasks = List.of(
                task("wait", "gate", map("until_called", "h2-done"), "when", "inventory_hostname == 'h1'"),
                task("work", "probe", map("name", "{{ inventory_hostname }}-work", "changed", true), "notify", "restart"),
                task("done", "probe", map("name", "{{ inventory_hostname }}-done")));
        Runner.Outcome out = f.run(play("web", tasks, List.of(probe("restart")), "strategy", "free"));
        assertEquals(ExitCode.OK, out.exitCode(), f.console.toString());
        // h2 finished while h1 was still waiting at its first task
        assertEquals(List.of("h2-work", "h2-done", "restart"), TestModules.calledNames("h2"));
        assertEquals(List.of("h1-work", "h1-done", "restart"), TestModules.calledNames("h1"));
        assertTrue(TestModules.calledNames().indexOf("h2-done") < TestModules.calledNames().indexOf("h1-work"));
    }
}

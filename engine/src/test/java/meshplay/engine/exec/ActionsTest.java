package meshplay.engine.exec;

import static meshplay.engine.exec.Y.map;
import static meshplay.engine.exec.Y.play;
import static meshplay.engine.exec.Y.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import meshplay.engine.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionsTest {
    private final Fixture f = new Fixture().hosts("h1");

    @Test
    void includeTasksRunsTheFileOncePerItemWithTheIncludesVars(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inc.yml");
        Files.writeString(file, "- name: inner\n  probe:\n    name: \"{{ item }}-{{ x }}\"\n");
        f.run(play("web", List.of(task("inc", "include_tasks", map("file", file.toString()), "loop", List.of("a", "b"),
                "vars", map("x", 1)), task("after", "probe", map("name", "after"))), List.of()));
        assertEquals(List.of("a-1", "b-1", "after"), TestModules.calledNames("h1"));
        assertTrue(f.console.toString().contains("included: " + file + " for h1 => (item=a)"), f.console.toString());
    }

    @Test
    void includeVarsValuesAreTemplatedWhenRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("v.yml");
        Files.writeString(file, "greeting: \"hi {{ who }}\"\n");
        f.run(play("web", List.of(task("iv", "include_vars", map("file", file.toString())),
                task("use", "probe", map("name", "{{ greeting }}"))), List.of(), "vars", map("who", "bob")));
        assertEquals(List.of("hi bob"), TestModules.calledNames("h1"));
    }

    @Test
    void dataFromHostsIsNeverTemplatedEvenThroughSetFact() {
        f.run(play("web", List.of(task("e", "emit", map(), "register", "r"),
                task("sf", "set_fact", map("copied", "{{ r.text }}")),
                task("use", "probe", map("name", "{{ copied }}"))), List.of(), "vars", map("secret", "LEAK")));
        assertEquals(List.of("{{ secret }}"), TestModules.calledNames("h1"));
    }

    @Test
    void setFactInALoopSeesWhatTheEarlierItemsSet() {
        f.run(play("web", List.of(task("acc", "set_fact", map("acc", "{{ (acc | default([])) + [item] }}"), "loop", List.of("a", "b", "c")),
                task("use", "probe", map("name", "{{ acc | join(',') }}"))), List.of()));
        assertEquals(List.of("a,b,c"), TestModules.calledNames("h1"));
    }

    @Test
    void factsFromSetupAreVariables() {
        f.run(play("web", List.of(task("use", "probe", map("name", "{{ ansible_os_family }}/{{ ansible_facts.hostname }}"))),
                List.of(), "gather_facts", true));
        assertEquals(List.of("Debian/h1"), TestModules.calledNames("h1"));
        assertTrue(f.taskStarts().contains("Gathering Facts"));
    }

    @Test
    void addHostAndGroupByShapeLaterPlays() {
        f.run(play("web", List.of(task("add", "add_host", map("name", "h9", "groups", "extra", "ansible_connection", "local")),
                        task("gb", "group_by", map("key", "grp_{{ inventory_hostname }}"))), List.of()),
                play("extra", List.of(task("p", "probe", map("name", "in-extra"))), List.of()),
                play("grp_h1", List.of(task("q", "probe", map("name", "in-grp"))), List.of()));
        assertEquals(List.of("in-extra"), TestModules.calledNames("h9"));
        assertEquals(List.of("in-grp"), TestModules.calledNames("h1"));
    }

    @Test
    void endPlayStopsOnlyThePlay() {
        f.run(play("web", List.of(Y.freeForm("end", "meta", "end_play"), task("no", "probe", map("name", "no"))), List.of()),
                play("web", List.of(task("yes", "probe", map("name", "yes"))), List.of()));
        assertEquals(List.of("yes"), TestModules.calledNames("h1"));
    }

    @Test
    void diffsAreShownOnlyWithDiffMode() {
        f.run(play("web", List.of(task("c", "probe", map("name", "k", "changed", true))), List.of()));
        assertFalse(f.console.toString().contains("k: old -> new"), f.console.toString());
        f.options.diff = true;
        f.run(play("web", List.of(task("c", "probe", map("name", "k", "changed", true))), List.of()));
        assertTrue(f.console.toString().contains("k: old -> new"), f.console.toString());
        f.run(play("web", List.of(task("c", "probe", map("name", "k", "changed", true), "diff", false)), List.of()));
        assertFalse(f.console.toString().contains("k: old -> new"), f.console.toString());
    }

    @Test
    void includedTasksKeepTheEnclosingBlocksKeywordsButNotTheIncludes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inc.yml");
        Files.writeString(file, "- name: inner\n  probe:\n    name: inner\n");
        Task include = task("inc", "include_tasks", map("file", file.toString()), "become_user", "from-include",
                "when", "true");
        f.run(play("web", List.of(Y.block(List.of(include), List.of(), List.of(), "become", true, "become_user", "from-block")),
                List.of()));
        assertEquals(List.of("inner"), TestModules.calledNames("h1"));
        assertEquals("from-block", TestModules.CALLS.get(0).becomeUser());
    }
}

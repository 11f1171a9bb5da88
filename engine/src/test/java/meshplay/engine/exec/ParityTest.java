package meshplay.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.exec.play.Runner;
import meshplay.engine.result.TaskResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Playbooks whose results once differed from ansible-core 2.14's, run from files in-process: each
 * test states what ansible-playbook does with the same playbook.
 */
class ParityTest {
    private final Fixture f = new Fixture().hosts("h1");
    @TempDir
    Path dir;

    private Runner.Outcome play(String tasks) throws Exception {
        return f.runFile(Fixture.file(dir, "site.yml", "- hosts: web\n  gather_facts: false\n" + tasks));
    }

    @Test
    void setFactTurnsTrueFalseYesNoStringsIntoBooleans() throws Exception {
        play("""
                  tasks:
                    - set_fact:
                        a: "yes"
                        b: "false"
                        c: "on"
                        d: "{{ 'No' }}"
                        e: "1"
                    - set_fact: k=no
                    - probe:
                        name: values
                        value: "{{ [a, b, c, d, e, k] }}"
                    - probe: skipped
                      when: b
                """);
        assertEquals(List.of(true, false, "on", false, "1", false), f.result("probe", "h1").data().get("value"));
        assertEquals(List.of("values"), TestModules.calledNames("h1"));
    }

    @Test
    void aTemplatedConditionIsRenderedThenEvaluatedWithAWarning() throws Exception {
        play("""
                  vars:
                    n: 1
                    word: "false"
                  tasks:
                    - probe: two
                      when: "{{ n }} == 2"
                    - probe: one
                      when: "{{ n }} == 1"
                    - probe: word
                      when: "{{ word }}"
                """);
        assertEquals(List.of("one"), TestModules.calledNames("h1"));
        assertTrue(f.warnings().stream().anyMatch(w -> w.contains("should not include jinja2 templating delimiters")
                && w.contains("{{ n }} == 2")), f.warnings().toString());
    }

    @Test
    void theRenderedTextOfAConditionFromAHostIsRefusedAsAnsibleDoes() throws Exception {
        play("""
                  tasks:
                    - emit:
                      register: r
                    - probe: never
                      when: "{{ r.text }}"
                """);
        TaskResult r = f.result("probe", "h1");
        assertTrue(r.failed() && r.msg().contains("Conditional is marked as unsafe, and cannot be evaluated"), String.valueOf(r.msg()));
        assertEquals(List.of(), TestModules.calledNames("h1"));
    }

    @Test
    void theRenderedTextOfATrustedConditionRunsOnlyWhenItIsAPlainExpression() throws Exception {
        play("""
                  vars:
                    check: "'a'.getClass() == 'x'"
                  tasks:
                    - probe: never
                      when: "{{ check }}"
                """);
        TaskResult r = f.result("probe", "h1");
        assertTrue(r.failed() && r.msg().contains("not a plain expression"), String.valueOf(r.msg()));
        assertEquals(List.of(), TestModules.calledNames("h1"));
    }

    @Test
    void handlersOfIncludedAndImportedRolesRun() throws Exception {
        Fixture.file(dir, "roles/r1/tasks/main.yml", "- probe: {name: r1-task, changed: true}\n  notify: r1 handler\n");
        Fixture.file(dir, "roles/r1/handlers/main.yml", "- name: r1 handler\n  probe: r1-handler\n");
        Fixture.file(dir, "roles/r2/tasks/main.yml", "- probe: {name: r2-task, changed: true}\n  notify: r2 handler\n");
        Fixture.file(dir, "roles/r2/handlers/main.yml", "- name: r2 handler\n  probe: r2-handler\n");
        play("""
                  tasks:
                    - include_role: name=r1
                    - import_role: name=r2
                """);
        assertEquals(List.of("r1-task", "r2-task", "r2-handler", "r1-handler"), TestModules.calledNames("h1"));
        assertTrue(f.warnings().isEmpty(), f.warnings().toString());
    }

    @Test
    void anUnknownModuleInAnIncludedFileEndsTheRunWithAParseError() throws Exception {
        Fixture.file(dir, "bad.yml", "- name: bad\n  nosuchmodule: x=1\n");
        UserError e = assertThrows(UserError.class, () -> play("""
                  tasks:
                    - block:
                        - include_tasks: bad.yml
                      rescue:
                        - probe: rescued
                    - probe: after
                """));
        assertEquals(ExitCode.PARSE_ERROR, e.exitCode());
        assertTrue(e.origin().file().endsWith("bad.yml"), e.origin().toString());
        assertEquals(List.of(), TestModules.calledNames("h1"));
    }

    @Test
    void aRelativePathIsResolvedOnTheTargetInThePlaybookDirectoryForALocalHost() throws Exception {
        play("""
                  tasks:
                    - put: {path: ./rel.txt, content: hi}
                """);
        assertEquals("hi", Files.readString(dir.resolve("rel.txt")));
        assertTrue(f.result("put", "h1").changed());
    }

    @Test
    void ansibleHostDefaultsToTheInventoryName() throws Exception {
        f.inventory.host("h2", Y.map("ansible_connection", "local", "ansible_host", "127.0.0.2"), "web");
        play("""
                  tasks:
                    - probe: "{{ ansible_host }}"
                """);
        assertEquals(List.of("h1"), TestModules.calledNames("h1"));
        assertEquals(List.of("127.0.0.2"), TestModules.calledNames("h2"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void handlersNotifyingEachOtherRunOncePerFlush() throws Exception {
        play("""
                  handlers:
                    - name: A
                      probe: {name: A, changed: true}
                      notify: B
                    - name: B
                      probe: {name: B, changed: true}
                      notify: [A, B]
                  tasks:
                    - probe: {name: t, changed: true}
                      notify: A
                """);
        // a flush runs the notified handlers in order, once each: a handler notified by a later one
        // waits for the next flush (here, the one after post_tasks), and a self-notification is dropped
        assertEquals(List.of("t", "A", "B", "A", "B"), TestModules.calledNames("h1"));
    }
}

package meshplay.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import meshplay.engine.exec.play.Runner;
import meshplay.engine.result.TaskResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smaller behaviours of ansible-core 2.14, each checked there with the same playbook. */
class SmallParityTest {
    private final Fixture f = new Fixture().hosts("h1");
    @TempDir
    Path dir;

    private Runner.Outcome play(String body) throws Exception {
        return f.runFile(Fixture.file(dir, "site.yml", "- hosts: web\n  gather_facts: false\n" + body));
    }

    @Test
    void theFailedTaskIsNamedWithoutItsRole() throws Exception {
        Fixture.file(dir, "roles/rf/tasks/main.yml", "- name: role task\n  probe: {name: x, fail: true}\n");
        play("""
                  tasks:
                    - block:
                        - include_role: name=rf
                      rescue:
                        - probe: "[{{ ansible_failed_task.name }}]"
                """);
        assertEquals(List.of("x", "[role task]"), TestModules.calledNames("h1"));
    }

    @Test
    void ofHandlersWithTheSameNameTheFirstIsNotified() throws Exception {
        play("""
                  handlers:
                    - name: h
                      probe: first
                    - name: h
                      probe: second
                    - name: other
                      listen: h
                      probe: listener
                  tasks:
                    - probe: {name: t, changed: true}
                      notify: h
                """);
        assertEquals(List.of("t", "first", "listener"), TestModules.calledNames("h1"));
    }

    @Test
    void aLoopOverAnUndefinedNameIsSkippedWhenTheConditionIsFalse() throws Exception {
        play("""
                  tasks:
                    - probe: "{{ item }}"
                      loop: "{{ nowhere }}"
                      when: false
                    - probe: after
                """);
        assertEquals(List.of("after"), TestModules.calledNames("h1"));
        assertTrue(f.result("probe", "h1").skipped());
    }

    @Test
    void isTrueAndIsFalseTestForTheBooleansOnly() throws Exception {
        play("""
                  tasks:
                    - probe:
                        name: v
                        value: "{{ [true is true, 1 is true, false is false, 0 is false] }}"
                """);
        assertEquals(List.of(true, false, true, false), f.result("probe", "h1").data().get("value"));
    }

    @Test
    void forceHandlersFromTheCommandLineRunsHandlersOnFailedHosts() throws Exception {
        f.options.forceHandlers = true;
        play("""
                  handlers:
                    - name: h
                      probe: handler
                  tasks:
                    - probe: {name: t, changed: true}
                      notify: h
                    - probe: {name: boom, fail: true}
                """);
        assertEquals(List.of("t", "boom", "handler"), TestModules.calledNames("h1"));
    }

    @Test
    void delayMayHaveAFraction() throws Exception {
        play("""
                  tasks:
                    - counter:
                      register: c
                      until: c.n >= 2
                      retries: 3
                      delay: 0.01
                """);
        TaskResult r = f.result("counter", "h1");
        assertTrue(!r.failed(), r.msg());
        assertEquals(2, r.attempts());
    }

    @Test
    void extendedLoopVariablesHaveNoPreviousItemOnTheFirstAndNoNextOnTheLast() throws Exception {
        play("""
                  tasks:
                    - probe: "{{ ansible_loop.previtem is defined }}-{{ ansible_loop.nextitem is defined }}-{{ ansible_loop.allitems | length }}"
                      loop: [a, b]
                      loop_control:
                        extended: true
                    - probe: "all={{ ansible_loop.allitems is defined }}"
                      loop: [a]
                      loop_control:
                        extended: true
                        extended_allitems: false
                """);
        assertEquals(List.of("False-True-2", "True-False-2", "all=False"), TestModules.calledNames("h1"));
    }

    @Test
    void withDictGivesKeyValuePairs() throws Exception {
        play("""
                  vars:
                    users: {alice: 1, bob: 2}
                  tasks:
                    - probe: "{{ item.key }}={{ item.value }}"
                      with_dict: "{{ users }}"
                """);
        assertEquals(List.of("alice=1", "bob=2"), TestModules.calledNames("h1"));
    }
}

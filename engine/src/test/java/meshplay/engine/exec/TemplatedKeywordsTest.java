package meshplay.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.exec.play.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Play and task keywords written as templates ({@code "{{ flag }}"}) are evaluated, with -e flag=true
 * and flag=false, as ansible-playbook 2.14 evaluates them (each case was run there with the same playbook).
 */
class TemplatedKeywordsTest {
    private final Fixture f = new Fixture().hosts("h1", "h2");
    @TempDir
    Path dir;

    private Runner.Outcome run(boolean flag, String playbook) throws Exception {
        f.options.extraVars.put("flag", Y.node(flag));
        return f.runFile(Fixture.file(dir, "site.yml", playbook));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void runOnce(boolean flag) throws Exception {
        run(flag, """
                - hosts: web
                  gather_facts: false
                  tasks:
                    - probe: once
                      run_once: "{{ flag }}"
                """);
        assertEquals(List.of("once"), TestModules.calledNames("h1"));
        assertEquals(flag ? List.of() : List.of("once"), TestModules.calledNames("h2"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void gatherFacts(boolean flag) throws Exception {
        run(flag, """
                - hosts: web
                  gather_facts: "{{ flag }}"
                  tasks:
                    - probe: "{{ ansible_facts.hostname | default('none') }}"
                """);
        assertEquals(List.of(flag ? "h1" : "none"), TestModules.calledNames("h1"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void forceHandlers(boolean flag) throws Exception {
        run(flag, """
                - hosts: web
                  gather_facts: false
                  force_handlers: "{{ flag }}"
                  tasks:
                    - probe: {name: change, changed: true}
                      notify: restart
                    - probe: {name: boom, fail: true}
                      when: inventory_hostname == 'h1'
                  handlers:
                    - name: restart
                      probe: restart
                """);
        assertEquals(flag, TestModules.calledNames("h1").contains("restart"));
        assertTrue(TestModules.calledNames("h2").contains("restart"));
    }

    /** ansible-playbook 2.14 reads any_errors_fatal unrendered: a template counts as set, whatever its value. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anyErrorsFatal(boolean flag) throws Exception {
        Runner.Outcome out = run(flag, """
                - hosts: web
                  gather_facts: false
                  any_errors_fatal: "{{ flag }}"
                  tasks:
                    - probe: {name: boom, fail: true}
                      when: inventory_hostname == 'h1'
                    - probe: after
                """);
        assertFalse(TestModules.calledNames().contains("after"));
        assertEquals(ExitCode.HOST_FAILED, out.exitCode());
    }

    @Test
    void maxFailPercentageFromATemplate() throws Exception {
        f.options.extraVars.put("pct", Y.node(10));
        Runner.Outcome out = run(false, """
                - hosts: web
                  gather_facts: false
                  max_fail_percentage: "{{ pct }}"
                  tasks:
                    - probe: {name: boom, fail: true}
                      when: inventory_hostname == 'h1'
                    - probe: after
                """);
        assertFalse(TestModules.calledNames().contains("after"), "1 of 2 hosts failed: 50% > 10%");
        assertEquals(ExitCode.HOST_FAILED, out.exitCode());
    }

    @Test
    void aTemplateThatFailsIsAnErrorNamingTheKeywordAndWhereItIsWritten() throws Exception {
        UserError e = assertThrows(UserError.class, () -> run(true, """
                - hosts: web
                  gather_facts: false
                  tasks:
                    - probe: once
                      run_once: "{{ nowhere }}"
                """));
        assertTrue(e.getMessage().startsWith("run_once: "), e.getMessage());
        assertTrue(e.getMessage().contains("'nowhere' is undefined"), e.getMessage());
        assertEquals(5, e.origin().line(), String.valueOf(e.origin()));
        assertEquals(ExitCode.ERROR, e.exitCode());
    }

    @Test
    void aTemplateOfTheWrongTypeIsAnError() throws Exception {
        UserError e = assertThrows(UserError.class, () -> run(true, """
                - hosts: web
                  gather_facts: "{{ 'maybe' }}"
                  tasks:
                    - probe: x
                """));
        assertTrue(e.getMessage().startsWith("gather_facts: 'maybe' is not a boolean"), e.getMessage());
        assertEquals(2, e.origin().line());
        assertEquals("use true or false", e.hint());
    }
}

package meshplay.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import meshplay.engine.error.ExitCode;
import meshplay.engine.exec.play.Runner;
import meshplay.engine.inventory.Inventory;
import meshplay.engine.inventory.InventoryLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ansible-core 2.14 accepts while loading and finds only when a task runs: such playbooks load,
 * and a problem fails the task that meets it (exit 2), never the whole playbook up front.
 */
class LazyLoadingTest {
    private final Fixture f = new Fixture().hosts("h1");
    @TempDir
    Path dir;

    @Test
    void playVarsMayBeAListOfMappings() throws Exception {
        f.runFile(Fixture.file(dir, "site.yml", """
                - hosts: web
                  gather_facts: false
                  vars:
                    - a: 1
                    - b: 2
                      a: 3
                  tasks:
                    - probe: "{{ a }} {{ b }}"
                      vars:
                        - c: 4
                    - probe: "{{ c | default('none') }}"
                """));
        assertEquals(List.of("3 2", "none"), TestModules.calledNames("h1"));
    }

    @Test
    void anIncludedRoleThatIsMissingFailsOnlyWhenItsTaskRuns() throws Exception {
        Runner.Outcome out = f.runFile(Fixture.file(dir, "site.yml", """
                - hosts: web
                  gather_facts: false
                  tasks:
                    - include_role: name=nowhere
                      when: false
                    - probe: between
                    - include_role: name=nowhere
                """));
        assertEquals(List.of("between"), TestModules.calledNames("h1"));
        assertEquals(ExitCode.HOST_FAILED, out.exitCode());
    }

    @Test
    void whenOnImportPlaybookAppliesToEveryTaskOfItsPlays() throws Exception {
        Fixture.file(dir, "other.yml", "- hosts: web\n  gather_facts: false\n  tasks:\n    - probe: imported\n");
        f.runFile(Fixture.file(dir, "site.yml", """
                - import_playbook: other.yml
                  when: false
                - import_playbook: other.yml
                  when: inventory_hostname == 'h1'
                """));
        assertEquals(List.of("imported"), TestModules.calledNames("h1"));
    }

    @Test
    void clearHostErrorsLetsFailedHostsTakePartInTheNextPlays() throws Exception {
        Fixture two = new Fixture().hosts("h1", "h2");
        Runner.Outcome out = two.runFile(Fixture.file(dir, "site.yml", """
                - hosts: web
                  gather_facts: false
                  tasks:
                    - probe: {name: boom, fail: true}
                      when: inventory_hostname == 'h1'
                    - meta: clear_host_errors
                    - probe: after
                - hosts: web
                  gather_facts: false
                  tasks:
                    - probe: next
                """));
        assertEquals(List.of("boom", "next"), TestModules.calledNames("h1"));
        assertEquals(List.of("after", "next"), TestModules.calledNames("h2"));
        assertEquals(1, two.stats("h1").failed());
        assertEquals(ExitCode.OK, out.exitCode());
    }

    @Test
    void aMissingInventoryFileIsAWarningAndLeavesTheImplicitLocalhost() throws Exception {
        List<String> warnings = new ArrayList<>();
        Inventory inv = InventoryLoader.load(List.of(dir.resolve("missing").toString()), dir, meshplay.engine.vault.Vault.NONE, warnings::add);
        assertEquals(List.of(), inv.hosts());
        assertEquals(List.of("localhost"), inv.match("localhost"));
        assertTrue(warnings.get(0).startsWith("Unable to parse "), warnings.toString());
        assertTrue(warnings.get(1).contains("only implicit localhost is available"), warnings.toString());
    }
}

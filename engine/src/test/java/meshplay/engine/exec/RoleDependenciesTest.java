package meshplay.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import meshplay.engine.error.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Role dependencies (meta/main.yml) and the *_from arguments of include_role/import_role, as in ansible-core 2.14. */
class RoleDependenciesTest {
    private final Fixture f = new Fixture().hosts("h1");
    @TempDir
    Path dir;

    private void run(String play) throws Exception {
        Fixture.file(dir, "site.yml", "- hosts: web\n  gather_facts: false\n" + play);
        f.runFile(dir.resolve("site.yml"));
    }

    private void roles() throws Exception {
        Fixture.file(dir, "roles/d1/tasks/main.yml", "- probe: \"d1 {{ x | default(0) }}\"\n");
        Fixture.file(dir, "roles/p1/tasks/main.yml", "- probe: p1\n");
        Fixture.file(dir, "roles/p1/meta/main.yml", "dependencies:\n  - d1\n  - role: d1\n    x: 5\n");
        Fixture.file(dir, "roles/p2/tasks/main.yml", "- probe: p2\n");
        Fixture.file(dir, "roles/p2/meta/main.yml", "dependencies:\n  - d1\n");
    }

    @Test
    void dependenciesRunFirstAndARoleUsedTheSameWayRunsOnce() throws Exception {
        roles();
        run("""
                  roles: [p1, p2, p1]
                  tasks:
                    - include_role: name=p2
                    - import_role: name=p2
                """);
        assertEquals(List.of("d1 0", "d1 5", "p1", "p2", "p2", "p2"), TestModules.calledNames("h1"));
    }

    @Test
    void allowDuplicatesRunsADependencyEachTime() throws Exception {
        roles();
        Fixture.file(dir, "roles/d1/meta/main.yml", "allow_duplicates: true\n");
        run("""
                  roles: [p1, p2]
                """);
        assertEquals(List.of("d1 0", "d1 5", "p1", "d1 0", "p2"), TestModules.calledNames("h1"));
    }

    @Test
    void aDependencyTakesTheKeywordsOfTheRoleThatNeedsIt() throws Exception {
        roles();
        run("""
                  roles:
                    - role: p2
                      when: false
                """);
        assertEquals(List.of(), TestModules.calledNames("h1"));
    }

    @Test
    void aDependencyCycleIsAnError() throws Exception {
        Fixture.file(dir, "roles/a/meta/main.yml", "dependencies: [b]\n");
        Fixture.file(dir, "roles/b/meta/main.yml", "dependencies: [a]\n");
        UserError e = assertThrows(UserError.class, () -> run("  roles: [a]\n"));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void fromArgumentsPickTheRolesFiles() throws Exception {
        Fixture.file(dir, "roles/r/tasks/main.yml", "- probe: main\n");
        Fixture.file(dir, "roles/r/tasks/other.yml", "- probe: {name: \"other {{ v }} {{ d }}\", changed: true}\n  notify: h2\n");
        Fixture.file(dir, "roles/r/vars/main.yml", "v: main-vars\n");
        Fixture.file(dir, "roles/r/vars/alt.yml", "v: alt-vars\n");
        Fixture.file(dir, "roles/r/defaults/main.yml", "d: main-defaults\n");
        Fixture.file(dir, "roles/r/defaults/alt.yml", "d: alt-defaults\n");
        Fixture.file(dir, "roles/r/handlers/main.yml", "- name: h1\n  probe: h1\n");
        Fixture.file(dir, "roles/r/handlers/more.yml", "- name: h2\n  probe: h2\n");
        run("""
                  tasks:
                    - include_role:
                        name: r
                        tasks_from: other
                        vars_from: alt
                        defaults_from: alt
                        handlers_from: more
                """);
        assertEquals(List.of("other alt-vars alt-defaults", "h2"), TestModules.calledNames("h1"));
    }
}

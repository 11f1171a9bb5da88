package meshplay.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import meshplay.engine.report.HostStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recap counts ansible-core 2.14 prints for the same playbooks (ok, changed, failed, skipped, rescued, ignored). */
class RecapCountTest {
    private final Fixture f = new Fixture().hosts("h1");
    @TempDir
    Path dir;

    private List<Integer> recap(String tasks) throws Exception {
        Fixture.file(dir, "site.yml", "- hosts: web\n  gather_facts: false\n  tasks:\n" + tasks);
        f.runFile(dir.resolve("site.yml"));
        HostStats s = f.stats("h1");
        return List.of(s.ok(), s.changed(), s.failed(), s.skipped(), s.rescued(), s.ignored());
    }

    @Test
    void aFailureInABlockWithARescueCountsAsRescuedWhateverTheRescueDoes() throws Exception {
        String rescued = """
                    - block:
                        - probe: {name: b, fail: true}
                      rescue:
                        - probe: r
                """;
        assertEquals(List.of(1, 0, 0, 0, 1, 0), recap(rescued));
        String rescueFails = """
                    - block:
                        - probe: {name: b, fail: true}
                      rescue:
                        - probe: {name: r, fail: true}
                """;
        Fixture again = new Fixture().hosts("h1");
        Fixture.file(dir, "site.yml", "- hosts: web\n  gather_facts: false\n  tasks:\n" + rescueFails);
        again.runFile(dir.resolve("site.yml"));
        HostStats s = again.stats("h1");
        assertEquals(List.of(0, 0, 1, 0, 1, 0), List.of(s.ok(), s.changed(), s.failed(), s.skipped(), s.rescued(), s.ignored()));
    }

    @Test
    void theRecapListsHostsSortedByName() throws Exception {
        Fixture hosts = new Fixture().hosts("web10", "db", "web2", "Alpha");
        Fixture.file(dir, "site.yml", "- hosts: web\n  gather_facts: false\n  tasks:\n    - probe: x\n");
        hosts.runFile(dir.resolve("site.yml"));
        assertEquals(List.of("Alpha", "db", "web10", "web2"), List.copyOf(hosts.outcome.stats().snapshot().keySet()));
    }

    @Test
    void anIgnoredFailureCountsOkAndIgnored() throws Exception {
        assertEquals(List.of(1, 0, 0, 0, 0, 1), recap("""
                    - probe: {name: x, fail: true}
                      ignore_errors: true
                """));
    }

    @Test
    void includeTasksCountsOncePerIncludedFileAndIncludeRoleNotAtAll() throws Exception {
        Fixture.file(dir, "inc.yml", "- probe: inner\n");
        Fixture.file(dir, "roles/r/tasks/main.yml", "- probe: in-role\n");
        assertEquals(List.of(10, 0, 0, 0, 0, 0), recap("""
                    - include_tasks: inc.yml
                    - include_tasks: inc.yml
                      loop: [1, 2]
                    - include_role: name=r
                    - include_role: name=r
                      loop: [1, 2]
                    - import_role: name=r
                """));
    }
}

package meshplay.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.result.TaskResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The magic variables ansible-core 2.14 gives every task, with the values it gives them. */
class MagicVarsTest {
    private final Fixture f = new Fixture().hosts("h1");
    @TempDir
    Path dir;

    private Object value(String expression) throws Exception {
        Path pb = dir.resolve("site.yml");
        Files.writeString(pb, "- hosts: web\n  gather_facts: false\n  tasks:\n    - probe:\n        name: v\n        value: \"{{ " + expression + " }}\"\n");
        f.runFile(pb);
        List<meshplay.engine.report.Event.HostResult> all = f.results("probe");
        TaskResult r = all.isEmpty() ? null : all.get(all.size() - 1).result();
        assertTrue(r != null && !r.failed(), r == null ? "no result" : r.msg());
        return r.data().get("value");
    }

    @Test
    void tagsOfTheRunAreListedSorted() throws Exception {
        assertEquals(List.of("all"), value("ansible_run_tags"));
        f.options.tags.addAll(List.of("x", "all"));
        f.options.skipTags.add("y");
        assertEquals(List.of(List.of("all", "x"), List.of("y")), value("[ansible_run_tags, ansible_skip_tags]"));
    }

    @Test
    void versionForksAndModesAreThoseOfTheRun() throws Exception {
        f.options.forks = 3;
        f.options.check = true;
        assertEquals(List.of(2, 14, "2.14.18", 3, true, false, 0),
                value("[ansible_version.major, ansible_version.minor, ansible_version.full, ansible_forks, ansible_check_mode, ansible_diff_mode, ansible_verbosity]"));
        assertEquals(List.of("full", "major", "minor", "revision", "string"), value("ansible_version.keys() | list"));
    }

    @Test
    void playbookDirAndPythonArePaths() throws Exception {
        List<?> v = (List<?>) value("[playbook_dir, ansible_playbook_python]");
        assertEquals(dir.toAbsolutePath().toString(), v.get(0));
        assertTrue(String.valueOf(v.get(1)).startsWith("/"), String.valueOf(v.get(1)));
    }

    @Test
    void hostvarsHasTheImplicitLocalhostWithoutListingIt() throws Exception {
        assertEquals(List.of(true, List.of("h1")), value("['localhost' in hostvars, hostvars.keys() | list]"));
    }

    @Test
    void anInventoryVariableWithAnUndefinedNameMattersOnlyWhenUsed() throws Exception {
        f.inventory.host("h1", Map.of("ansible_connection", "local", "broken", Y.node("{{ nowhere_defined }}")), "web");
        assertEquals("ok", value("'ok'"));
    }
}

package meshplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import meshplay.cli.testing.InProcessCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;
    private InProcessCli cli;
    private String out;
    private String err;
    private Path inventory;

    @BeforeEach
    void inventory() throws Exception {
        cli = new InProcessCli(dir);
        inventory = write("inventory", "[local]\nlocalhost ansible_connection=local\n");
    }

    private Path write(String name, String text) throws Exception {
        return cli.write(name, text);
    }

    private int run(String... args) {
        return runWithInput("", args);
    }

    private int runWithInput(String input, String... args) {
        int code = cli.run(input, args);
        out = cli.out();
        err = cli.err();
        return code;
    }

    private Path playbook(String tasks) throws Exception {
        return write("site.yml", "- name: test\n  hosts: local\n  gather_facts: false\n  tasks:\n" + tasks);
    }

    @Test
    void unknownOptionExitsFiveWithUsage() throws Exception {
        Path pb = playbook("    - name: x\n      command: \"true\"\n");
        assertEquals(5, run(pb.toString(), "--no-such-option"));
        assertTrue(err.contains("Unknown option"), err);
        assertTrue(err.contains("Usage:"), err);
        assertEquals(5, run("run"));
        assertTrue(err.contains("PLAYBOOK"), err);
        assertEquals(5, run(pb.toString(), "-f", "notanumber"));
        assertEquals(5, run());
        assertTrue(err.contains("no playbook given"), err);
    }

    @Test
    void parseErrorExitsFourWithTheSourceLineAndCaret() throws Exception {
        Path pb = playbook("    - name: typo\n      shel: ls\n");
        assertEquals(4, run(pb.toString(), "-i", inventory.toString()));
        assertTrue(err.startsWith("ERROR! "), err);
        assertTrue(err.contains("--> " + pb + ":6:7"), err);
        assertTrue(err.contains(" 6 |       shel: ls\n   |       ^\n"), err);
        assertFalse(err.contains("at meshplay."), "no stack trace without -vvv");
    }

    @Test
    void runsAPlaybookAndASecondRunChangesNothing() throws Exception {
        Path target = dir.resolve("out/file.txt");
        Path pb = playbook("    - name: dir\n      file:\n        path: " + target.getParent() + "\n        state: directory\n"
                + "    - name: write\n      copy:\n        content: \"hello {{ who }}\\n\"\n        dest: " + target + "\n"
                + "      notify: done\n"
                + "  handlers:\n    - name: done\n      command: \"true\"\n");
        Files.createDirectories(target.getParent());
        // check mode predicts the real run: the copy and its handler (the directory exists already)
        assertEquals(0, run(pb.toString(), "-i", inventory.toString(), "-e", "who=world", "--check"));
        assertTrue(out.contains("ok=3    changed=2 "), out);
        assertFalse(Files.exists(target));
        assertEquals(0, run(pb.toString(), "-i", inventory.toString(), "-e", "who=world", "-D"));
        assertTrue(out.contains("TASK [write]"), out);
        assertTrue(out.contains("RUNNING HANDLER [done]"), out);
        assertTrue(out.contains("+hello world"), out);
        assertTrue(out.contains("ok=3    changed=2 "), out);
        assertEquals("hello world\n", Files.readString(target));
        // the default command and a second run: nothing changes, the handler does not run
        assertEquals(0, run(pb.toString(), "-i", inventory.toString(), "-e", "who=world"));
        assertTrue(out.contains("localhost                  : ok=2    changed=0    unreachable=0    failed=0"), out);
        assertFalse(out.contains("RUNNING HANDLER"), out);
    }

    @Test
    void aFailedHostExitsTwo() throws Exception {
        Path pb = playbook("    - name: fails\n      command: \"false\"\n");
        assertEquals(2, run(pb.toString(), "-i", inventory.toString()));
        assertTrue(out.contains("fatal: [localhost]: FAILED!"), out);
    }

    @Test
    void anUnreachableHostExitsFourAsAnsiblePlaybook() throws Exception {
        Path inv = write("unreach", "[local]\ngone ansible_host=127.0.0.1 ansible_port=1 ansible_user=nobody\n");
        Path pb = playbook("    - name: x\n      command: \"true\"\n");
        assertEquals(4, run(pb.toString(), "-i", inv.toString(), "-T", "3"));
        assertTrue(out.contains("fatal: [gone]: UNREACHABLE!"), out);
        assertTrue(out.contains("unreachable=1"), out);
    }

    @Test
    void jsonOutputRespectsNoLog() throws Exception {
        Path pb = playbook("    - name: secret\n      command: echo s3cr3t-value\n      no_log: true\n"
                + "    - name: open\n      command: echo visible\n");
        assertEquals(0, run(pb.toString(), "-i", inventory.toString(), "--json", "-v"));
        assertFalse(out.contains("s3cr3t-value"), out);
        assertTrue(out.contains("visible"), out);
        assertTrue(out.lines().allMatch(l -> l.startsWith("{") && l.endsWith("}")), out);
        assertTrue(out.contains("\"event\":\"recap\""), out);
    }

    @Test
    void aFactSetUnderNoLogIsMaskedInEveryOutputMode() throws Exception {
        Path pb = playbook("    - name: keep\n      set_fact: {db_secret: p4ss-w0rd-in-fact}\n      no_log: true\n"
                + "    - name: use\n      debug: {msg: \"connecting with {{ db_secret }} now\"}\n"
                + "    - name: run\n      command: echo \"{{ db_secret }}\"\n");
        for (List<String> mode : List.<List<String>>of(List.of(), List.of("-vvvv"), List.of("--json", "-vvvv"))) {
            List<String> args = new java.util.ArrayList<>(List.of(pb.toString(), "-i", inventory.toString()));
            args.addAll(mode);
            assertEquals(0, run(args.toArray(String[]::new)), out);
            assertFalse(out.contains("w0rd-in-fact"), mode + ": " + out);
            assertTrue(out.contains("connecting with ******** now"), mode + ": " + out);
        }
    }

    @Test
    void listingsRunNothing() throws Exception {
        Path marker = dir.resolve("marker");
        Path pb = playbook("    - name: first\n      command: touch " + marker + "\n      tags: [setup]\n"
                + "    - name: second\n      command: \"true\"\n      tags: never\n");
        assertEquals(0, run(pb.toString(), "-i", inventory.toString(), "--list-tasks"));
        assertTrue(out.contains("      first\tTAGS: [setup]"), out);
        assertFalse(out.contains("second"), out);
        assertEquals(0, run(pb.toString(), "-i", inventory.toString(), "--list-hosts"));
        assertTrue(out.contains("hosts (1):\n      localhost"), out);
        assertEquals(0, run(pb.toString(), "-i", inventory.toString(), "--list-tags"));
        assertTrue(out.contains("TASK TAGS: [never, setup]"), out);
        assertEquals(0, run(pb.toString(), "--syntax-check"));
        assertTrue(out.contains("playbook: " + pb), out);
        assertFalse(Files.exists(marker));
    }

    @Test
    void listTasksRendersTemplatedTagsWithThePlayVars() throws Exception {
        Path pb = write("site.yml", "- name: test\n  hosts: local\n  gather_facts: false\n  vars: {the_tags: [tag3, tag4]}\n"
                + "  tasks:\n    - name: templated\n      debug: msg=x\n      tags: \"{{ the_tags }}\"\n"
                + "    - name: other\n      debug: msg=y\n      tags: other\n");
        assertEquals(0, run(pb.toString(), "-i", inventory.toString(), "--list-tasks", "--tags", "tag3"));
        assertTrue(out.contains("      templated\tTAGS: [tag3, tag4]"), out);
        assertFalse(out.contains("other"), out);
    }

    @Test
    void stepAsksBeforeEachTask() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path pb = playbook("    - name: make a\n      command: touch " + a + "\n    - name: make b\n      command: touch " + b + "\n");
        assertEquals(0, runWithInput("n\ny\n", pb.toString(), "-i", inventory.toString(), "--step"));
        assertTrue(out.contains("STEP 1/2 TASK [make a] at "), out);
        assertTrue(out.contains("step> "), out);
        assertFalse(Files.exists(a));
        assertTrue(Files.exists(b));
    }

    @Test
    void docShowsArgumentsAndTheList() {
        assertEquals(0, run("doc", "copy"));
        assertTrue(out.contains("dest"), out);
        assertTrue(out.contains("required"), out);
        assertEquals(0, run("doc", "set_fact"));
        assertTrue(out.contains("engine action"), out);
        assertEquals(0, run("doc", "--list"));
        assertTrue(out.contains("include_tasks"), out);
        assertTrue(out.contains("lineinfile"), out);
        assertEquals(5, run("doc", "cpoy"));
        assertTrue(err.contains("did you mean 'copy'"), err);
    }

    @Test
    void inventoryListGraphAndHost() throws Exception {
        Path inv = write("hosts", "[web]\nn2 ansible_host=10.0.0.2\nn3\n");
        assertEquals(0, run("inventory", "-i", inv.toString(), "--list"));
        assertTrue(out.contains("\"web\":{\"hosts\":[\"n2\",\"n3\"]}"), out);
        assertTrue(out.contains("\"ansible_host\":\"10.0.0.2\""), out);
        assertEquals(0, run("inventory", "-i", inv.toString(), "--graph"));
        assertTrue(out.contains("  |--@web:\n  |  |--n2\n"), out);
        assertEquals(0, run("inventory", "-i", inv.toString(), "--host", "n2"));
        assertEquals("{\"ansible_host\":\"10.0.0.2\"}", out.strip());
        assertEquals(5, run("inventory", "-i", inv.toString()));
    }

    @Test
    void versionPrints() {
        assertEquals(0, run("version"));
        assertTrue(out.startsWith("meshplay "), out);
        assertEquals(0, run("--version"));
    }

    @Test
    void withoutAnInventoryTheImplicitLocalhostRunsLocally() throws Exception {
        Path marker = dir.resolve("implicit");
        Path pb = write("local.yml", "- hosts: localhost\n  gather_facts: false\n  tasks:\n    - command: touch " + marker + "\n");
        assertEquals(0, run(pb.toString()));
        assertTrue(Files.exists(marker), out);
        assertTrue(out.contains("PLAY [localhost]"), out);
    }
}

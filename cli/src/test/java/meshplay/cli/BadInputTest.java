package meshplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import meshplay.cli.testing.InProcessCli;
import meshplay.engine.testing.YamlBombs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input fails fast and cleanly: an alias bomb, include cycles, options out of their domain, missing
 * files and invalid characters each end with the exit code of ansible-playbook (4 parse error, 5 bad
 * option, 2 failed host), a message that names the place, and no Java stack trace.
 */
class BadInputTest {
    @TempDir
    Path dir;
    private InProcessCli cli;
    private Path inventory;

    @BeforeEach
    void inventory() throws Exception {
        cli = new InProcessCli(dir);
        inventory = cli.write("inventory", "[local]\nlocalhost ansible_connection=local\n");
    }

    private Path playbook(String playKeys, String tasks) throws Exception {
        return cli.write("site.yml", "- name: test\n  hosts: local\n  gather_facts: false\n" + playKeys + "  tasks:\n" + tasks);
    }

    private void assertNoStackTrace() {
        assertFalse(cli.err().contains("\tat ") || cli.out().contains("\tat "), cli.err() + cli.out());
        assertFalse(cli.err().contains("Exception") || cli.err().contains("Error:"), cli.err());
    }

    @Test
    void anAliasBombFailsAtOnceWithExitFourWhereverItIsRead() throws Exception {
        Path bomb = cli.write("bomb.yml", YamlBombs.billionLaughs());
        Path bombInventory = cli.write("bomb-inventory.yml", "all:\n  hosts:\n    localhost: {ansible_connection: local}\n  vars:\n"
                + YamlBombs.billionLaughs().indent(4));
        Path bombPlaybook = cli.write("bomb-play.yml", "- hosts: local\n  vars:\n" + YamlBombs.billionLaughs().indent(4) + "  tasks: []\n");
        Path varsFiles = playbook("  vars_files: [" + bomb + "]\n", "    - debug: msg=x\n");
        Path includeVars = cli.write("include-vars.yml", "- hosts: local\n  gather_facts: false\n  tasks:\n    - include_vars: " + bomb + "\n");
        cli.write("plain.yml", "- hosts: all\n  gather_facts: false\n  tasks:\n    - debug: msg=x\n");
        String[][] cases = {
            {bombPlaybook.toString(), "-i", inventory.toString()},
            {varsFiles.toString(), "-i", inventory.toString()},
            {includeVars.toString(), "-i", inventory.toString()},
            {includeVars.toString().replace("include-vars", "plain"), "-i", bombInventory.toString()},
            {varsFiles.toString(), "-i", inventory.toString(), "-e", "@" + bomb},
        };
        for (String[] args : cases) {
            int code = cli.run("", args);
            String all = cli.err() + cli.out();
            assertTrue(all.contains("YAML aliases expand this document by more than 1,000,000 values"), String.join(" ", args) + "\n" + all);
            String file = args[0].endsWith("bomb-play.yml") ? "bomb-play.yml" : args[2].endsWith("bomb-inventory.yml") ? "bomb-inventory.yml" : "bomb.yml";
            assertTrue(all.matches("(?s).*" + file + ":\\d+:\\d+.*"), file + ":line:col\n" + all);
            assertNoStackTrace();
            if (args[0].equals(includeVars.toString())) assertEquals(2, code, "include_vars fails the host, as in Ansible\n" + all);
            else assertEquals(4, code, all);
        }
    }

    @Test
    void optionsOutsideTheirDomainExitFiveNamingTheAllowedValues() throws Exception {
        Path marker = dir.resolve("ran");
        Path pb = playbook("", "    - command: touch " + marker + "\n");
        String[][] cases = {
            {"-T", "-5"}, {"-T", "0"}, {"-f", "0"}, {"-c", "telnet"}, {"--become-method", "doas"}, {"-u", ""}, {"--become-user", " "},
        };
        String[] expected = {
            "--timeout must be at least 1 (seconds), got -5", "--timeout must be at least 1 (seconds), got 0",
            "--forks must be at least 1, got 0", "--connection must be one of: local, ssh; got 'telnet'",
            "--become-method must be one of: sudo, su; got 'doas'", "--user must not be empty", "--become-user must not be empty",
        };
        for (int i = 0; i < cases.length; i++) {
            assertEquals(5, cli.run("", pb.toString(), "-i", inventory.toString(), cases[i][0], cases[i][1]), String.join(" ", cases[i]) + "\n" + cli.err());
            assertTrue(cli.err().startsWith("ERROR! " + expected[i]), cli.err());
            assertNoStackTrace();
        }
        assertFalse(Files.exists(marker), "nothing ran");
        assertEquals(0, cli.run("", pb.toString(), "-i", inventory.toString(), "-c", "local", "--become-method", "su", "-T", "1", "-f", "1"), cli.err() + cli.out());
        assertTrue(Files.exists(marker));
    }

    @Test
    void anUnknownBecomeMethodInAPlaybookFailsTheTaskInsteadOfRunningSudo() throws Exception {
        Path marker = dir.resolve("ran");
        Path pb = playbook("", "    - command: touch " + marker + "\n      become: true\n      become_method: doas\n");
        assertEquals(2, cli.run("", pb.toString(), "-i", inventory.toString()));
        assertTrue(cli.out().contains("become method 'doas' is not supported; use one of: sudo, su"), cli.out());
        assertFalse(Files.exists(marker));
    }

    @Test
    void anExtraVarsFileMayFollowTheOptionAfterASpace() throws Exception {
        Path vars = cli.write("vars.yml", "who: from-file\n");
        Path pb = playbook("", "    - debug: msg=\"hello {{ who }}\"\n");
        assertEquals(0, cli.run("", pb.toString(), "-i", inventory.toString(), "-e", "@" + vars), cli.err() + cli.out());
        assertTrue(cli.out().contains("hello from-file"), cli.out());
        assertEquals(0, cli.run("", pb.toString(), "-i", inventory.toString(), "--extra-vars", "@" + vars), cli.err() + cli.out());
        assertTrue(cli.out().contains("hello from-file"), cli.out());
    }

    @Test
    void aSelfIncludingTaskFileStopsAtTheDepthLimitNamingTheCycle() throws Exception {
        cli.write("again.yml", "- debug: msg=again\n- include_tasks: again.yml\n");
        Path pb = playbook("", "    - include_tasks: again.yml\n");
        assertEquals(4, cli.run("", pb.toString(), "-i", inventory.toString()));
        assertTrue(cli.err().contains("ERROR! includes nested more than 100 levels deep: " + dir.resolve("again.yml") + ":2:3 include_tasks again.yml"
                + " (the chain starts at " + pb + ":5:7 include_tasks again.yml)"), cli.err());
        assertTrue(cli.err().contains("needs a `when:` that becomes false"), cli.err());
        assertEquals(100, cli.out().split("msg\": \"again\"", -1).length - 1, "100 levels ran before the limit");
        assertNoStackTrace();
    }

    @Test
    void aCycleThroughTwoFilesNamesBoth() throws Exception {
        cli.write("ping.yml", "- include_tasks: pong.yml\n");
        cli.write("pong.yml", "- include_tasks: ping.yml\n");
        Path pb = playbook("", "    - include_tasks: ping.yml\n");
        assertEquals(4, cli.run("", pb.toString(), "-i", inventory.toString()));
        assertTrue(cli.err().contains(dir.resolve("ping.yml") + ":1:3 include_tasks pong.yml -> " + dir.resolve("pong.yml") + ":1:3 include_tasks ping.yml"), cli.err());
        assertNoStackTrace();
    }

    @Test
    void aRecursionEndedByWhenRunsAsInAnsible() throws Exception {
        cli.write("count.yml", "- set_fact:\n    n: \"{{ n | int + 1 }}\"\n- debug: msg=\"n={{ n }}\"\n"
                + "- include_tasks: count.yml\n  when: n | int < 60\n");
        Path pb = playbook("", "    - set_fact:\n        n: 0\n    - include_tasks: count.yml\n    - debug: msg=done\n");
        assertEquals(0, cli.run("", pb.toString(), "-i", inventory.toString()), cli.err() + cli.out());
        assertTrue(cli.out().contains("\"n=60\"") && !cli.out().contains("\"n=61\"") && cli.out().contains("\"done\""), cli.out());
    }

    @Test
    void roleRecursionIsLimitedAndAnImportRoleCycleIsNamed() throws Exception {
        cli.write("roles/loop/tasks/main.yml", "- include_role: name=loop\n");
        Path pb = playbook("", "    - include_role: name=loop\n");
        assertEquals(4, cli.run("", pb.toString(), "-i", inventory.toString()));
        assertTrue(cli.err().contains("includes nested more than 100 levels deep: " + dir.resolve("roles/loop/tasks/main.yml") + ":1:3 include_role loop"), cli.err());
        assertNoStackTrace();

        cli.write("roles/self/tasks/main.yml", "- debug: msg=self\n- import_role: name=self\n");
        pb = playbook("", "    - import_role: name=self\n");
        assertEquals(4, cli.run("", pb.toString(), "-i", inventory.toString()));
        assertTrue(cli.err().contains("ERROR! role recursion: " + dir.resolve("roles/self/tasks/main.yml") + ":2:3 import_role self"), cli.err());
        assertEquals(1, cli.out().split("msg\": \"self\"", -1).length - 1, cli.out());
        assertNoStackTrace();
    }

    @Test
    void anImportPlaybookCycleNamesTheChain() throws Exception {
        cli.write("a.yml", "- import_playbook: b.yml\n");
        Path b = cli.write("b.yml", "- import_playbook: a.yml\n");
        assertEquals(4, cli.run("", dir.resolve("a.yml").toString(), "-i", inventory.toString()));
        assertTrue(cli.err().contains("ERROR! import cycle: a.yml -> b.yml -> a.yml"), cli.err());
        assertTrue(cli.err().contains("--> " + b + ":1:20"), cli.err());
        assertNoStackTrace();
    }

    @Test
    void aMissingIncludedFileNamesTheTaskThatIncludesIt() throws Exception {
        Path pb = playbook("", "    - debug: msg=first\n    - include_tasks: nope.yml\n");
        assertEquals(2, cli.run("", pb.toString(), "-i", inventory.toString()));
        assertTrue(cli.out().contains("could not find 'nope.yml' (include_tasks at " + pb + ":6:7)"), cli.out());
        pb = playbook("", "    - include_vars: nope.yml\n");
        assertEquals(2, cli.run("", pb.toString(), "-i", inventory.toString()));
        assertTrue(cli.out().contains("could not find 'nope.yml' (include_vars at " + pb + ":5:7)"), cli.out());
        // a missing import or vars file is an error (exit 1) in ansible-playbook, not a parse error
        pb = playbook("", "    - import_tasks: nope.yml\n");
        assertEquals(1, cli.run("", pb.toString(), "-i", inventory.toString()));
        assertTrue(cli.err().contains("--> " + pb + ":5:21"), cli.err());
        pb = playbook("  vars_files: [nope.yml]\n", "    - debug: msg=x\n");
        assertEquals(1, cli.run("", pb.toString(), "-i", inventory.toString()));
        assertTrue(cli.err().contains("--> " + pb + ":4:16"), cli.err());
    }

    @Test
    void aNulByteIsReportedAtItsLineAndColumn() throws Exception {
        Path pb = playbook("", "    - debug: msg=a\u0000b\n");
        assertEquals(4, cli.run("", pb.toString(), "-i", inventory.toString()));
        assertTrue(cli.err().startsWith("ERROR! invalid character U+0000: YAML allows only printable characters"), cli.err());
        assertTrue(cli.err().contains("--> " + pb + ":5:19"), cli.err());
        assertNoStackTrace();
    }
}

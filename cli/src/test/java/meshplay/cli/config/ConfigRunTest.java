package meshplay.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import meshplay.cli.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ansible.cfg and ANSIBLE_* settings change a local run: force_handlers, gathering, stdout_callback, notices and errors. */
class ConfigRunTest {
    @TempDir
    Path tmp;
    Path repo;
    String out;
    String err;

    @BeforeEach
    void layout() throws Exception {
        repo = Files.createDirectories(tmp.resolve("repo"));
        Files.setPosixFilePermissions(repo, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(repo.resolve("hosts"), "box ansible_connection=local\n");
        Files.writeString(repo.resolve("site.yml"), """
                - hosts: box
                  tasks:
                    - name: first play
                      debug: {msg: one}
                - hosts: box
                  tasks:
                    - name: second play
                      debug: {msg: two}
                """);
    }

    private int meshplay(Map<String, String> vars, String cfg, String... args) throws Exception {
        Files.writeString(repo.resolve("ansible.cfg"), "[defaults]\ninventory = hosts\n" + cfg);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        ProcessEnv env = new ProcessEnv(vars, repo, Files.createDirectories(tmp.resolve("home")));
        int code = Main.execute(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), env);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private int gatherings() {
        return out.split("TASK \\[Gathering Facts\\]", -1).length - 1;
    }

    @Test
    void aMissingHandlerIsOnlyAWarningWhenErrorOnMissingHandlerIsOff() throws Exception {
        Files.writeString(repo.resolve("missing.yml"), """
                - hosts: box
                  gather_facts: false
                  tasks:
                    - name: notify
                      debug: {msg: notify}
                      changed_when: true
                      notify: not there
                    - name: after
                      debug: {msg: AFTER RAN}
                """);
        assertEquals(1, meshplay(Map.of(), "", "missing.yml"), err);
        assertFalse(out.contains("AFTER RAN"), "stops by default\n" + out);
        String warning = "The requested handler 'not there' was not found in either the main handlers list nor in the listening handlers list";
        assertEquals(0, meshplay(Map.of(), "error_on_missing_handler = False\n", "missing.yml"), err);
        assertTrue(out.contains("AFTER RAN") && (out + err).contains(warning), "a warning by ansible.cfg\n" + out + err);
        assertEquals(0, meshplay(Map.of("ANSIBLE_ERROR_ON_MISSING_HANDLER", "false"), "", "missing.yml"), err);
        assertTrue(out.contains("AFTER RAN"), "a warning by ANSIBLE_ERROR_ON_MISSING_HANDLER\n" + out);
    }

    @Test
    void forceHandlersFromTheFileOrTheEnvironment() throws Exception {
        Files.writeString(repo.resolve("handlers.yml"), """
                - hosts: box
                  gather_facts: false
                  tasks:
                    - name: notify
                      debug: {msg: notify}
                      changed_when: true
                      notify: the handler
                    - name: fail
                      fail: {msg: failed}
                  handlers:
                    - name: the handler
                      debug: {msg: HANDLER RAN}
                """);
        assertEquals(2, meshplay(Map.of(), "", "handlers.yml"), err);
        assertFalse(out.contains("HANDLER RAN"), "not forced by default\n" + out);
        assertEquals(2, meshplay(Map.of(), "force_handlers = True\n", "handlers.yml"), err);
        assertTrue(out.contains("HANDLER RAN"), "forced by ansible.cfg\n" + out);
        assertEquals(2, meshplay(Map.of("ANSIBLE_FORCE_HANDLERS", "true"), "", "handlers.yml"), err);
        assertTrue(out.contains("HANDLER RAN"), "forced by ANSIBLE_FORCE_HANDLERS\n" + out);
        assertEquals(2, meshplay(Map.of("ANSIBLE_FORCE_HANDLERS", "false"), "", "handlers.yml", "--force-handlers"), err);
        assertTrue(out.contains("HANDLER RAN"), "the command line wins\n" + out);
    }

    @Test
    void gatheringImplicitExplicitAndSmart() throws Exception {
        assertEquals(0, meshplay(Map.of(), "", "site.yml"), err);
        assertEquals(2, gatherings(), "implicit: every play gathers\n" + out);
        assertEquals(0, meshplay(Map.of(), "gathering = explicit\n", "site.yml"), err);
        assertEquals(0, gatherings(), "explicit: only plays that ask\n" + out);
        assertEquals(0, meshplay(Map.of(), "gathering = smart\n", "site.yml"), err);
        assertEquals(1, gatherings(), "smart: once per host and run\n" + out);
        assertEquals(0, meshplay(Map.of("ANSIBLE_GATHERING", "implicit"), "gathering = explicit\n", "site.yml"), err);
        assertEquals(2, gatherings(), "the environment beats the file\n" + out);
    }

    @Test
    void stdoutCallbackJsonPrintsJsonEventsAndYamlGetsANotice() throws Exception {
        assertEquals(0, meshplay(Map.of(), "gathering = explicit\nstdout_callback = json\n", "site.yml"), err);
        assertTrue(out.lines().allMatch(l -> l.startsWith("{")), out);
        assertTrue(out.contains("\"second play\""), out);
        assertEquals(0, meshplay(Map.of("ANSIBLE_STDOUT_CALLBACK", "yaml"), "gathering = explicit\nstdout_callback = json\n", "site.yml"), err);
        assertTrue(out.contains("TASK [second play]"), out);
        assertTrue(err.contains("stdout_callback=yaml (env: ANSIBLE_STDOUT_CALLBACK)"), err);
    }

    @Test
    void unusedKeysAreListedOnceWithVerboseAndNeverStopTheRun() throws Exception {
        String cfg = "gathering = explicit\nnocows = 1\n[ssh_connection]\nssh_args = -C -o ControlMaster=auto -o StrictHostKeyChecking=yes\n";
        assertEquals(0, meshplay(Map.of(), cfg, "site.yml"), err);
        assertFalse(err.contains("nocows"), err);
        assertTrue(err.contains("ssh_args (" + repo.resolve("ansible.cfg") + ":6): only -o UserKnownHostsFile and -o StrictHostKeyChecking"
                + " are used; ignored: -C, -o ControlMaster"), err);
        assertEquals(0, meshplay(Map.of(), cfg, "site.yml", "-v"), err);
        assertEquals(1, err.split("nocows", -1).length - 1, err);
        assertTrue(err.contains("[defaults] nocows (line 4)"), err);
    }

    @Test
    void aBrokenConfigFileStopsWithFileLineAndExitFive() throws Exception {
        assertEquals(5, meshplay(Map.of(), "forks = 0x\n", "site.yml"));
        assertTrue(err.contains("invalid value for DEFAULT_FORKS: '0x' is not a whole number"), err);
        assertTrue(err.contains("--> " + repo.resolve("ansible.cfg") + ":3:1"), err);
        assertTrue(err.contains("3 | forks = 0x"), err);
        assertEquals(5, meshplay(Map.of("ANSIBLE_FORKS", "0"), "", "site.yml"));
        assertTrue(err.contains("forks must be at least 1, not 0") && err.contains("env: ANSIBLE_FORKS"), err);
        // a missing inventory source is a warning in ansible-playbook, and only the implicit localhost is left
        assertEquals(0, meshplay(Map.of("ANSIBLE_CONFIG", repo.resolve("missing.cfg").toString(), "ANSIBLE_INVENTORY", "nowhere"), "",
                "site.yml"), "ANSIBLE_CONFIG naming a missing file falls back to ./ansible.cfg; ANSIBLE_INVENTORY beats its inventory");
        assertTrue(out.contains("Unable to parse " + repo.resolve("nowhere") + " as an inventory source"), out);
    }

    @Test
    void sshHandshakesAtOnceComeFromTheEnvironmentOrTheFileAndMustBePositive() throws Exception {
        assertEquals(0, meshplay(Map.of(), "gathering = explicit\n[ssh_connection]\nhandshakes = 3\n", "site.yml", "-vv"), err);
        assertTrue(err.contains("config: MESHPLAY_SSH_HANDSHAKES(" + repo.resolve("ansible.cfg") + ":5) = 3"), err);
        assertFalse(err.contains("[ssh_connection] handshakes"), "a setting meshplay uses is not listed as ignored: " + err);
        assertEquals(5, meshplay(Map.of("MESHPLAY_SSH_HANDSHAKES", "0"), "", "site.yml"));
        assertTrue(err.contains("handshakes must be at least 1, not 0") && err.contains("env: MESHPLAY_SSH_HANDSHAKES"), err);
    }

    @Test
    void commandLineOptionsBeatTheEnvironmentAndVeryVerboseShowsTheOrigins() throws Exception {
        assertEquals(0, meshplay(Map.of("ANSIBLE_FORKS", "7", "ANSIBLE_PRIVATE_KEY_FILE", "env_key"), "gathering = explicit\nforks = 3\n",
                "site.yml", "-f", "2", "--private-key", "keys/cli_key", "-vv"), err);
        assertTrue(err.contains("config: DEFAULT_FORKS(command line (--forks)) = 2"), err);
        assertTrue(err.contains("config: DEFAULT_PRIVATE_KEY_FILE(command line (--private-key)) = " + repo.resolve("keys/cli_key")), err);
        assertTrue(err.contains("config: DEFAULT_GATHERING(" + repo.resolve("ansible.cfg") + ":3) = explicit"), err);
        assertEquals(0, meshplay(Map.of("ANSIBLE_FORKS", "7"), "forks = 3\n", "site.yml", "--syntax-check", "-vv"), err);
        assertTrue(err.contains("config: DEFAULT_FORKS(env: ANSIBLE_FORKS) = 7"), err);
    }

    @Test
    void inventoryCommandUsesTheConfiguredInventory() throws Exception {
        assertEquals(0, meshplay(Map.of(), "", "inventory", "--graph"), err);
        assertTrue(out.contains("|--box"), out);
        Files.writeString(repo.resolve("other"), "elsewhere\n");
        assertEquals(0, meshplay(Map.of(), "", "inventory", "--graph", "-i", "other"), err);
        assertTrue(out.contains("|--elsewhere") && !out.contains("box"), out);
    }
}

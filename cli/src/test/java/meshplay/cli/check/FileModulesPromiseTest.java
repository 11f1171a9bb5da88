package meshplay.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import meshplay.cli.testing.PlaybookRun;
import meshplay.engine.testing.TempRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check-mode promise for replace, authorized_key, slurp, fetch and find in one playbook run
 * through the engine: the check run changes nothing (neither on the host nor on the controller) and
 * predicts the real run's changed tasks; the second real run changes nothing.
 */
class FileModulesPromiseTest {
    private static final String H = "node1";
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAdminAdminAdminAdminAdminAdminAdminAdmin admin@laptop";
    @TempDir
    Path dir;

    @Test
    void checkPredictsTheRunAndTheSecondRunChangesNothing() throws IOException {
        PlaybookRun run = new PlaybookRun(dir, H);
        TempRoot root = run.root(H);
        root.file("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n#Port 22\nPermitRootLogin yes\n");
        root.file("/etc/motd", "welcome to node1\n");
        run.write("play.yml", """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: port
                      replace: {path: /etc/ssh/sshd_config, regexp: '^#?Port .*$', replace: 'Port 2222'}
                    - name: admin key
                      authorized_key: {user: root, path: /root/.ssh/authorized_keys, key: "%s"}
                    - name: read motd
                      slurp: {src: /etc/motd}
                      register: motd
                    - name: copy of motd
                      copy: {content: "{{ motd.content | b64decode }}", dest: /etc/motd.copy}
                    - name: keep a copy on the controller
                      fetch: {src: /etc/motd, dest: fetched}
                    - name: list etc
                      find: {paths: "{{ host_root }}/etc", patterns: 'motd*'}
                      register: found
                    - name: count
                      copy: {content: "{{ found.matched }}\\n", dest: /etc/found}
                """.formatted(KEY));
        Map<String, String> before = CheckModePromiseTest.snapshot(dir);
        PlaybookRun.Result check = run.run("play.yml", CheckModePromiseTest.options(true));
        assertEquals(0, check.exitCode(), check.console());
        assertEquals(before, CheckModePromiseTest.snapshot(dir), "the check run changed a file:\n" + check.console());

        PlaybookRun.Result real = run.run("play.yml", CheckModePromiseTest.options(false));
        assertEquals(0, real.exitCode(), real.console());
        assertEquals(real.changedTasks(H), check.changedTasks(H), check.console() + "\n" + real.console());
        assertEquals(Set.of("port", "admin key", "copy of motd", "keep a copy on the controller", "count"), real.changedTasks(H));
        assertTrue(root.read("/etc/ssh/sshd_config").contains("\nPort 2222\n"));
        assertEquals(KEY + "\n", root.read("/root/.ssh/authorized_keys"));
        assertEquals("welcome to node1\n", root.read("/etc/motd.copy"));
        assertEquals("welcome to node1\n", Files.readString(dir.resolve("fetched/node1/etc/motd")));
        assertEquals("2\n", root.read("/etc/found"), "motd and the copy made before");

        PlaybookRun.Result again = run.run("play.yml", CheckModePromiseTest.options(false));
        assertEquals(0, again.changed(H), again.console());
        assertFalse(again.console().contains("FAILED"), again.console());
    }
}

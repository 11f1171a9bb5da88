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
import meshplay.engine.testing.SshdFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository laid out for Ansible (ansible.cfg naming the inventory, forks, remote user, key, roles
 * path and vault password file; the host keys named by ssh_args) runs with `meshplay run site.yml` and
 * nothing else, over a real sshd; and the settings and their origins are what `meshplay config dump` shows.
 */
class AnsibleCfgRunTest {
    @TempDir
    static Path shared;
    static SshdFixture sshd;

    @TempDir
    Path tmp;
    String out;
    String err;

    @BeforeAll
    static void start() throws Exception {
        sshd = SshdFixture.start(shared.resolve("sshd"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (sshd != null) sshd.close();
    }

    private int meshplay(ProcessEnv env, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), env);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void repositoryWithAnsibleCfgRunsWithNoOption() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.setPosixFilePermissions(repo, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path results = SshdFixture.testUserDirectory("cfg-run-" + System.nanoTime());
        try {
            Path key = Files.createDirectories(repo.resolve("keys")).resolve("id_ed25519");
            Files.copy(sshd.clientKey(), key);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            write(repo.resolve("ansible.cfg"), """
                    # as an Ansible user keeps it
                    [defaults]
                    inventory = hosts.ini
                    forks = 2
                    remote_user = %s
                    private_key_file = keys/id_ed25519
                    roles_path = shared/roles
                    vault_password_file = .vault_pass
                    retry_files_enabled = False

                    [ssh_connection]
                    ssh_args = -o UserKnownHostsFile=%s -o StrictHostKeyChecking=yes
                    pipelining = True
                    """.formatted(SshdFixture.TEST_USER, sshd.knownHosts()));
            write(repo.resolve(".vault_pass"), "not used by this playbook\n");
            write(repo.resolve("hosts.ini"), """
                    [nodes]
                    n1 ansible_host=127.0.0.1 ansible_port=%d
                    n2 ansible_host=127.0.0.1 ansible_port=%d
                    [nodes:vars]
                    results=%s
                    """.formatted(sshd.port(), sshd.port(), results));
            write(repo.resolve("shared/roles/whoami/tasks/main.yml"), """
                    - name: record the login user
                      shell: "id -un > {{ results }}/{{ inventory_hostname }}"
                    """);
            write(repo.resolve("site.yml"), """
                    - hosts: nodes
                      gather_facts: false
                      roles: [whoami]
                    """);
            ProcessEnv env = new ProcessEnv(Map.of(), repo, Files.createDirectories(tmp.resolve("home")));

            assertEquals(0, meshplay(env, "run", "site.yml"), out + err);
            assertTrue(out.contains("n1") && out.contains("n2") && out.contains("changed=1"), out);
            assertEquals(SshdFixture.TEST_USER + "\n", Files.readString(results.resolve("n1")), "remote_user from ansible.cfg");
            assertEquals(SshdFixture.TEST_USER + "\n", Files.readString(results.resolve("n2")));
            assertTrue(err.contains("[ssh_connection] pipelining (line 13)"), "ignored ssh settings are named: " + err);
            assertFalse(err.contains("retry_files_enabled"), "unused keys only with -v: " + err);

            assertEquals(0, meshplay(env, "config", "dump", "--only-changed"), err);
            Path cfg = repo.resolve("ansible.cfg");
            assertTrue(out.contains("DEFAULT_FORKS(" + cfg + ":4) = 2"), out);
            assertTrue(out.contains("DEFAULT_HOST_LIST(" + cfg + ":3) = ['" + repo.resolve("hosts.ini") + "']"), out);
            assertTrue(out.contains("DEFAULT_VAULT_PASSWORD_FILE(" + cfg + ":8) = " + repo.resolve(".vault_pass")), out);
            assertTrue(out.contains("DEFAULT_ROLES_PATH(" + cfg + ":7) = ['" + repo.resolve("shared/roles") + "']"), out);
            assertFalse(out.contains("(default)"), out);

            // the host keys come from ssh_args: without them the run stops at the unknown key
            write(repo.resolve("ansible.cfg"), Files.readString(cfg).replaceAll("ssh_args = .*", ""));
            assertEquals(4, meshplay(env, "run", "site.yml"), out + err);
            assertTrue(out.contains("is unknown"), out);
        } finally {
            SshdFixture.removeTree(results);
        }
    }
}

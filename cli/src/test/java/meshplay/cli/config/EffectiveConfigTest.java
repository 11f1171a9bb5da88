package meshplay.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where ansible.cfg is found, Ansible's precedence (command line > environment > file > default), types and origins. */
class EffectiveConfigTest {
    @TempDir
    Path tmp;

    private ProcessEnv env(Path cwd, Map<String, String> vars) throws Exception {
        Files.createDirectories(cwd);
        Files.setPosixFilePermissions(cwd, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new ProcessEnv(vars, cwd, Files.createDirectories(tmp.resolve("home")));
    }

    private Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void theFirstFileFoundWins() throws Exception {
        Path repo = tmp.resolve("repo");
        Path system = write(tmp.resolve("etc/ansible.cfg"), "[defaults]\n");
        assertEquals(system, ConfigFileLocator.find(env(repo, Map.of()), system).file());
        Path home = write(tmp.resolve("home/.ansible.cfg"), "[defaults]\n");
        assertEquals(home, ConfigFileLocator.find(env(repo, Map.of()), system).file());
        Path cwd = write(repo.resolve("ansible.cfg"), "[defaults]\n");
        assertEquals(cwd, ConfigFileLocator.find(env(repo, Map.of()), system).file());
        Path named = write(tmp.resolve("elsewhere/ansible.cfg"), "[defaults]\n");
        assertEquals(named, ConfigFileLocator.find(env(repo, Map.of("ANSIBLE_CONFIG", named.toString())), system).file());
        assertEquals(named, ConfigFileLocator.find(env(repo, Map.of("ANSIBLE_CONFIG", "../elsewhere")), system).file(),
                "a directory means its ansible.cfg; relative to the working directory");
    }

    @Test
    void aWorldWritableWorkingDirectoryIsSkippedWithAWarning() throws Exception {
        Path repo = tmp.resolve("shared");
        write(repo.resolve("ansible.cfg"), "[defaults]\nforks = 9\n");
        ProcessEnv e = env(repo, Map.of());
        Files.setPosixFilePermissions(repo, PosixFilePermissions.fromString("rwxrwxrwx"));
        ConfigFileLocator.Found found = ConfigFileLocator.find(e, tmp.resolve("none"));
        assertNull(found.file());
        assertTrue(found.warning().contains("world-writable") && found.warning().contains("ANSIBLE_CONFIG"), found.warning());
    }

    @Test
    void sshHandshakesReachTheConnectionOptions() throws Exception {
        Path repo = tmp.resolve("repo");
        Path cfg = write(repo.resolve("ansible.cfg"), "[ssh_connection]\nhandshakes = 3\n");
        meshplay.engine.exec.RunOptions o = new meshplay.engine.exec.RunOptions();
        RunConfig.apply(EffectiveConfig.resolve(env(repo, Map.of()), IniFile.read(cfg), Map.of(), null), o);
        assertEquals(3, o.connectionOptions.handshakes());
        RunConfig.apply(EffectiveConfig.resolve(env(repo, Map.of("MESHPLAY_SSH_HANDSHAKES", "40")), IniFile.read(cfg), Map.of(), null), o);
        assertEquals(40, o.connectionOptions.handshakes(), "the environment beats the file");
        RunConfig.apply(EffectiveConfig.resolve(env(repo, Map.of()), null, Map.of(), null), o);
        assertEquals(meshplay.engine.connect.ConnectionOptions.defaultHandshakes(), o.connectionOptions.handshakes());
    }

    @Test
    void commandLineBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
        Path repo = tmp.resolve("repo");
        Path cfg = write(repo.resolve("ansible.cfg"), "[defaults]\nforks = 3\ntimeout = 20\nremote_user = fromfile\n");
        ProcessEnv e = env(repo, Map.of("ANSIBLE_TIMEOUT", "40", "ANSIBLE_REMOTE_USER", "fromenv"));
        EffectiveConfig c = EffectiveConfig.resolve(e, IniFile.read(cfg),
                Map.of(Setting.DEFAULT_REMOTE_USER, new EffectiveConfig.CommandLineValue("fromcli", "--user")), null);
        assertEquals("fromcli", c.string(Setting.DEFAULT_REMOTE_USER));
        assertEquals("command line (--user)", c.value(Setting.DEFAULT_REMOTE_USER).origin());
        assertEquals(40, c.integer(Setting.DEFAULT_TIMEOUT));
        assertEquals("env: ANSIBLE_TIMEOUT", c.value(Setting.DEFAULT_TIMEOUT).origin());
        assertEquals(3, c.integer(Setting.DEFAULT_FORKS));
        assertEquals(cfg + ":2", c.value(Setting.DEFAULT_FORKS).origin());
        assertEquals("sudo", c.string(Setting.DEFAULT_BECOME_METHOD));
        assertEquals("default", c.value(Setting.DEFAULT_BECOME_METHOD).origin());
        assertTrue(c.bool(Setting.HOST_KEY_CHECKING));
        assertFalse(c.isSet(Setting.HOST_KEY_CHECKING));
    }

    @Test
    void pathsFromTheFileAreRelativeToItAndFromTheEnvironmentToTheWorkingDirectory() throws Exception {
        Path repo = tmp.resolve("repo");
        Path cfg = write(repo.resolve("ansible.cfg"), """
                [defaults]
                inventory = inventories/lab, /abs/hosts.yml,
                private_key_file = keys/id_ed25519
                roles_path = roles:~/shared-roles:$ROLES_HOME/more
                host_key_checking = False
                [privilege_escalation]
                become = yes
                become_user = "ops"
                """);
        Path cwd = Files.createDirectories(tmp.resolve("work"));
        ProcessEnv e = env(cwd, Map.of("ROLES_HOME", "/opt/r", "ANSIBLE_VAULT_PASSWORD_FILE", "secret/vault.txt"));
        EffectiveConfig c = EffectiveConfig.resolve(e, IniFile.read(cfg), Map.of(), null);
        assertEquals(List.of(repo.resolve("inventories/lab").toString(), "/abs/hosts.yml"), c.strings(Setting.DEFAULT_HOST_LIST));
        assertEquals(repo.resolve("keys/id_ed25519"), c.path(Setting.DEFAULT_PRIVATE_KEY_FILE));
        assertEquals(List.of(repo.resolve("roles").toString(), tmp.resolve("home/shared-roles").toString(), "/opt/r/more"),
                c.strings(Setting.DEFAULT_ROLES_PATH));
        assertEquals(cwd.resolve("secret/vault.txt"), c.path(Setting.DEFAULT_VAULT_PASSWORD_FILE));
        assertFalse(c.bool(Setting.HOST_KEY_CHECKING));
        assertTrue(c.bool(Setting.DEFAULT_BECOME));
        assertEquals("ops", c.string(Setting.DEFAULT_BECOME_USER), "one pair of quotes is removed, as Ansible's unquote");
    }

    @Test
    void badValuesAreErrorsNamingWhereTheyCameFrom() throws Exception {
        Path repo = tmp.resolve("repo");
        Path cfg = write(repo.resolve("ansible.cfg"), "[defaults]\nforks = many\n");
        UserError fromFile = assertThrows(UserError.class, () -> EffectiveConfig.resolve(env(repo, Map.of()), IniFile.read(cfg), Map.of(), null));
        assertEquals(ExitCode.BAD_OPTIONS, fromFile.exitCode());
        assertEquals(cfg.toString(), fromFile.origin().file());
        assertEquals(2, fromFile.origin().line());
        assertTrue(fromFile.getMessage().contains("DEFAULT_FORKS") && fromFile.getMessage().contains("'many'"), fromFile.getMessage());

        UserError fromEnv = assertThrows(UserError.class, () -> EffectiveConfig.resolve(env(repo, Map.of("ANSIBLE_GATHERING", "sometimes")),
                null, Map.of(), null));
        assertTrue(fromEnv.origin().file().contains("ANSIBLE_GATHERING"), fromEnv.origin().toString());
        assertTrue(fromEnv.getMessage().contains("implicit, explicit, smart"), fromEnv.getMessage());

        UserError bool = assertThrows(UserError.class, () -> EffectiveConfig.resolve(env(repo, Map.of("ANSIBLE_HOST_KEY_CHECKING", "Flase")),
                null, Map.of(), null));
        assertTrue(bool.getMessage().contains("not a boolean"), bool.getMessage());
    }

    @Test
    void unusedKeysAreNoticesNeverErrors() throws Exception {
        Path repo = tmp.resolve("repo");
        Path cfg = write(repo.resolve("ansible.cfg"), """
                [defaults]
                retry_files_enabled = False
                become = True
                [ssh_connection]
                pipelining = True
                control_path = /tmp/cp-%%h
                ssh_args = -o ControlMaster=auto
                """);
        EffectiveConfig c = EffectiveConfig.resolve(env(repo, Map.of()), IniFile.read(cfg), Map.of(), null);
        List<String> quiet = c.notices(0);
        assertEquals(1, quiet.size(), quiet.toString());
        assertTrue(quiet.get(0).contains("[ssh_connection] pipelining (line 5), [ssh_connection] control_path (line 6)"), quiet.get(0));
        List<String> verbose = c.notices(1);
        assertEquals(2, verbose.size(), verbose.toString());
        assertTrue(verbose.get(1).contains("[defaults] retry_files_enabled (line 2)"), verbose.get(1));
        assertTrue(verbose.get(1).contains("[defaults] become (line 3): Ansible reads it only under [privilege_escalation]"), verbose.get(1));
        assertFalse(c.bool(Setting.DEFAULT_BECOME), "as in Ansible, [defaults] become does nothing");
    }

    @Test
    void dumpShowsEveryValueWithItsOrigin() throws Exception {
        Path repo = tmp.resolve("repo");
        Path cfg = write(repo.resolve("ansible.cfg"), "[defaults]\n\nforks = 3\n");
        EffectiveConfig c = EffectiveConfig.resolve(env(repo, Map.of("ANSIBLE_BECOME", "true")), IniFile.read(cfg), Map.of(), null);
        assertEquals(List.of("CONFIG_FILE(found) = " + cfg, "DEFAULT_FORKS(" + cfg + ":3) = 3", "DEFAULT_BECOME(env: ANSIBLE_BECOME) = True"),
                c.dump(true));
        assertTrue(c.dump(false).contains("DEFAULT_BECOME_USER(default) = root"));
        assertTrue(c.dump(false).contains("DEFAULT_REMOTE_USER(default) = None"));
    }
}

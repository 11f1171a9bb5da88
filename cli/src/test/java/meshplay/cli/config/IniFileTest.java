package meshplay.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import org.junit.jupiter.api.Test;

/** ansible.cfg is read with configparser's rules as Ansible 2.14 configures it. */
class IniFileTest {
    private static final Path FILE = Path.of("/repo/ansible.cfg");

    @Test
    void commentsKeysAndValuesAsConfigparser() {
        IniFile ini = IniFile.parse(FILE, """
                # a comment
                ; another
                [defaults]
                Forks = 7 ; inline comment after whitespace
                remote_user: admin
                vault_password_file = ~/.vault#not-a-comment;nor-this
                log_path = %(here)s/log
                  ; indented comment line
                inventory = a,b
                  c
                empty =
                [privilege_escalation]
                become = yes
                """);
        assertEquals("7", ini.get("defaults", "forks").value(), "keys are lower-cased, ';' after a space starts a comment");
        assertEquals(new meshplay.engine.yaml.Origin(FILE.toString(), 4, 1), ini.get("defaults", "forks").origin());
        assertEquals("admin", ini.get("defaults", "remote_user").value());
        assertEquals("~/.vault#not-a-comment;nor-this", ini.get("defaults", "vault_password_file").value());
        assertEquals("%(here)s/log", ini.get("defaults", "log_path").value(), "no interpolation");
        assertEquals("a,b\nc", ini.get("defaults", "inventory").value(), "an indented line continues the value");
        assertEquals("", ini.get("defaults", "empty").value());
        assertEquals("yes", ini.get("privilege_escalation", "become").value());
        assertNull(ini.get("defaults", "become"));
        assertEquals(7, ini.entries().size());
    }

    @Test
    void defaultSectionIsSeenEverywhere() {
        IniFile ini = IniFile.parse(FILE, "[DEFAULT]\ntimeout = 30\n[defaults]\nforks = 2\n[ssh_connection]\ntimeout = 5\n");
        assertEquals("30", ini.get("defaults", "timeout").value());
        assertEquals("5", ini.get("ssh_connection", "timeout").value(), "a section's own value wins");
        assertNull(ini.get("privilege_escalation", "timeout"), "a section that is not in the file has no values");
    }

    @Test
    void mistakesAreErrorsWithFileAndLine() {
        UserError twice = assertThrows(UserError.class, () -> IniFile.parse(FILE, "[defaults]\nforks = 3\n\nforks = 4\n"));
        assertEquals(ExitCode.BAD_OPTIONS, twice.exitCode());
        assertEquals(4, twice.origin().line());
        assertTrue(twice.getMessage().contains("'forks' is set twice in [defaults] (first at line 2)"), twice.getMessage());

        UserError noSection = assertThrows(UserError.class, () -> IniFile.parse(FILE, "forks = 3\n"));
        assertEquals(1, noSection.origin().line());
        assertTrue(noSection.hint().contains("[defaults]"), noSection.hint());

        UserError noValue = assertThrows(UserError.class, () -> IniFile.parse(FILE, "[defaults]\n\nhost_key_checking\n"));
        assertEquals(3, noValue.origin().line());
        assertTrue(noValue.getMessage().contains("not a 'key = value' line"), noValue.getMessage());

        UserError section = assertThrows(UserError.class, () -> IniFile.parse(FILE, "[defaults]\n[defaults]\n"));
        assertEquals(2, section.origin().line());
    }
}

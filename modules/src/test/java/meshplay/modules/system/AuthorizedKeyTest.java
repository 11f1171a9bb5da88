package meshplay.modules.system;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.converge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import meshplay.engine.connect.LocalConnection;
import meshplay.engine.module.ModuleFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * authorized_key on a file in a temp directory (user root, an explicit path). The file contents
 * expected are those ansible.posix's authorized_key wrote for the same input under ansible-playbook 2.14.
 */
class AuthorizedKeyTest {
    static final String A = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String B = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCbbbbbbbbbbbbbbbb";
    @TempDir
    Path dir;
    final LocalConnection host = new LocalConnection("localhost");

    @Test
    void addsKeysAfterExistingLinesKeepingCommentsAndRewritesOnNewOptions() throws Exception {
        Path file = dir.resolve("ssh/authorized_keys");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# managed elsewhere\n" + B + " bob@old\n");
        AuthorizedKeyModule module = new AuthorizedKeyModule();
        converge(module, args("user", "root", "path", file.toString(), "key", A + " alice@laptop"), host);
        assertEquals("# managed elsewhere\n" + B + " bob@old\n" + A + " alice@laptop\n", Files.readString(file));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));

        converge(module, args("user", "root", "path", file.toString(), "key", A + " alice@laptop",
                "key_options", "no-port-forwarding,from=\"10.0.0.0/8\""), host);
        assertEquals("# managed elsewhere\n" + B + " bob@old\nno-port-forwarding,from=\"10.0.0.0/8\" " + A + " alice@laptop\n",
                Files.readString(file));
    }

    @Test
    void exclusiveKeepsOnlyTheGivenKeysAndAKeyWithoutCommentGetsATrailingSpace() throws Exception {
        Path file = dir.resolve("authorized_keys");
        Files.writeString(file, "# note\n" + B + " bob@old\n" + A + " alice\n");
        converge(new AuthorizedKeyModule(), args("user", "root", "path", file.toString(), "key", B, "exclusive", true), host);
        assertEquals(B + " \n", Files.readString(file));
    }

    @Test
    void absentRemovesOnlyThatKeyAndAnInvalidKeyFails() throws Exception {
        Path file = dir.resolve("authorized_keys");
        Files.writeString(file, B + " bob\n" + A + " alice\n");
        converge(new AuthorizedKeyModule(), args("user", "root", "path", file.toString(), "key", A, "state", "absent"), host);
        assertEquals(B + " bob\n", Files.readString(file));
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> apply(new AuthorizedKeyModule(),
                args("user", "root", "path", file.toString(), "key", "not a key"), host));
        assertEquals("invalid key specified: not a key", e.getMessage());
    }
}

package meshplay.modules.system;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.converge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness;
import org.junit.jupiter.api.Test;

/** user and group against a sandboxed copy of this machine's account files (useradd and friends run for real). */
class UserGroupTest extends SandboxedTest {
    @Test
    void groupIsCreatedWithItsGidThenChangedThenRemoved() throws Exception {
        GroupModule group = new GroupModule();
        ModuleHarness.Outcome created = converge(group, args("name", "mpg1", "gid", 4711), host);
        assertEquals(4711, created.result().data().get("gid"));
        assertTrue(sandbox.sh("getent group mpg1").startsWith("mpg1:x:4711:"));
        converge(group, args("name", "mpg1", "gid", 4712), host);
        assertTrue(sandbox.sh("getent group mpg1").startsWith("mpg1:x:4712:"));
        converge(group, args("name", "mpg1", "state", "absent"), host);
        assertEquals("", sandbox.connection().exec(meshplay.engine.connect.ExecRequest.shell("getent group mpg1")).stdout());
    }

    @Test
    void userIsCreatedWithHomeGroupsAndShellAndReportsWhatItIs() throws Exception {
        GroupModule group = new GroupModule();
        apply(group, args("name", "mpdocker"), host);
        apply(group, args("name", "mpadm"), host);
        UserModule user = new UserModule();
        var args = args("name", "mpalice", "comment", "Alice", "shell", "/bin/bash", "groups", List.of("mpdocker", "mpadm"),
                "password", "$6$salt$abcdefghijklmnopqrstuv");
        ModuleHarness.Outcome first = converge(user, args, host);
        String passwd = sandbox.sh("getent passwd mpalice");
        assertTrue(passwd.matches("mpalice:x:\\d+:\\d+:Alice:/home/mpalice:/bin/bash\\n"), passwd);
        assertEquals("/home/mpalice", first.result().data().get("home"));
        assertEquals(new java.util.TreeSet<>(List.of("comment", "create_home", "group", "groups", "home", "name", "password", "shell",
                "state", "system", "uid")), new java.util.TreeSet<>(first.result().data().keySet()), "the keys ansible-playbook 2.14 returns");
        assertEquals(UserModule.HIDDEN_PASSWORD, first.result().data().get("password"));
        assertFalse(first.result().data().toString().contains("abcdefghij"), "the hash never reaches the result");
        assertTrue(Files.isDirectory(sandbox.path("/home/mpalice")), "the home directory is created");
        assertEquals("mpdocker mpadm", sandbox.sh("id -nG mpalice").strip().replaceFirst("^mpalice ", ""));
        assertTrue(sandbox.sh("getent shadow mpalice").startsWith("mpalice:$6$salt$abcdefghijklmnopqrstuv:"));

        // a change of shell and dropping one group is one usermod, each its own diff line
        var change = args("name", "mpalice", "shell", "/bin/sh", "groups", List.of("mpdocker"));
        ModuleHarness.Outcome changed = converge(user, change, host);
        assertEquals(List.of("user mpalice groups", "user mpalice shell"),
                changed.plan().diffs().stream().map(d -> d.subject()).toList());
        assertEquals("mpdocker", sandbox.sh("id -nG mpalice").strip().replaceFirst("^mpalice ", ""));

        // append adds without removing
        converge(user, args("name", "mpalice", "groups", "mpadm", "append", true), host);
        assertEquals("mpdocker mpadm", sandbox.sh("id -nG mpalice").strip().replaceFirst("^mpalice ", ""));
    }

    @Test
    void passwordChangeIsDiffedWithoutTheHashAndLockIsIdempotent() throws Exception {
        UserModule user = new UserModule();
        apply(user, args("name", "mpbob", "password", "$6$a$one"), host);
        ModuleHarness.Outcome changed = converge(user, args("name", "mpbob", "password", "$6$a$two"), host);
        assertFalse(changed.plan().diffs().toString().contains("$6$"), changed.plan().diffs().toString());
        assertFalse(check(user, args("name", "mpbob", "password", "$6$a$three", "update_password", "on_create"), host).changed(),
                "on_create leaves an existing user's password alone");
        converge(user, args("name", "mpbob", "password_lock", true), host);
        assertTrue(sandbox.sh("getent shadow mpbob").startsWith("mpbob:!$6$a$two:"));
    }

    @Test
    void missingGroupFailsWithAnsiblesMessageAndChangesNothing() throws Exception {
        UserModule user = new UserModule();
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> check(user, args("name", "mpcarol", "groups", "nosuchgroup"), host));
        assertEquals("Group nosuchgroup does not exist", e.getMessage());
        assertEquals("", host.exec(meshplay.engine.connect.ExecRequest.shell("getent passwd mpcarol")).stdout());
    }

    @Test
    void missingHomeOfAnExistingUserIsCreatedAndTheUserRemovedWithIt() throws Exception {
        UserModule user = new UserModule();
        apply(user, args("name", "mpdave", "create_home", false), host);
        assertFalse(Files.exists(sandbox.path("/home/mpdave")));
        converge(user, args("name", "mpdave"), host);
        assertTrue(Files.isDirectory(sandbox.path("/home/mpdave")));
        converge(user, args("name", "mpdave", "state", "absent", "remove", true), host);
        assertFalse(Files.exists(sandbox.path("/home/mpdave")));
    }

    @Test
    void generatedSshKeyIsReportedAndKeptOnTheSecondRun() throws Exception {
        UserModule user = new UserModule();
        ModuleHarness.Outcome first = converge(user, args("name", "mperin", "generate_ssh_key", true, "ssh_key_type", "ed25519"), host);
        assertEquals("/home/mperin/.ssh/id_ed25519", first.result().data().get("ssh_key_file"));
        assertTrue(String.valueOf(first.result().data().get("ssh_public_key")).startsWith("ssh-ed25519 "));
        ModuleHarness.Outcome again = apply(user, args("name", "mperin", "generate_ssh_key", true, "ssh_key_type", "ed25519"), host);
        assertEquals(first.result().data().get("ssh_public_key"), again.result().data().get("ssh_public_key"));
    }
}

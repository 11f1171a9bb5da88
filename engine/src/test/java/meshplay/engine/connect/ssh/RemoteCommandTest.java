package meshplay.engine.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import meshplay.engine.connect.Become;
import meshplay.engine.connect.ExecRequest;
import org.junit.jupiter.api.Test;

class RemoteCommandTest {
    @Test
    void argvRunsDirectlyWithoutAnExtraShell() {
        assertEquals("systemctl is-active 'foo bar'", RemoteCommand.build(ExecRequest.argv("systemctl", "is-active", "foo bar"), "root"));
        assertEquals("/bin/sh -c 'echo $HOME'", RemoteCommand.build(ExecRequest.shell("echo $HOME"), "root"));
    }

    @Test
    void envAndChdirArePrefixedForTheLoginShell() {
        String c = RemoteCommand.build(ExecRequest.argv("make").withEnv(Map.of("B", "2 3", "A", "x")).withChdir("/srv/my app"), "u");
        assertEquals("cd '/srv/my app' && A=x B='2 3' make", c);
        assertThrows(IllegalArgumentException.class, () -> RemoteCommand.build(ExecRequest.argv("true").withEnv(Map.of("BAD-NAME", "1")), "u"));
    }

    @Test
    void timeoutWrapsTheCommandInItsOwnKillableProcessGroup() {
        String c = RemoteCommand.build(ExecRequest.argv("sleep", "9").withTimeout(Duration.ofSeconds(2)), "u");
        assertEquals("timeout -k 2 3.000 sleep 9", c);
    }

    @Test
    void sudoWithoutPasswordIsNonInteractiveAndCarriesEnvAndChdirInside() {
        Become sudo = new Become("root", "sudo", null);
        assertEquals("sudo -n -H -u root -- id -u", RemoteCommand.build(ExecRequest.argv("id", "-u").withBecome(sudo), "deploy"));
        String c = RemoteCommand.build(ExecRequest.argv("ls").withEnv(Map.of("LC_ALL", "C")).withChdir("/root").withBecome(sudo), "deploy");
        assertEquals("sudo -n -H -u root -- /bin/sh -c 'cd /root && exec env LC_ALL=C ls'", c);
    }

    @Test
    void sudoWithPasswordReadsItFromStdinAndNeverFromTheCommandLine() {
        Become sudo = new Become("root", "sudo", "hunter2");
        String c = RemoteCommand.build(ExecRequest.argv("id").withBecome(sudo), "deploy");
        assertEquals("sudo -S -p '' -H -u root -- id", c);
        assertFalse(c.contains("hunter2"));
    }

    @Test
    void becomingTheLoginUserIsANoOp() {
        assertEquals("id", RemoteCommand.build(ExecRequest.argv("id").withBecome(new Become("root", "sudo", null)), "root"));
        assertFalse(RemoteCommand.escalates(new Become("deploy", null, null), "deploy"));
        assertTrue(RemoteCommand.escalates(new Become(null, null, null), "deploy"));
    }

    @Test
    void suGetsOneQuotedScript() {
        String c = RemoteCommand.build(ExecRequest.argv("echo", "a b").withBecome(new Become("app", "su", null)), "root");
        assertEquals("su -s /bin/sh app -c 'echo '\"'\"'a b'\"'\"''", c);
    }
}

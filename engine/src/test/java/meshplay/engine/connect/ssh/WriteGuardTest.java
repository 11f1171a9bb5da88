package meshplay.engine.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard's shell script, run by the local /bin/sh exactly as sshd runs it for the login user. */
class WriteGuardTest {
    @TempDir
    Path dir;

    /** A guard process; {@code arm} returns after its "ok", as {@link WriteGuard#arm} waits for it. */
    private final class Guard {
        final Process p;
        final OutputStream in;
        final BufferedReader out;

        Guard() throws Exception {
            p = new ProcessBuilder("/bin/sh", "-c", WriteGuard.SCRIPT).start();
            in = p.getOutputStream();
            out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        }

        void arm(Path tmp) throws Exception {
            in.write((WriteGuard.escape(tmp.toString()) + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertEquals("ok", out.readLine());
        }

        void disarm() throws Exception {
            in.write('\n');
            in.flush();
        }

        /** The connection dies: the guard's input ends. */
        int inputEnds() throws Exception {
            in.close();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the guard exits when its input ends");
            return p.exitValue();
        }
    }

    private Path file(String name) throws Exception {
        return Files.writeString(dir.resolve(name), "partial");
    }

    @Test
    void aWriteCutShortLosesItsTempFile() throws Exception {
        Guard g = new Guard();
        Path tmp = file(".app.conf.1a2b.meshplay-tmp");
        g.arm(tmp);
        assertEquals(0, g.inputEnds());
        assertFalse(Files.exists(tmp));
    }

    @Test
    void finishedWritesAreForgottenAndOneGuardServesManyWrites() throws Exception {
        Guard g = new Guard();
        Path kept = file("renamed-into-place");
        for (int i = 0; i < 5; i++) {
            g.arm(kept);   // the name a finished write's temp file had: it must survive
            g.disarm();
        }
        Path pending = file(".pending.meshplay-tmp");
        g.arm(pending);
        assertEquals(0, g.inputEnds());
        assertTrue(Files.exists(kept), "a disarmed path is never removed");
        assertFalse(Files.exists(pending), "only the write in flight is cleaned up");
    }

    @Test
    void anIdleGuardExitsWithoutRemovingAnything() throws Exception {
        Guard g = new Guard();
        Path f = file("f");
        g.arm(f);
        g.disarm();
        assertEquals(0, g.inputEnds());
        assertTrue(Files.exists(f));
    }

    @Test
    void pathsWithNewlinesBackslashesSpacesAndQuotesStayOnePath() throws Exception {
        Path odd = Files.createDirectories(dir.resolve("a b\\c\nd 'e' \"f\" $g"));
        Path tmp = Files.writeString(odd.resolve(".x\\0101\n.meshplay-tmp"), "partial");
        Path decoy = Files.writeString(odd.resolve(".xA"), "decoy");   // what a wrong \0101 decoding would name
        Guard g = new Guard();
        g.arm(tmp);
        assertEquals(0, g.inputEnds());
        assertFalse(Files.exists(tmp));
        assertTrue(Files.exists(decoy));
    }

    @Test
    void escapingLeavesOrdinaryPathsAlone() {
        assertEquals("/etc/network/.interfaces.7f.meshplay-tmp", WriteGuard.escape("/etc/network/.interfaces.7f.meshplay-tmp"));
        assertEquals("/a\\0134b\\0012c", WriteGuard.escape("/a\\b\nc"));
    }
}

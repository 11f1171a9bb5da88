package meshplay.modules.core;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.Test;

class WaitForTest extends TempRootTest {
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void openPortIsOkAndNeverChanged() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Outcome o = apply(new WaitForModule(), args("port", server.getLocalPort(), "timeout", 10), conn);
            assertFalse(o.changed());
            assertFalse(o.result().failed());
            assertEquals("started", o.result().data().get("state"));
            assertTrue(o.result().data().containsKey("elapsed"));
        }
    }

    @Test
    void closedPortTimesOutOrCountsAsStopped() throws Exception {
        int port = closedPort();
        Outcome stopped = apply(new WaitForModule(), args("port", port, "state", "stopped", "timeout", 5), conn);
        assertFalse(stopped.result().failed());
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> apply(new WaitForModule(), args("port", port, "timeout", 1), conn));
        assertEquals("Timeout when waiting for 127.0.0.1:" + port, e.getMessage());
        e = assertThrows(ModuleFailure.class, () -> apply(new WaitForModule(), args("port", port, "timeout", 1, "msg", "frr did not start"), conn));
        assertEquals("frr did not start", e.getMessage());
    }

    @Test
    void bannerMatchesSearchRegex() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try {
                    while (!server.isClosed()) {
                        try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                            out.write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                } catch (Exception ignored) {
                    // server closed at the end of the test
                }
            });
            t.setDaemon(true);
            t.start();
            Outcome o = apply(new WaitForModule(), args("port", server.getLocalPort(), "search_regex", "SSH-(\\d)\\.(\\d)", "timeout", 10,
                    "connect_timeout", 2), conn);
            assertEquals(List.of("2", "0"), o.result().data().get("match_groups"));
        }
    }

    @Test
    void filePresenceAbsenceAndContent() throws Exception {
        root.file("/run/ready", "status: booting\n");
        assertFalse(apply(new WaitForModule(), args("path", "/run/ready", "timeout", 5), conn).result().failed());
        assertFalse(apply(new WaitForModule(), args("path", "/run/gone", "state", "absent", "timeout", 5), conn).result().failed());
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(300);
                Files.writeString(root.path("/run/ready"), "status: up (pid 42)\n");
            } catch (Exception ignored) {
                // the assertion below reports the failure
            }
        });
        writer.start();
        Outcome o = apply(new WaitForModule(), args("path", "/run/ready", "search_regex", "up \\(pid (\\d+)\\)", "timeout", 20), conn);
        writer.join();
        assertEquals(List.of("42"), o.result().data().get("match_groups"));
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> apply(new WaitForModule(), args("path", "/run/none", "timeout", 1), conn));
        assertEquals("Timeout when waiting for file /run/none", e.getMessage());
    }

    @Test
    void checkModeDoesNotWait() throws Exception {
        Outcome o = check(new WaitForModule(), args("port", closedPort(), "timeout", 3000), conn);
        assertFalse(o.changed());
    }

    @Test
    void badArguments() {
        rejects(new WaitForModule(), args("port", 22, "path", "/x"), conn, "cannot be used together");
        rejects(new WaitForModule(), args("port", "ssh"), conn, "not a whole number");
        rejects(new WaitForModule(), args("port", 22, "state", "drained"), conn, "is not one of");
        assertThrows(ModuleFailure.class, () -> check(new WaitForModule(), args("path", "/x", "state", "absent", "search_regex", "a"), conn));
        assertThrows(ModuleFailure.class, () -> check(new WaitForModule(), args("path", "/x", "search_regex", "(a"), conn));
    }
}

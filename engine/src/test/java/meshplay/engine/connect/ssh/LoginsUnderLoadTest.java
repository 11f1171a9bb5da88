package meshplay.engine.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.HostAddress;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logins of many hosts at once against a busy server: the embedded server checks one password at a time,
 * slowly, as an overloaded machine would. The handshakes in flight stay within the configured bound,
 * waiting for a turn does not count against the login timeout (every host gets in), and a host that
 * accepts connections but never answers is still unreachable within its timeout.
 */
class LoginsUnderLoadTest {
    /** How long the server takes to check one password; it checks one at a time. */
    private static final long CHECK_MILLIS = 250;
    private static final int HOSTS = 16;
    private static final int HANDSHAKES = 2;
    /** Far more than a handshake takes when at most HANDSHAKES wait for the server, far less than HOSTS of them in a row. */
    private static final Duration TIMEOUT = Duration.ofMillis(2500);

    @TempDir
    Path tmp;
    SshServer server;
    Path knownHosts;
    final Set<Session> unauthenticated = ConcurrentHashMap.newKeySet();
    final AtomicInteger mostAtOnce = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = SshTesting.passwordServer(tmp);
        Object checker = new Object();
        server.setPasswordAuthenticator((user, pw, session) -> {
            synchronized (checker) {
                try {
                    Thread.sleep(CHECK_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "tester".equals(user) && "secret".equals(pw);
            }
        });
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                unauthenticated.add(session);
                mostAtOnce.accumulateAndGet(unauthenticated.size(), Math::max);
            }

            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.Authenticated) unauthenticated.remove(session);
            }

            @Override
            public void sessionClosed(Session session) {
                unauthenticated.remove(session);
            }
        });
        server.setCommandFactory((channel, command) -> new ProcessShellFactory(command, "/bin/sh", "-c", command).createShell(channel));
        server.start();
        KeyPair hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next();
        knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.stop(true);
    }

    private ConnectionOptions options(int handshakes) {
        return new ConnectionOptions(List.of(knownHosts), false, TIMEOUT, null, null, null).withHandshakes(handshakes);
    }

    private HostAddress alias(int i, int port) {
        return new HostAddress(String.format("h%02d", i), "127.0.0.1", port, "tester", null, "secret", null, null);
    }

    @Test
    void aBurstOfLoginsToABusyServerIsSlowerButNeverUnreachable() throws Exception {
        List<String> unreachable = new ArrayList<>();
        ExecutorService forks = Executors.newFixedThreadPool(HOSTS);
        try (SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 1; i <= HOSTS; i++) {
                Connection c = p.open(alias(i, server.getPort()), options(HANDSHAKES));
                runs.add(forks.submit(() -> {
                    try {
                        return c.exec(ExecRequest.argv("true")).rc() == 0 ? null : "rc != 0";
                    } catch (ConnectionException e) {
                        return e.getMessage();
                    }
                }));
            }
            for (Future<String> r : runs) {
                String problem = r.get();
                if (problem != null) unreachable.add(problem);
            }
            assertEquals(HOSTS, p.connectionsOpened());
        } finally {
            forks.shutdownNow();
        }
        assertEquals(List.of(), unreachable, "every host logs in: the time spent waiting for a turn is not part of the timeout");
        assertTrue(mostAtOnce.get() <= HANDSHAKES, "at most " + HANDSHAKES + " handshakes at once, the server saw " + mostAtOnce.get());
    }

    @Test
    void aHostThatAcceptsButNeverAnswersIsUnreachableWithinItsTimeoutAndFreesItsTurn() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
             SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            Connection mute = p.open(new HostAddress("mute", "127.0.0.1", silent.getLocalPort(), "tester", null, "secret", null, null), options(1));
            Connection busy = p.open(alias(1, server.getPort()), options(1));
            ExecutorService forks = Executors.newFixedThreadPool(2);
            try {
                long start = System.nanoTime();
                Future<ConnectionException> dead = forks.submit(() -> assertThrows(ConnectionException.class, () -> mute.exec(ExecRequest.argv("true"))));
                // the live host asks while the dead one holds the only turn: it waits, then logs in
                Thread.sleep(100);
                Future<Integer> live = forks.submit(() -> busy.exec(ExecRequest.argv("true")).rc());
                ConnectionException e = dead.get();
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(e.unreachable());
                assertEquals("cannot log in to tester@127.0.0.1:" + silent.getLocalPort() + ": no answer within 2500 ms", e.getMessage());
                assertTrue(took.compareTo(TIMEOUT.multipliedBy(3)) < 0, "unreachable within the timeout, not after " + took);
                assertEquals(0, live.get());
            } finally {
                forks.shutdownNow();
            }
        }
    }

    @Test
    void theLimitComesFromTheOptionsAndDefaultsToTwiceTheProcessors() {
        assertTrue(ConnectionOptions.defaults().handshakes() >= 8, "a floor of 8 on small machines");
        assertTrue(ConnectionOptions.defaults().handshakes() >= 2 * Runtime.getRuntime().availableProcessors());
        assertEquals(3, ConnectionOptions.defaults().withHandshakes(3).handshakes());
        assertThrows(IllegalArgumentException.class, () -> ConnectionOptions.defaults().withHandshakes(-1));
    }
}

package meshplay.engine.connect.ssh;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.HostAddress;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;

/**
 * Opens one authenticated session: TCP connect, strict host key check, then public-key (explicit,
 * ~/.ssh/config or default keys, ssh-agent) and password authentication, all within one connect
 * timeout counted from when the handshake starts, which is once the {@link LoginGate} gives the host
 * its turn (time spent waiting for the turn does not count). Every failure becomes an unreachable
 * {@link ConnectionException} that says why and how to fix it.
 */
final class SessionOpener {
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final SshClient client;
    private final SshEnvironment env;
    private final KeyIdentities keys;
    private final boolean agent;
    private final AtomicInteger tcpConnections;
    private final LoginGate gate;

    SessionOpener(SshClient client, SshEnvironment env, KeyIdentities keys, boolean agent, AtomicInteger tcpConnections, LoginGate gate) {
        this.client = client;
        this.gate = gate;
        this.env = env;
        this.keys = keys;
        this.agent = agent;
        this.tcpConnections = tcpConnections;
    }

    static Duration connectTimeout(HostAddress address, ConnectionOptions options) {
        if (address.connectTimeout() != null && !address.connectTimeout().isZero()) return address.connectTimeout();
        if (options.connectTimeout() != null && !options.connectTimeout().isZero()) return options.connectTimeout();
        return DEFAULT_CONNECT_TIMEOUT;
    }

    ClientSession open(SshTarget target, HostAddress address, ConnectionOptions options) throws ConnectionException {
        Duration timeout = connectTimeout(address, options);
        HostKeyPolicy policy;
        try {
            policy = HostKeyPolicy.of(address, options, env);
        } catch (IllegalArgumentException e) {
            throw new ConnectionException(e.getMessage(), true, e);
        }
        HostKeyCheck check = new HostKeyCheck(new KnownHosts(policy.knownHostsFiles()), policy.mode(), target.hops(), options.warnings());
        String passphrase = options.keyPassphrase() != null ? options.keyPassphrase() : env.getenv(SshEnvironment.KEY_PASSPHRASE_VAR);
        List<String> notes = new ArrayList<>();
        List<KeyIdentities.LoadedKey> loaded = keys.forTarget(target, env.sshDir(), passphrase, notes);
        String password = address.password() != null ? address.password() : options.askedPassword();
        String where = target.describe();

        HostConfigEntry entry = new HostConfigEntry(target.alias(), target.hostname(), target.port(), target.user());
        if (target.proxyJump() != null) entry.setProxyJump(target.proxyJump());
        try (LoginGate.Turn turn = gate.enter(where)) {
            return handshake(target, entry, check, loaded, password, notes, timeout);
        }
    }

    /**
     * TCP connect, key exchange and authentication, within {@code timeout} in all; a session that did not
     * get through is closed before the caller's turn ends.
     */
    private ClientSession handshake(SshTarget target, HostConfigEntry entry, HostKeyCheck check, List<KeyIdentities.LoadedKey> loaded,
                                    String password, List<String> notes, Duration timeout) throws ConnectionException {
        String where = target.describe();
        long deadline = System.nanoTime() + timeout.toNanos();
        ClientSession session = null;
        try {
            ConnectFuture connect = client.connect(entry, AttributeRepository.ofKeyValuePair(HostKeyCheck.KEY, check), null);
            if (!connect.await(timeout)) {
                connect.cancel();
                throw new ConnectionException("cannot connect to " + where + ": timed out after " + seconds(timeout), true, null);
            }
            if (connect.getException() != null) throw unreachable(where, connect.getException(), check);
            session = connect.getSession();
            tcpConnections.incrementAndGet();
            for (KeyIdentities.LoadedKey k : loaded) session.addPublicKeyIdentity(k.pair());
            if (password != null) {
                // asked at authentication, after the key exchange: no password to a host whose key changed
                session.setPasswordIdentityProvider(ctx -> check.changedKeyAccepted() ? List.of() : List.of(password));
            }
            AuthFuture auth = session.auth();
            if (!auth.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                throw new ConnectionException(check.refusal() != null ? check.refusal()
                        : "cannot log in to " + where + ": no answer within " + seconds(timeout), true, null);
            }
            if (!auth.isSuccess()) {
                if (check.refusal() != null) throw new ConnectionException(check.refusal(), true, auth.getException());
                throw new ConnectionException(authFailed(target, loaded, password != null, notes, auth.getException()), true, auth.getException());
            }
            ClientSession ok = session;
            session = null;
            return ok;
        } catch (IOException e) {
            throw unreachable(where, e, check);
        } finally {
            if (session != null) session.close(true);
        }
    }

    private String authFailed(SshTarget target, List<KeyIdentities.LoadedKey> loaded, boolean password, List<String> notes, Throwable cause) {
        List<String> tried = new ArrayList<>();
        for (KeyIdentities.LoadedKey k : loaded) tried.add("key " + k.describe());
        if (agent) tried.add("ssh-agent keys");
        if (password) tried.add("password");
        StringBuilder b = new StringBuilder("authentication failed for user '").append(target.user()).append("' at ")
                .append(target.hostname()).append(':').append(target.port()).append(": ");
        b.append(tried.isEmpty() ? "no key or password was available (no ansible_ssh_private_key_file, no IdentityFile, none of "
                + String.join(", ", KeyIdentities.DEFAULT_NAMES) + " in " + env.sshDir() + ", no ssh-agent)" : "tried " + String.join(", ", tried));
        for (String n : notes) b.append("; ").append(n);
        if (cause != null && cause.getMessage() != null) b.append(" (server: ").append(cause.getMessage()).append(')');
        return b.toString();
    }

    private static ConnectionException unreachable(String where, Throwable e, HostKeyCheck check) {
        if (check.refusal() != null) return new ConnectionException(check.refusal(), true, e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) return new ConnectionException("cannot connect to " + where + ": connection refused", true, e);
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new ConnectionException("cannot connect to " + where + ": host name does not resolve", true, e);
            }
            if (t instanceof NoRouteToHostException) return new ConnectionException("cannot connect to " + where + ": no route to host", true, e);
            if (t instanceof SocketTimeoutException) return new ConnectionException("cannot connect to " + where + ": timed out", true, e);
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ConnectionException("cannot connect to " + where + ": " + msg, true, e);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}

package meshplay.engine.connect.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.ConnectionProvider;
import meshplay.engine.connect.HostAddress;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * ansible_connection=ssh (the default for remote hosts). One MINA {@link SshClient} per provider,
 * started on the first connection and shared by all of them; {@link #close()} closes every connection
 * and stops it. Connections open lazily: {@link #open} only records the address. Logins go through one
 * {@link LoginGate} per provider, sized by the first connection's {@link ConnectionOptions#handshakes()}.
 */
public final class SshConnectionProvider implements ConnectionProvider {
    /** Keepalive: an unanswered keepalive@openssh.com every 15 s, 4 times, drops a dead session. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final int HEARTBEAT_MISSES = 4;

    private final SshEnvironment env;
    private final KeyIdentities keys = new KeyIdentities();
    private final AtomicInteger tcpConnections = new AtomicInteger();
    private final List<SshConnection> opened = new ArrayList<>();
    private SshClient client;
    private SessionOpener opener;
    /** Made from the options of the first connection opened: the run's limit. */
    private LoginGate gate;

    public SshConnectionProvider() {
        this(SshEnvironment.system());
    }

    public SshConnectionProvider(SshEnvironment env) {
        this.env = env;
    }

    /** Loads MINA and BouncyCastle in the background ({@link SshWarmUp}). */
    @Override
    public void warmUp() {
        SshWarmUp.start();
    }

    @Override
    public String type() {
        return "ssh";
    }

    @Override
    public Connection open(HostAddress address, ConnectionOptions options) throws ConnectionException {
        ConnectionOptions opts = options == null ? ConnectionOptions.defaults() : options;
        SshConnection c;
        try {
            c = new SshConnection(new SshHost(address, opts, this::opener, env.config()));
        } catch (IllegalArgumentException e) {
            throw new ConnectionException(e.getMessage(), true, e);
        }
        synchronized (this) {
            if (gate == null) gate = new LoginGate(opts.handshakes());
            opened.add(c);
        }
        return c;
    }

    /** How many TCP connections (SSH sessions) this provider has opened so far. */
    public int connectionsOpened() {
        return tcpConnections.get();
    }

    private synchronized SessionOpener opener() {
        if (opener == null) {
            SshWarmUp.await();
            SshClient c = SshClient.setUpDefaultClient();
            c.setServerKeyVerifier(HostKeyCheck.VERIFIER);
            c.setKeyExchangeFactories(KexPreference.order(c.getKeyExchangeFactories()));
            Path config = env.config();
            c.setHostConfigEntryResolver(Files.isRegularFile(config) ? new ConfigFileHostEntryResolver(config) : HostConfigEntryResolver.EMPTY);
            String agentSocket = env.getenv("SSH_AUTH_SOCK");
            boolean agent = agentSocket != null && Files.exists(Path.of(agentSocket));
            if (agent) c.setAgentFactory(new UnixSocketAgentFactory(Path.of(agentSocket)));
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(c, HEARTBEAT);
            CoreModuleProperties.HEARTBEAT_REQUEST.set(c, "keepalive@openssh.com");
            CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(c, HEARTBEAT);
            CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(c, HEARTBEAT_MISSES);
            // a run may sit idle for long (pause, long commands): the heartbeat decides liveness
            CoreModuleProperties.IDLE_TIMEOUT.set(c, Duration.ZERO);
            // each command is a few small packets in a row (open, exec, EOF): without TCP_NODELAY, Nagle
            // holds them for the peer's delayed ACK and every command costs ~40 ms more
            CoreModuleProperties.TCP_NODELAY.set(c, true);
            c.start();
            client = c;
            opener = new SessionOpener(c, env, keys, agent, tcpConnections, gate);
        }
        return opener;
    }

    @Override
    public void close() {
        List<SshConnection> all;
        synchronized (this) {
            all = new ArrayList<>(opened);
            opened.clear();
        }
        for (SshConnection c : all) c.close();
        synchronized (this) {
            if (client != null) client.stop();
            client = null;
            opener = null;
        }
    }
}

package meshplay.engine.connect.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host key checking for one connection attempt, as OpenSSH's StrictHostKeyChecking ({@link HostKeyPolicy}):
 * a known matching key passes; an unknown host is refused (yes) or recorded (accept-new, no); a changed
 * key is refused (yes, accept-new) or, with no, let through with a warning but not recorded, and the
 * caller then offers no password (as ssh disables password login then); a revoked key is always
 * refused. Why a refusal happened is kept for the error message.
 */
final class HostKeyCheck {
    /** Connection-context attribute under which a connect call hands its check to {@link #VERIFIER}. */
    static final AttributeRepository.AttributeKey<HostKeyCheck> KEY = new AttributeRepository.AttributeKey<>();

    private static final Logger LOG = LoggerFactory.getLogger(HostKeyCheck.class);

    /**
     * The one client-wide verifier: it looks up the check of the connection being made, so every host
     * (including ProxyJump hops) is checked by name and port against that run's files.
     */
    static final ServerKeyVerifier VERIFIER = (session, remote, key) -> {
        HostKeyCheck check = session.getConnectionContext() == null ? null : session.getConnectionContext().getAttribute(KEY);
        return check != null && check.verify(session, remote, key);
    };

    private final KnownHosts knownHosts;
    private final HostKeyPolicy.Mode mode;
    private final java.util.function.Consumer<String> warnings;
    private volatile boolean changedKeyAccepted;
    private final List<SshTarget.Hop> hops;
    private final List<ClientSession> seen = new java.util.ArrayList<>();
    private final AtomicReference<String> refusal = new AtomicReference<>();

    /** {@code hops}: the ProxyJump hosts in order, then the target; {@code warnings}: where a let-through changed key is told. */
    HostKeyCheck(KnownHosts knownHosts, HostKeyPolicy.Mode mode, List<SshTarget.Hop> hops, java.util.function.Consumer<String> warnings) {
        this.knownHosts = knownHosts;
        this.mode = mode;
        this.hops = List.copyOf(hops);
        this.warnings = warnings;
    }

    /** Whether a changed key was let through (StrictHostKeyChecking=no): then no password may be sent. */
    boolean changedKeyAccepted() {
        return changedKeyAccepted;
    }

    /** Why the last key was refused, or null. */
    String refusal() {
        return refusal.get();
    }

    boolean verify(ClientSession session, SocketAddress remote, PublicKey key) {
        SshTarget.Hop hop = hopOf(session);
        String host;
        int port;
        if (hop != null) {
            host = hop.host();
            port = hop.port();
        } else if (remote instanceof InetSocketAddress s) {
            host = s.getHostString();
            port = s.getPort();
        } else {
            refusal.set("cannot tell which host " + remote + " is, so its host key cannot be checked");
            return false;
        }
        try {
            return verify(host, port, key);
        } catch (IOException e) {
            refusal.set("cannot read known_hosts: " + e.getMessage());
            return false;
        }
    }

    /**
     * Which hop a session is. MINA reaches a ProxyJump target through a local port forward, so the
     * session's own address says nothing; but it opens the hops strictly in order (each jump is
     * authenticated before the next starts), so the n-th new session is the n-th hop.
     */
    private SshTarget.Hop hopOf(ClientSession session) {
        synchronized (seen) {
            int i = seen.indexOf(session);
            if (i < 0) {
                seen.add(session);
                i = seen.size() - 1;
            }
            return i < hops.size() ? hops.get(i) : null;
        }
    }

    boolean verify(String host, int port, PublicKey key) throws IOException {
        String name = KnownHosts.hostPattern(host, port);
        String type = KeyUtils.getKeyType(key);
        String offered = type + " key " + KeyUtils.getFingerPrint(key);
        List<KnownHosts.Match> matches = knownHosts.find(host, port);
        for (KnownHosts.Match m : matches) {
            if (m.key() != null && "revoked".equals(m.marker()) && KeyUtils.compareKeys(m.key(), key)) {
                refusal.set("host key for " + name + " (" + offered + ") is marked @revoked in " + m.file() + ":" + m.line()
                        + "; refusing to connect");
                return false;
            }
        }
        for (KnownHosts.Match m : matches) {
            if (m.key() != null && m.marker() == null && KeyUtils.compareKeys(m.key(), key)) return true;
        }
        List<KnownHosts.Match> usable = matches.stream().filter(m -> m.marker() == null && m.key() != null).toList();
        if (!usable.isEmpty()) {
            KnownHosts.Match m = usable.stream().filter(u -> type.equals(KeyUtils.getKeyType(u.key()))).findFirst().orElse(usable.get(0));
            boolean sameType = type.equals(KeyUtils.getKeyType(m.key()));
            if (mode == HostKeyPolicy.Mode.OFF) {
                changedKeyAccepted = true;
                warnings.accept("host key for " + name + " does not match " + m.file() + ":" + m.line() + " (the host sent " + offered
                        + "); connecting anyway because StrictHostKeyChecking=no (host_key_checking is off), with password login"
                        + " disabled and the known key kept. This can be a man-in-the-middle attack or a reinstalled host: if the change"
                        + " is expected, run ssh-keygen -f '" + m.file() + "' -R '" + name + "'");
                return true;
            }
            refusal.set((sameType ? "HOST KEY CHANGED for " + name + ": the host sent " + offered + " but "
                    : "host key mismatch for " + name + ": the host sent " + offered + " but only a "
                    + KeyUtils.getKeyType(m.key()) + " key is known, in ")
                    + m.file() + ":" + m.line() + (sameType ? " holds a different key" : "")
                    + ". This can be a man-in-the-middle attack or a reinstalled host. If the change is expected, remove the old entry with: "
                    + "ssh-keygen -f '" + m.file() + "' -R '" + name + "' and connect again (with --accept-new-host-keys to record the new key)");
            return false;
        }
        if (mode == HostKeyPolicy.Mode.STRICT) {
            refusal.set("host key for " + name + " is unknown (" + offered + "; checked "
                    + String.join(", ", knownHosts.files().stream().map(Object::toString).toList())
                    + "). Verify the fingerprint, then run again with --accept-new-host-keys to record it in "
                    + knownHosts.files().get(0) + ", or add it yourself (ssh-keyscan -p " + port + " " + host + "); if the host's"
                    + " keys are listed in another file, name it with ansible_ssh_common_args='-o UserKnownHostsFile=FILE' or --known-hosts");
            return false;
        }
        if (!knownHosts.record(host, port, key)) {
            refusal.set("host key for " + name + " changed while it was being recorded; check " + knownHosts.files().get(0));
            return false;
        }
        LOG.warn("Permanently added {} ({}) to {}", name, offered, knownHosts.files().get(0));
        return true;
    }
}

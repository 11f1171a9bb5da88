package meshplay.engine.connect.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import meshplay.engine.connect.Become;
import meshplay.engine.connect.BecomeWrapper;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.Content;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.HostAddress;
import meshplay.engine.lang.ShellQuote;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Everything one host's connection shares (the connection and its become views): the session, opened
 * on first use and reused for the whole run; a session that broke is reopened once, on the next call,
 * and a failed reopen makes the host unreachable. Also the id-name cache.
 */
final class SshHost {
    static final int DEFAULT_MAX_SESSIONS = 10;
    static final String MAX_SESSIONS_VAR = "ansible_ssh_max_sessions";

    private final HostAddress address;
    private final ConnectionOptions options;
    private final Supplier<SessionOpener> opener;
    private final Path sshConfig;
    private final int maxChannels;
    private final IdNames ids = new IdNames();
    private final Map<String, Boolean> sudoNeedsPassword = new ConcurrentHashMap<>();
    private final java.util.Set<String> sweptDirectories = ConcurrentHashMap.newKeySet();
    private SshTarget target;
    private OpenSession current;
    private volatile boolean closed;
    private volatile Boolean sftpAvailable;

    SshHost(HostAddress address, ConnectionOptions options, Supplier<SessionOpener> opener, Path sshConfig) {
        this.address = address;
        this.options = options;
        this.opener = opener;
        this.sshConfig = sshConfig;
        this.maxChannels = maxSessions(address);
    }

    /** ansible_ssh_max_sessions (the server's MaxSessions), at least 2: SFTP keeps one channel open. */
    static int maxSessions(HostAddress address) {
        String text = text(address.vars().get(MAX_SESSIONS_VAR));
        if (text == null) return DEFAULT_MAX_SESSIONS;
        try {
            return Math.max(2, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_SESSIONS_VAR + " of " + address.inventoryName() + " must be a number, not '" + text + "'");
        }
    }

    String name() {
        return address.inventoryName();
    }

    Duration connectTimeout() {
        return SessionOpener.connectTimeout(address, options);
    }

    synchronized SshTarget target() throws ConnectionException {
        if (target == null) {
            try {
                target = SshTarget.resolve(address, sshConfig);
            } catch (IOException | RuntimeException e) {
                throw new ConnectionException("cannot read ssh config " + sshConfig + " for " + name() + ": " + e.getMessage(), true, e);
            }
        }
        return target;
    }

    String loginUser() throws ConnectionException {
        return target().user();
    }

    IdNames ids() {
        return ids;
    }

    /** The open session, opening (or reopening, once per call) it as needed. */
    synchronized OpenSession live() throws ConnectionException {
        if (closed) throw new ConnectionException("connection to " + name() + " is closed");
        if (current != null && current.isOpen()) return current;
        if (current != null) {
            current.close();
            current = null;
        }
        ClientSession session = opener.get().open(target(), address, options);
        current = new OpenSession(session, maxChannels, connectTimeout());
        return current;
    }

    /** Drops the session and opens a new one, retrying until {@code within} has passed. */
    void reconnect(Duration within) throws ConnectionException {
        synchronized (this) {
            if (current != null) current.close();
            current = null;
        }
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                live();
                return;
            } catch (ConnectionException e) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    throw new ConnectionException("still unreachable after " + within.toSeconds() + " s: " + e.getMessage(), true, e);
                }
                try {
                    Thread.sleep(Math.min(1000, Math.max(1, left / 1_000_000)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new ConnectionException("interrupted while reconnecting to " + name(), true, ie);
                }
            }
        }
    }

    /** Runs a request: the command string, plus the sudo password line ahead of its stdin. */
    OpenSession.Raw exec(ExecRequest request) throws ConnectionException {
        String user = loginUser();
        if (RemoteCommand.escalates(request.become(), user)) request = request.withBecome(effectiveBecome(request.become()));
        String command;
        try {
            command = RemoteCommand.build(request, user);
        } catch (IllegalArgumentException e) {
            throw new ConnectionException(e.getMessage() + " (in " + request.describe() + ")");
        }
        byte[] stdin = RemoteCommand.escalates(request.become(), user) ? BecomeWrapper.stdin(request.become(), request.stdin()) : request.stdin();
        return exec(command, stdin, request.timeout(), "running " + request.describe());
    }

    /**
     * The become password: the task's, else the host's ansible_become_password, else the one asked
     * for on the command line (-K). sudo only gets it when it needs one: "sudo -S" that needs no
     * password would pass the password line on to the command's stdin. Whether it does is probed
     * once per target user with "sudo -n true".
     */
    private Become effectiveBecome(Become become) throws ConnectionException {
        String password = become.password();
        if (password == null) password = Become.password(name -> text(address.vars().get(name)), options.askedBecomePassword());
        if (password == null || !"sudo".equals(become.method())) return new Become(become.user(), become.method(), password);
        Boolean needs = sudoNeedsPassword.get(become.user());
        if (needs == null) {
            OpenSession.Raw probe = exec(ShellQuote.join(List.of("sudo", "-n", "-u", become.user(), "--", "true")), null, null,
                    "checking whether sudo needs a password");
            needs = probe.rc() != 0;
            sudoNeedsPassword.put(become.user(), needs);
        }
        return new Become(become.user(), become.method(), needs ? password : null);
    }

    /** A host variable as text, or null when unset or empty. */
    private static String text(Object v) {
        if (v == null) return null;
        String t = String.valueOf(v);
        return t.isEmpty() ? null : t;
    }

    OpenSession.Raw exec(String command, byte[] stdin, Duration timeout, String what) throws ConnectionException {
        return execStreaming(command, stdin == null || stdin.length == 0 ? null : new java.io.ByteArrayInputStream(stdin), timeout, what);
    }

    /**
     * Runs a request whose stdin is {@code content}, streamed in constant memory (after the sudo
     * password line when become needs one); the request's own stdin is ignored.
     */
    OpenSession.Raw exec(ExecRequest request, Content content) throws ConnectionException {
        String user = loginUser();
        boolean escalates = RemoteCommand.escalates(request.become(), user);
        if (escalates) request = request.withBecome(effectiveBecome(request.become()));
        String command;
        try {
            command = RemoteCommand.build(request, user);
        } catch (IllegalArgumentException e) {
            throw new ConnectionException(e.getMessage() + " (in " + request.describe() + ")");
        }
        byte[] prefix = escalates ? BecomeWrapper.stdin(request.become(), null) : null;
        try (java.io.InputStream body = content.open()) {
            java.io.InputStream stdin = prefix == null ? body : new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(prefix), body);
            return execStreaming(command, stdin, request.timeout(), "running " + request.describe());
        } catch (IOException e) {
            throw new ConnectionException("cannot read " + content + ": " + e.getMessage(), e);
        }
    }

    private OpenSession.Raw execStreaming(String command, java.io.InputStream stdin, Duration timeout, String what) throws ConnectionException {
        OpenSession s = live();
        OpenSession.Raw raw;
        try {
            raw = s.exec(command, stdin, timeout);
        } catch (IOException e) {
            throw failure(s, what, e);
        } catch (InterruptedException e) {
            throw interrupted(what, e);
        }
        if (raw.rc() == null) {
            // no exit status: the session broke under the command (or the server killed the channel)
            if (brokeDown(s)) throw lost(s, what, null);
            return new OpenSession.Raw(-1, raw.stdout(), raw.stderr(), false);
        }
        return raw;
    }

    /** Runs on the session's SFTP client; SFTP status errors pass through as failures of the operation. */
    <T> T sftp(String what, OpenSession.SftpAction<T> action) throws ConnectionException {
        OpenSession s = live();
        try {
            return s.withSftp(action);
        } catch (SftpException e) {
            throw new ConnectionException(what + " on " + name() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw failure(s, what, e);
        } catch (InterruptedException e) {
            throw interrupted(what, e);
        }
    }

    /**
     * Whether the server speaks SFTP; probed once by opening the session's SFTP client. Servers without
     * it still get every file operation, through shell commands.
     */
    boolean sftpAvailable() throws ConnectionException {
        Boolean known = sftpAvailable;
        if (known != null) return known;
        try {
            sftp("opening SFTP", sftp -> null);
            sftpAvailable = true;
        } catch (ConnectionException e) {
            if (!(e.getCause() instanceof OpenSession.SftpUnavailableException)) throw e;
            sftpAvailable = false;
        }
        return sftpAvailable;
    }

    /** Registers a write's temp file with the session's write guard; see {@link SftpFiles#write}. */
    OpenSession.GuardLease guardWrite(String tmp, String what) throws ConnectionException {
        OpenSession s = live();
        try {
            return s.armGuard(tmp);
        } catch (IOException e) {
            throw failure(s, what, e);
        } catch (InterruptedException e) {
            throw interrupted(what, e);
        }
    }

    /** Keeps the thread's interrupt status for the caller and reports the operation as interrupted. */
    private ConnectionException interrupted(String what, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new ConnectionException("interrupted while " + what + " on " + name(), e);
    }

    private ConnectionException failure(OpenSession s, String what, Exception e) {
        if (brokeDown(s)) return lost(s, what, e);
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ConnectionException(what + " on " + name() + " failed: " + msg, e);
    }

    /** A channel error often arrives just before the session notices the dead socket: wait briefly. */
    private static boolean brokeDown(OpenSession s) {
        if (!s.isOpen()) return true;
        s.session().waitFor(EnumSet.of(ClientSessionEvent.CLOSED), 500);
        return !s.isOpen();
    }

    private ConnectionException lost(OpenSession s, String what, Exception e) {
        synchronized (this) {
            if (current == s) {
                current.close();
                current = null;
            }
        }
        String why = e == null || e.getMessage() == null ? "" : ": " + e.getMessage();
        return new ConnectionException("connection to " + name() + " lost while " + what + why, true, e);
    }

    /**
     * Whether a command may run while a write holds the write guard: with fewer than three channels
     * the guard and SFTP hold them all, and the command would wait for ever.
     */
    boolean commandsDuringWrites() {
        return maxChannels >= 3;
    }

    /** True the first time a write of this connection goes into {@code dir}: the time to sweep stale temp files. */
    boolean firstWriteInto(String dir) {
        return sweptDirectories.add(dir);
    }

    /** True when {@code e} says the path does not exist. */
    static boolean missing(SftpException e) {
        return e.getStatus() == org.apache.sshd.sftp.common.SftpConstants.SSH_FX_NO_SUCH_FILE
                || e.getStatus() == org.apache.sshd.sftp.common.SftpConstants.SSH_FX_NO_SUCH_PATH;
    }

    void close() {
        synchronized (this) {
            closed = true;
            if (current != null) current.close();
            current = null;
        }
    }
}

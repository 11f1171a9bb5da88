package meshplay.engine.connect.ssh;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.Become;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.Content;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.FileStat;
import meshplay.engine.connect.HostFiles;
import meshplay.engine.connect.WriteOptions;

/**
 * A host reached over SSH (Apache MINA SSHD): one authenticated session, opened on first use and
 * reused for the whole run; commands are exec channels on it, files go over its SFTP client (or shell
 * commands under become, see {@link #withBecome}). Safe for concurrent use.
 * <p>
 * {@link #reconnect()} retries for the connect timeout; {@link #reconnect(Duration)} for as long as the
 * caller says (wait_for_connection after a reboot).
 */
public final class SshConnection implements Connection {
    private final SshHost host;
    private final Become fileBecome;
    private final boolean owner;

    SshConnection(SshHost host) {
        this(host, null, true);
    }

    private SshConnection(SshHost host, Become fileBecome, boolean owner) {
        this.host = host;
        this.fileBecome = fileBecome;
        this.owner = owner;
    }

    @Override
    public String host() {
        return host.name();
    }

    @Override
    public ExecResult exec(ExecRequest request) throws ConnectionException {
        OpenSession.Raw raw = host.exec(request);
        return new ExecResult(raw.rc(), new String(raw.stdout(), StandardCharsets.UTF_8),
                new String(raw.stderr(), StandardCharsets.UTF_8), raw.timedOut());
    }

    /**
     * SFTP as the login user; shell commands when files are done as a become user that differs from
     * it (or when the server offers no SFTP). Chosen on each call, as the session may be reopened.
     */
    @Override
    public HostFiles files() {
        return new HostFiles() {
            private RemoteFiles pick() throws ConnectionException {
                if (fileBecome != null && RemoteCommand.escalates(fileBecome, host.loginUser())) return new ShellFiles(host, fileBecome);
                return host.sftpAvailable() ? new SftpFiles(host) : new ShellFiles(host, null);
            }

            @Override public FileStat stat(String path, boolean follow) throws ConnectionException { return pick().stat(path, follow); }
            @Override public Optional<byte[]> read(String path) throws ConnectionException { return pick().read(path); }

            @Override
            public Optional<String> write(String path, Content content, WriteOptions options) throws ConnectionException {
                return pick().write(path, content, options == null ? WriteOptions.DEFAULT : options);
            }

            @Override public Optional<String> sha1(String path) throws ConnectionException { return pick().sha1(path); }
            @Override public void mkdirs(String path, Attributes attributes) throws ConnectionException { pick().mkdirs(path, attributes); }
            @Override public void remove(String path, boolean recursive) throws ConnectionException { pick().remove(path, recursive); }
            @Override public void symlink(String target, String link) throws ConnectionException { pick().symlink(target, link); }
            @Override public void setAttributes(String path, Attributes attributes) throws ConnectionException { pick().setAttributes(path, attributes); }
        };
    }

    /** Reconnects, retrying for the connect timeout (10 s unless configured). */
    @Override
    public void reconnect() throws ConnectionException {
        host.reconnect(host.connectTimeout());
    }

    @Override
    public void reconnect(Duration within) throws ConnectionException {
        host.reconnect(within);
    }

    @Override
    public Connection withBecome(Become become) {
        return new SshConnection(host, become, false);
    }

    @Override
    public void close() {
        if (owner) host.close();
    }

    @Override
    public String toString() {
        return "SshConnection[" + host.name() + (fileBecome == null ? "" : ", files as " + fileBecome.user()) + "]";
    }
}

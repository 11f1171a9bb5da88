package meshplay.engine.exec.task;

import java.time.Duration;
import java.util.Optional;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.Become;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.Content;
import meshplay.engine.connect.FileStat;
import meshplay.engine.connect.HostFiles;
import meshplay.engine.connect.LocalConnection;
import meshplay.engine.connect.WriteOptions;

/**
 * Resolves relative target paths (dest: ./x) as Ansible does: on the target, against the directory
 * its modules run in. Over SSH that is the login directory (the remote user's home), asked once, when
 * the first relative path shows up; on the local connection it is the playbook's directory.
 */
final class RelativePaths implements Connection {
    private final Connection inner;
    private final String localDir;
    private String base;

    /** {@code playbookDir}: the base for a local connection. */
    RelativePaths(Connection inner, java.nio.file.Path playbookDir) {
        this(inner, inner instanceof LocalConnection ? playbookDir.toAbsolutePath().normalize().toString() : null);
    }

    private RelativePaths(Connection inner, String localDir) {
        this.inner = inner;
        this.localDir = localDir;
    }

    private String abs(String path) throws ConnectionException {
        if (path == null || path.startsWith("/")) return path;
        String dir = base();
        String rest = path.equals(".") ? "" : path.startsWith("./") ? path.substring(2) : path;
        return rest.isEmpty() ? dir : (dir.endsWith("/") ? dir : dir + "/") + rest;
    }

    private synchronized String base() throws ConnectionException {
        if (base != null) return base;
        if (localDir != null) {
            base = localDir;
        } else {
            ExecResult r = inner.exec(ExecRequest.argv("pwd"));
            String dir = r.stdout() == null ? "" : r.stdout().trim();
            if (r.rc() != 0 || !dir.startsWith("/")) throw new ConnectionException("cannot find the remote working directory for a relative path");
            base = dir;
        }
        return base;
    }

    @Override public String host() { return inner.host(); }

    @Override
    public ExecResult exec(ExecRequest request) throws ConnectionException {
        return request.chdir() == null ? inner.exec(request) : inner.exec(request.withChdir(abs(request.chdir())));
    }

    @Override
    public HostFiles files() {
        HostFiles files = inner.files();
        return new HostFiles() {
            @Override public FileStat stat(String path, boolean follow) throws ConnectionException { return files.stat(abs(path), follow); }
            @Override public Optional<byte[]> read(String path) throws ConnectionException { return files.read(abs(path)); }
            @Override public Optional<String> sha1(String path) throws ConnectionException { return files.sha1(abs(path)); }

            @Override
            public Optional<String> write(String path, Content content, WriteOptions options) throws ConnectionException {
                return files.write(abs(path), content, options);
            }

            @Override public void mkdirs(String path, Attributes attributes) throws ConnectionException { files.mkdirs(abs(path), attributes); }
            @Override public void remove(String path, boolean recursive) throws ConnectionException { files.remove(abs(path), recursive); }
            @Override public void symlink(String target, String link) throws ConnectionException { files.symlink(target, abs(link)); }
            @Override public void setAttributes(String path, Attributes attributes) throws ConnectionException { files.setAttributes(abs(path), attributes); }
        };
    }

    @Override public void reconnect() throws ConnectionException { inner.reconnect(); }
    @Override public void reconnect(Duration within) throws ConnectionException { inner.reconnect(within); }
    @Override public Connection withBecome(Become become) { return new RelativePaths(inner.withBecome(become), localDir); }
    @Override public void close() { inner.close(); }
}

package meshplay.engine.exec.task;

import java.util.Optional;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.Content;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.FileStat;
import meshplay.engine.connect.HostFiles;
import meshplay.engine.connect.WriteOptions;
import meshplay.engine.report.Event;
import meshplay.engine.report.EventBus;

/**
 * At -vvv, reports each command and file write a module makes ("<host> EXEC ..."). Never used for
 * no_log tasks; stdin and file contents are not shown (they may hold secrets).
 */
final class TracingConnection implements Connection {
    private final Connection inner;
    private final EventBus events;

    TracingConnection(Connection inner, EventBus events) {
        this.inner = inner;
        this.events = events;
    }

    private void trace(String what) {
        events.on(new Event.Info("<" + inner.host() + "> " + what, 3));
    }

    /** Scripts can be long: the first line, at most 200 characters. */
    private static String shorten(String command) {
        int nl = command.indexOf('\n');
        String first = nl >= 0 ? command.substring(0, nl) + " ..." : command;
        return first.length() > 200 ? first.substring(0, 200) + " ..." : first;
    }

    @Override public String host() { return inner.host(); }

    @Override
    public ExecResult exec(ExecRequest request) throws ConnectionException {
        trace("EXEC " + shorten(request.describe()) + (request.become() == null ? "" : " (become " + request.become().user() + ")"));
        ExecResult r = inner.exec(request);
        trace("rc=" + r.rc() + (r.timedOut() ? " (timed out)" : ""));
        return r;
    }

    @Override
    public HostFiles files() {
        return new TracedFiles(inner.files());
    }

    @Override
    public void reconnect() throws ConnectionException {
        trace("RECONNECT");
        inner.reconnect();
    }

    @Override
    public void reconnect(java.time.Duration within) throws ConnectionException {
        trace("RECONNECT (waiting up to " + within.toSeconds() + "s)");
        inner.reconnect(within);
    }

    @Override
    public Connection withBecome(meshplay.engine.connect.Become become) {
        return new TracingConnection(inner.withBecome(become), events);
    }

    @Override
    public void close() {
        // the pool owns the real connection
    }

    /** Reports each change to a file; reads and stats are not reported. */
    private final class TracedFiles implements HostFiles {
        private final HostFiles files;

        TracedFiles(HostFiles files) {
            this.files = files;
        }

        @Override public FileStat stat(String path, boolean follow) throws ConnectionException { return files.stat(path, follow); }
        @Override public Optional<byte[]> read(String path) throws ConnectionException { return files.read(path); }
        @Override public Optional<String> sha1(String path) throws ConnectionException { return files.sha1(path); }

        @Override
        public Optional<String> write(String path, byte[] content, WriteOptions options) throws ConnectionException {
            trace("PUT " + path + " (" + content.length + " bytes)");
            return files.write(path, content, options);
        }

        @Override
        public Optional<String> write(String path, Content content, WriteOptions options) throws ConnectionException {
            trace("PUT " + path + " (" + content.size() + " bytes)");
            return files.write(path, content, options);
        }

        @Override
        public void mkdirs(String path, Attributes attributes) throws ConnectionException {
            trace("MKDIR " + path);
            files.mkdirs(path, attributes);
        }

        @Override
        public void remove(String path, boolean recursive) throws ConnectionException {
            trace("REMOVE " + path);
            files.remove(path, recursive);
        }

        @Override
        public void symlink(String target, String link) throws ConnectionException {
            trace("SYMLINK " + link + " -> " + target);
            files.symlink(target, link);
        }

        @Override
        public void setAttributes(String path, Attributes attributes) throws ConnectionException {
            trace("CHMOD/CHOWN " + path);
            files.setAttributes(path, attributes);
        }
    }
}

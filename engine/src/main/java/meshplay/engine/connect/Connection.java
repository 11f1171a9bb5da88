package meshplay.engine.connect;

import java.time.Duration;

/**
 * How the engine and modules reach one host: commands with {@link #exec}, files through the
 * {@link #files()} view. Implementations: {@link LocalConnection} and the SSH connection. One instance per host for the whole run; safe to call from several threads at once.
 * All paths are absolute paths on the target.
 */
public interface Connection extends AutoCloseable {

    /** The inventory name of the host this connection reaches. */
    String host();

    /** Runs a command; a non-zero exit is not an exception, only transport failures are. */
    ExecResult exec(ExecRequest request) throws ConnectionException;

    /**
     * The host's files: stat, read, write, mkdirs, remove, symlink, attributes. They act as the login
     * user, or as the become user on a {@link #withBecome} view.
     */
    HostFiles files();

    /** Drops and re-establishes the transport (after a reboot); local: no-op. */
    default void reconnect() throws ConnectionException {
    }

    /**
     * Like {@link #reconnect()}, but keeps retrying until {@code within} has passed (a host that is
     * rebooting refuses connections for a while). Local: no-op.
     */
    default void reconnect(Duration within) throws ConnectionException {
        reconnect();
    }

    /**
     * This connection with its {@link #files() file operations} done as {@code become} (for example root via sudo) instead of as the login user. Commands are
     * unaffected: they carry their own {@link ExecRequest#become()}. The view shares the transport and
     * closing it does nothing. Connections that already act with full rights return themselves.
     */
    default Connection withBecome(Become become) {
        return this;
    }

    @Override
    void close();
}

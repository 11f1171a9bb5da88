package meshplay.engine.connect;

import java.time.Duration;
import java.util.Optional;

/**
 * How the engine and modules reach one host. Implementations: {@link LocalConnection} and the SSH
 * connection. One instance per host for the whole run; safe to call from several threads at once.
 * All paths are absolute paths on the target.
 */
public interface Connection extends AutoCloseable {

    /** The inventory name of the host this connection reaches. */
    String host();

    /** Runs a command; a non-zero exit is not an exception, only transport failures are. */
    ExecResult exec(ExecRequest request) throws ConnectionException;

    /** File metadata, or {@code null} when nothing exists at the path (a dangling link exists). */
    FileStat stat(String path, boolean follow) throws ConnectionException;

    /** The whole file, or empty when it does not exist. */
    Optional<byte[]> read(String path) throws ConnectionException;

    /**
     * Writes atomically: a temp file in the same directory, fsync, mode/owner applied, then rename.
     * Returns the backup path when {@link WriteOptions#backup()} was asked for and a file was replaced.
     */
    Optional<String> write(String path, byte[] content, WriteOptions options) throws ConnectionException;

    /**
     * Like {@link #write(String, byte[], WriteOptions)} for content of any size: the connections stream
     * it in constant memory, and replace the file only once the target's checksum of what it received
     * equals the source's. A short write, a full disk or a checksum mismatch fails and leaves the old
     * file as it was. (This default holds the content in memory; the real connections override it.)
     */
    default Optional<String> write(String path, Content content, WriteOptions options) throws ConnectionException {
        byte[] bytes = content.bytesInMemory();
        if (bytes == null) {
            try (java.io.InputStream in = content.open()) {
                bytes = in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new ConnectionException("write " + path + ": cannot read " + content + ": " + e.getMessage(), e);
            }
        }
        return write(path, bytes, options);
    }

    /**
     * The hex SHA-1 of the file at {@code path}, computed on the target (the file is not transferred),
     * or empty when it does not exist. (This default reads the file; the real connections override it.)
     */
    default Optional<String> sha1(String path) throws ConnectionException {
        return read(path).map(Checksum::sha1);
    }

    /** Creates the directory and missing parents (like mkdir -p); mode/owner/group apply to created ones. */
    void mkdirs(String path, Attributes attributes) throws ConnectionException;

    /** Removes a file, link or (when recursive) a directory tree; no error when absent. */
    void remove(String path, boolean recursive) throws ConnectionException;

    /** Creates or replaces a symbolic link at {@code link} pointing to {@code target}. */
    void symlink(String target, String link) throws ConnectionException;

    /** Applies mode, owner and group (null fields are left alone). */
    void setAttributes(String path, Attributes attributes) throws ConnectionException;

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
     * This connection with file operations (stat, read, write, mkdirs, remove, symlink, setAttributes)
     * done as {@code become} (for example root via sudo) instead of as the login user. Commands are
     * unaffected: they carry their own {@link ExecRequest#become()}. The view shares the transport and
     * closing it does nothing. Connections that already act with full rights return themselves.
     */
    default Connection withBecome(Become become) {
        return this;
    }

    @Override
    void close();
}

package meshplay.engine.connect;

import java.util.Optional;

/**
 * The files of one host, as a {@link Connection#files()} view: stat, read, write, checksum, mkdir,
 * remove, symlink and attributes. Implemented once for the local machine ({@link LocalFiles}) and
 * once for SSH (SFTP, or shell commands when files are written as a become user). All paths are
 * absolute paths on the target. Safe to call from several threads at once.
 */
public interface HostFiles {
    /** File metadata, or {@code null} when nothing exists at the path (a dangling link exists). */
    FileStat stat(String path, boolean follow) throws ConnectionException;

    /** The whole file, or empty when it does not exist. */
    Optional<byte[]> read(String path) throws ConnectionException;

    /**
     * Writes atomically: a temp file in the same directory, fsync, mode/owner applied, then rename.
     * Returns the backup path when {@link WriteOptions#backup()} was asked for and a file was replaced.
     */
    default Optional<String> write(String path, byte[] content, WriteOptions options) throws ConnectionException {
        return write(path, Content.of(content), options);
    }

    /**
     * Like {@link #write(String, byte[], WriteOptions)} for content of any size: streamed in constant
     * memory, and the file is replaced only once the target's checksum of what it received equals the
     * source's. A short write, a full disk or a checksum mismatch fails and leaves the old file as it was.
     */
    Optional<String> write(String path, Content content, WriteOptions options) throws ConnectionException;

    /**
     * The hex SHA-1 of the file at {@code path}, computed on the target (the file is not transferred),
     * or empty when it does not exist.
     */
    Optional<String> sha1(String path) throws ConnectionException;

    /** Creates the directory and missing parents (like mkdir -p); mode/owner/group apply to created ones. */
    void mkdirs(String path, Attributes attributes) throws ConnectionException;

    /** Removes a file, link or (when recursive) a directory tree; no error when absent. */
    void remove(String path, boolean recursive) throws ConnectionException;

    /** Creates or replaces a symbolic link at {@code link} pointing to {@code target}. */
    void symlink(String target, String link) throws ConnectionException;

    /** Applies mode, owner and group (null fields are left alone). */
    void setAttributes(String path, Attributes attributes) throws ConnectionException;
}

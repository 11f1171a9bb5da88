package meshplay.engine.connect.ssh;

import java.util.Optional;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.Content;
import meshplay.engine.connect.FileStat;
import meshplay.engine.connect.TempFiles;
import meshplay.engine.connect.WriteOptions;

/** The file half of a connection; SFTP as the login user, or shell commands under become. */
interface RemoteFiles {
    FileStat stat(String path, boolean follow) throws ConnectionException;

    Optional<byte[]> read(String path) throws ConnectionException;

    Optional<String> write(String path, Content content, WriteOptions options) throws ConnectionException;

    /** Hex SHA-1 of the file, computed on the host; empty when it does not exist. */
    Optional<String> sha1(String path) throws ConnectionException;

    void mkdirs(String path, Attributes attributes) throws ConnectionException;

    void remove(String path, boolean recursive) throws ConnectionException;

    void symlink(String target, String link) throws ConnectionException;

    void setAttributes(String path, Attributes attributes) throws ConnectionException;

    static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "/" : path.substring(0, i);
    }

    static String base(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String requireAbsolute(String path) {
        if (path == null || !path.startsWith("/")) throw new IllegalArgumentException("path must be absolute: " + path);
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p;
    }

    /** A hidden sibling name for a temp file or link, unique per call (see {@link TempFiles}). */
    static String tempSibling(String path) {
        return TempFiles.siblingOf(path);
    }
}

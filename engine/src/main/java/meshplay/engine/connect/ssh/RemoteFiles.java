package meshplay.engine.connect.ssh;

import meshplay.engine.connect.HostFiles;
import meshplay.engine.connect.TempFiles;

/** The files view of an SSH connection: SFTP as the login user, or shell commands under become. */
interface RemoteFiles extends HostFiles {
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

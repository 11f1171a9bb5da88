package meshplay.engine.connect;

/**
 * What stat(2) says. {@code mode} holds the permission bits only (e.g. 0644); {@code type} is one of
 * file, directory, link, other; {@code linkTarget} is set for links when not following.
 */
public record FileStat(String path, String type, int mode, String owner, String group, long size,
                       long mtimeEpochSeconds, String linkTarget) {
    public boolean isFile() {
        return "file".equals(type);
    }

    public boolean isDirectory() {
        return "directory".equals(type);
    }

    public boolean isLink() {
        return "link".equals(type);
    }
}

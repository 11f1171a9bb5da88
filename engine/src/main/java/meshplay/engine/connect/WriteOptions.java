package meshplay.engine.connect;

/**
 * Options for an atomic write. {@code attributes} null fields keep the existing file's values (or the
 * defaults for a new file); {@code backup} keeps a timestamped copy of the replaced file.
 */
public record WriteOptions(Attributes attributes, boolean backup) {
    public static final WriteOptions DEFAULT = new WriteOptions(Attributes.NONE, false);

    public WriteOptions {
        attributes = attributes == null ? Attributes.NONE : attributes;
    }

    /** Where the backup of {@code path} goes: Ansible's name, path.PID.YYYY-MM-DD@HH:MM:SS~ */
    public static String backupPath(String path) {
        return path + "." + ProcessHandle.current().pid() + "."
                + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")) + "~";
    }

    public static WriteOptions mode(int mode) {
        return new WriteOptions(new Attributes(mode, null, null), false);
    }
}

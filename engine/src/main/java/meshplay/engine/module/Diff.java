package meshplay.engine.module;

/**
 * What a change does, for --diff. A file diff has before/after content (null = file absent) and is
 * rendered as a unified diff with "--- before: PATH" / "+++ after: PATH" headers; a state diff is a
 * "key: before -> after" line (live sysctl value, module loaded, SDN object field, OSD list).
 */
public record Diff(Kind kind, String subject, String before, String after) {
    public enum Kind { FILE, STATE }

    public static Diff file(String path, String before, String after) {
        return new Diff(Kind.FILE, path, before, after);
    }

    public static Diff state(String key, Object before, Object after) {
        return new Diff(Kind.STATE, key, before == null ? null : String.valueOf(before), after == null ? null : String.valueOf(after));
    }
}

package meshplay.modules.support;

import java.util.ArrayList;
import java.util.List;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.FileStat;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.FileMode;

/**
 * The mode/owner/group a task asks for, and the Changes that bring an existing path there. Each
 * differing attribute is its own Change with a state diff ("/etc/x mode: 0644 -> 0600").
 */
public final class FileAttributes {
    /** Permission bits of a file created without an explicit absolute mode (umask 022). */
    public static final int NEW_FILE_MODE = 0644;
    public static final int NEW_DIRECTORY_MODE = 0755;

    /**
     * What the task asked for; null fields are left as they are. A module binds it from the arguments
     * {@link #addArgs} declares by making it a component of its argument record.
     */
    public record Desired(FileMode mode, String owner, String group) {
        public static final Desired NONE = new Desired(null, null, null);

        public boolean isEmpty() {
            return mode == null && owner == null && group == null;
        }

        /** The concrete attributes for a path whose current bits are {@code currentMode}. */
        public Attributes resolve(int currentMode, boolean directory) {
            return new Attributes(mode == null ? null : mode.applyTo(currentMode, directory), owner, group);
        }

        /** The attributes for a path about to be created. */
        public Attributes forNew(boolean directory) {
            int base = directory ? NEW_DIRECTORY_MODE : NEW_FILE_MODE;
            // no mode: a new directory keeps what mkdir and the umask give it (written out: a mixed ternary would unbox null)
            if (mode == null) return new Attributes(directory ? null : Integer.valueOf(base), owner, group);
            return new Attributes(mode.applyTo(base, directory), owner, group);
        }
    }

    private FileAttributes() {
    }

    /** Adds the usual mode/owner/group arguments to a module's spec. */
    public static ArgSpec.Builder addArgs(ArgSpec.Builder b) {
        return b.add(ArgSpec.arg("mode", ArgType.MODE).doc("permissions: octal as a quoted string ('0644') or symbolic ('u=rw,g=r,o=')"))
                .add(ArgSpec.arg("owner", ArgType.STR).doc("user name that should own the file (a name, not a numeric id)"))
                .add(ArgSpec.arg("group", ArgType.STR).doc("group name that should own the file (a name, not a numeric id)"));
    }

    /** "0644" for permission bits. */
    public static String octal(int mode) {
        String digits = Integer.toOctalString(mode & 07777);
        return "0000".substring(Math.min(4, digits.length())) + digits;
    }

    /**
     * The Changes that bring {@code current} to {@code desired}. When {@code appliedByWrite} is true a
     * content write already sets them, so the Changes only report (their actions do nothing).
     */
    public static List<Change> changes(String path, FileStat current, Desired desired, boolean appliedByWrite) {
        List<Change> out = new ArrayList<>();
        if (current == null || desired.isEmpty()) return out;
        if (desired.mode() != null) {
            int want = desired.mode().applyTo(current.mode(), current.isDirectory());
            if (want != (current.mode() & 07777)) {
                out.add(change(path, "mode", octal(current.mode()), octal(want), new Attributes(want, null, null), appliedByWrite));
            }
        }
        if (desired.owner() != null && !desired.owner().equals(current.owner())) {
            out.add(change(path, "owner", current.owner(), desired.owner(), new Attributes(null, desired.owner(), null), appliedByWrite));
        }
        if (desired.group() != null && !desired.group().equals(current.group())) {
            out.add(change(path, "group", current.group(), desired.group(), new Attributes(null, null, desired.group()), appliedByWrite));
        }
        return out;
    }

    private static Change change(String path, String what, String before, String after, Attributes set, boolean appliedByWrite) {
        Diff diff = Diff.state(path + " " + what, before, after);
        String summary = "set " + what + " of " + path + " to " + after;
        if (appliedByWrite) return new Change(summary, diff, (ctx, result) -> { });
        return new Change(summary, diff, (ctx, result) -> ctx.connection().files().setAttributes(path, set));
    }
}

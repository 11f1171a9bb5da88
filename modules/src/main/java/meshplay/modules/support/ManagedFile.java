package meshplay.modules.support;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.WriteOptions;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleFailure;

/**
 * Plans the content of one text file on the target: read what is there now, compare it with the
 * wanted content, and produce at most one {@link Change} whose diff is the whole-file before/after
 * and whose action writes atomically (or removes the file).
 *
 * <p>The action re-reads the file before writing and refuses when it no longer holds the content the
 * plan was made from, so apply never overwrites a change made by someone else in between (a refused
 * change changes nothing).
 */
public final class ManagedFile {
    private ManagedFile() {
    }

    /** The file's content as UTF-8 text, or null when it does not exist. */
    public static String read(Connection connection, String path) throws ConnectionException {
        return connection.read(path).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
    }

    /**
     * The change that turns {@code before} into {@code after} at {@code path}, or null when they are
     * equal. {@code after == null} removes the file; {@code before == null} means it does not exist yet.
     * {@code options} apply to the written file (mode of a new file, backup).
     */
    public static Change change(String path, String before, String after, WriteOptions options) {
        if (Objects.equals(before, after)) return null;
        String verb = after == null ? "remove " : before == null ? "create " : "update ";
        return new Change(verb + path, Diff.file(path, before, after), (ctx, result) -> {
            Connection c = ctx.connection();
            String now = read(c, path);
            if (!Objects.equals(now, before)) {
                throw new ModuleFailure(path + " changed on the host after it was read; nothing was written",
                        java.util.Map.of("path", path));
            }
            if (after == null) {
                c.remove(path, false);
                return;
            }
            int slash = path.lastIndexOf('/');
            if (slash > 0) c.mkdirs(path.substring(0, slash), Attributes.NONE);
            c.write(path, after.getBytes(StandardCharsets.UTF_8), options == null ? WriteOptions.DEFAULT : options)
                    .ifPresent(backup -> result.put("backup_file", backup));
        });
    }

    /** {@link #change} with mode 0644 for a new file and the existing file's attributes otherwise. */
    public static Change change(String path, String before, String after) {
        return change(path, before, after, before == null ? WriteOptions.mode(0644) : WriteOptions.DEFAULT);
    }
}

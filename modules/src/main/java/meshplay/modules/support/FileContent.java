package meshplay.modules.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.HostFiles;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.Content;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.FileStat;
import meshplay.engine.lang.ShellQuote;
import meshplay.engine.connect.WriteOptions;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;

/**
 * Plans putting whole-file content at a path: compares the current bytes with the desired ones and
 * returns a Change (unified diff for text, a note for binary) whose action validates (optional),
 * then writes atomically with mode/owner/group and an optional backup; plus attribute Changes.
 * For text edited as a whole (sysctl.d, udev rules, .link files, interfaces), {@link #textChange} plans
 * one write-or-remove Change from before/after text. Every write or removal is refused (nothing
 * changes) when the file no longer holds what the plan was made from, so apply never overwrites a
 * change made by someone else in between. Used by every module that owns a file's full content.
 */
public final class FileContent {

    /**
     * How to write. {@code validate} is a command with %s for the file to check (e.g. "visudo -cf %s");
     * {@code parentAttributes} non-null means missing parent directories are created with them.
     */
    public record Options(FileAttributes.Desired attributes, boolean backup, String validate, Attributes parentAttributes) {
        public static Options of(FileAttributes.Desired attributes, boolean backup) {
            return new Options(attributes, backup, null, null);
        }

        public Options withValidate(String command) {
            return new Options(attributes, backup, command, parentAttributes);
        }

        public Options creatingParents(Attributes dirAttributes) {
            return new Options(attributes, backup, validate, dirAttributes == null ? Attributes.NONE : dirAttributes);
        }
    }

    private FileContent() {
    }

    /**
     * Files up to this size are compared byte by byte and shown as diffs; larger ones are compared by
     * checksum on the host and streamed when written, so memory stays small whatever the file's size.
     */
    public static final long IN_MEMORY_LIMIT = 1024 * 1024;

    /** The content of a controller file: its bytes when small, else the file itself, streamed when written. */
    public static Content source(Path file) throws IOException {
        return Files.size(file) <= IN_MEMORY_LIMIT ? Content.of(Files.readAllBytes(file)) : Content.of(file);
    }

    /**
     * A controller file as copy sends it: when {@code decrypt} and the file is vault-encrypted, its
     * decrypted bytes ({@link ModuleContext#readControllerFile}); otherwise {@link #source(Path)}.
     */
    public static Content source(ModuleContext ctx, Path file, boolean decrypt) throws Exception {
        if (decrypt && startsWith(file, VAULT_HEADER)) return Content.of(ctx.readControllerFile(file, true));
        return source(file);
    }

    private static final byte[] VAULT_HEADER = "$ANSIBLE_VAULT;".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static boolean startsWith(Path file, byte[] prefix) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(prefix.length), prefix);
        }
    }

    /** The current content, or null when the path does not exist. */
    public static byte[] read(ModuleContext ctx, String path) throws Exception {
        return ctx.connection().files().read(path).orElse(null);
    }

    /** Fails the task clearly unless a validate command names the file with %s. */
    public static void checkValidateCommand(String validate) throws ModuleFailure {
        if (validate != null && !validate.contains("%s")) {
            throw new ModuleFailure("validate must contain %s (the file to check), e.g. 'visudo -cf %s'");
        }
    }

    /** The current content as UTF-8 text, or null when the path does not exist. */
    public static String readText(HostFiles files, String path) throws ConnectionException {
        return files.read(path).map(FileContent::utf8).orElse(null);
    }

    /**
     * Changes that make {@code path} hold {@code desired} with the wanted attributes. {@code current}
     * and {@code before} are the path's stat and bytes (both null when absent). Empty when nothing differs.
     */
    public static List<Change> plan(String path, FileStat current, byte[] before, byte[] desired, Options options) throws ModuleFailure {
        checkValidateCommand(options.validate());
        List<Change> changes = new ArrayList<>();
        boolean contentDiffers = before == null || !Arrays.equals(before, desired);
        if (contentDiffers) {
            Attributes attrs = current == null ? options.attributes().forNew(false)
                    : options.attributes().resolve(current.mode(), false);
            changes.add(change(path, before, desired, diff(path, before, desired), attrs, options, false));
        }
        changes.addAll(FileAttributes.changes(path, current, options.attributes(), contentDiffers));
        return changes;
    }

    /**
     * {@link #plan(String, FileStat, byte[], byte[], Options)} for content of any size: small content
     * on a small (or absent) file is compared and diffed byte by byte; otherwise the host computes the
     * file's checksum (nothing is transferred), the diff names sizes and checksums, and the write streams.
     */
    public static List<Change> plan(ModuleContext ctx, String path, FileStat current, Content desired, Options options) throws Exception {
        byte[] bytes = desired.bytesInMemory();
        if (bytes != null && (current == null || current.size() <= IN_MEMORY_LIMIT)) {
            return plan(path, current, current == null ? null : read(ctx, path), bytes, options);
        }
        checkValidateCommand(options.validate());
        List<Change> changes = new ArrayList<>();
        String beforeSum = current == null ? null : ctx.connection().files().sha1(path).orElse(null);
        boolean contentDiffers = beforeSum == null || !beforeSum.equals(desired.sha1());
        if (contentDiffers) {
            Attributes attrs = current == null ? options.attributes().forNew(false) : options.attributes().resolve(current.mode(), false);
            Diff diff = Diff.state(path, beforeSum == null ? "absent" : sizeAndSum(current.size(), beforeSum),
                    sizeAndSum(desired.size(), desired.sha1()) + " (too large to diff)");
            changes.add(new Change((beforeSum == null ? "create " : "write ") + path, diff, (ctx2, result) -> {
                String now = ctx2.connection().files().sha1(path).orElse(null);
                if (!Objects.equals(now, beforeSum)) {
                    throw new ModuleFailure(path + " changed on the host after it was read; nothing was written", Map.of("path", path));
                }
                put(ctx2, path, desired, attrs, options, result);
            }));
        }
        changes.addAll(FileAttributes.changes(path, current, options.attributes(), contentDiffers));
        return changes;
    }

    private static String sizeAndSum(long size, String sha1) {
        return "file (" + size + " bytes, sha1 " + sha1 + ")";
    }

    /**
     * The one Change that turns the text {@code before} (null: absent) into {@code after} at
     * {@code path}, or null when they are equal. {@code after == null} removes the file. A new file gets
     * mode 0644, an existing one keeps its attributes; missing parent directories are created.
     */
    public static Change textChange(String path, String before, String after, boolean backup) {
        if (Objects.equals(before, after)) return null;
        Attributes attrs = before == null ? FileAttributes.Desired.NONE.forNew(false) : Attributes.NONE;
        return change(path, before == null ? null : before.getBytes(StandardCharsets.UTF_8),
                after == null ? null : after.getBytes(StandardCharsets.UTF_8), Diff.file(path, before, after), attrs,
                Options.of(FileAttributes.Desired.NONE, backup).creatingParents(Attributes.NONE), true);
    }

    /** {@link #textChange(String, String, String, boolean)} without a backup. */
    public static Change textChange(String path, String before, String after) {
        return textChange(path, before, after, false);
    }

    /**
     * The Change that writes {@code desired} (or removes the file when it is null). Its action first
     * re-reads the file and refuses when it no longer holds {@code before}; a plan made from text
     * compares the file as UTF-8 text, as it was read.
     */
    private static Change change(String path, byte[] before, byte[] desired, Diff diff, Attributes attrs, Options options, boolean asText) {
        String verb = desired == null ? "remove " : before == null ? "create " : "write ";
        return new Change(verb + path, diff, (ctx, result) -> {
            byte[] now = read(ctx, path);
            boolean unchanged = asText ? Objects.equals(now == null ? null : utf8(now), before == null ? null : utf8(before))
                    : Arrays.equals(now, before);
            if (!unchanged) {
                throw new ModuleFailure(path + " changed on the host after it was read; nothing was written", Map.of("path", path));
            }
            if (desired == null) {
                ctx.connection().files().remove(path, false);
                return;
            }
            put(ctx, path, Content.of(desired), attrs, options, result);
        });
    }

    /** Validates (optional), creates missing parents (when asked) and writes; the backup's path goes into the result. */
    private static void put(ModuleContext ctx, String path, Content desired, Attributes attrs, Options options, ModuleResult.Builder result)
            throws Exception {
        if (options.validate() != null) validate(ctx, path, desired, attrs, options.validate());
        if (options.parentAttributes() != null) {
            String parent = parentOf(path);
            if (ctx.connection().files().stat(parent, true) == null) ctx.connection().files().mkdirs(parent, options.parentAttributes());
        }
        ctx.connection().files().write(path, desired, new WriteOptions(attrs, options.backup()))
                .ifPresent(b -> result.put("backup_file", b));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A unified-diff-ready file diff for text, a one-line state diff for binary content. */
    public static Diff diff(String path, byte[] before, byte[] after) {
        boolean text = (before == null || TextBytes.isText(before)) && TextBytes.isText(after);
        if (text) {
            return Diff.file(path, before == null ? null : utf8(before), utf8(after));
        }
        return Diff.state(path, before == null ? "absent" : "binary file (" + before.length + " bytes)",
                "binary file changed (" + after.length + " bytes, sha1 " + TextBytes.sha1(after) + ")");
    }

    /**
     * Writes the content to a hidden temp file beside the destination and runs the validate command
     * on it; nothing at the destination changes when it fails.
     */
    public static void validate(ModuleContext ctx, String path, byte[] content, Attributes attrs, String command) throws Exception {
        validate(ctx, path, Content.of(content), attrs, command);
    }

    /** {@link #validate(ModuleContext, String, byte[], Attributes, String)} for content of any size. */
    public static void validate(ModuleContext ctx, String path, Content content, Attributes attrs, String command) throws Exception {
        String parent = parentOf(path);
        String temp = (parent.equals("/") ? "" : parent) + "/." + baseName(path) + ".meshplay-validate-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            ctx.connection().files().write(temp, content, new WriteOptions(new Attributes(0600, attrs.owner(), attrs.group()), false));
            ExecResult r = ctx.run(ExecRequest.shell(command.replace("%s", ShellQuote.quote(temp))));
            if (!r.ok()) {
                throw new ModuleFailure("failed to validate " + path + " with '" + command + "' (rc=" + r.rc() + "): "
                        + (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip(),
                        Map.of("rc", r.rc(), "stdout", r.stdout(), "stderr", r.stderr()));
            }
        } finally {
            ctx.connection().files().remove(temp, false);
        }
    }

    /**
     * The path with a symlink at its end followed to the file it names (chains too), so that editing
     * a linked file changes the file and keeps the link, as Ansible's lineinfile/blockinfile do.
     */
    public static String resolveLinks(ModuleContext ctx, String path) throws Exception {
        String p = path;
        for (int hops = 0; hops < 40; hops++) {
            FileStat s = ctx.connection().files().stat(p, false);
            if (s == null || !s.isLink()) return p;
            String target = s.linkTarget();
            String parent = parentOf(p);
            p = java.nio.file.Path.of(target.startsWith("/") ? target : (parent.equals("/") ? "" : parent) + "/" + target).normalize().toString();
        }
        throw new ModuleFailure("too many levels of symbolic links at " + path);
    }

    public static String parentOf(String path) {
        int slash = path.lastIndexOf('/', path.length() - 2);
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    public static String baseName(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}

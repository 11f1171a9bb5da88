package meshplay.modules.packaging;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.Checksum;
import meshplay.engine.connect.Content;
import meshplay.engine.connect.FileStat;
import meshplay.engine.connect.WriteOptions;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.FileMode;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.net.HttpFetch;
import meshplay.modules.support.FileAttributes;
import meshplay.modules.support.FileContent;

/**
 * unarchive: unpacks a .tar, .tar.gz/.tgz or .zip into an existing directory on the host. The
 * archive (from the controller, the host with remote_src, or a URL) is read in memory; the plan
 * compares each member with the host (content by checksum, mode, link target) and apply writes only
 * the members that differ, over the connection. So a second run changes nothing and check mode is exact.
 */
public final class UnarchiveModule extends BaseModule<UnarchiveModule.Arguments> {

    /** The typed arguments. */
    record Arguments(String src, String dest, boolean remoteSrc, Boolean copy, String creates, boolean listFiles, List<String> include,
                     List<String> exclude, List<String> extraOpts, boolean validateCerts, boolean decrypt, FileMode mode, String owner,
                     String group) {
        boolean onHost() {
            return remoteSrc || Boolean.FALSE.equals(copy);
        }

        /** Whether a member is selected by include (when given) and not by exclude. */
        boolean selects(String member) {
            if (!include.isEmpty() && include.stream().noneMatch(p -> glob(p).matches(Path.of(member)))) return false;
            return exclude.stream().noneMatch(p -> glob(p).matches(Path.of(member)));
        }

        private static PathMatcher glob(String pattern) {
            return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        }
    }

    private static final ArgSpec SPEC = FileAttributes.addArgs(ArgSpec.builder(
                    "Unpacks a .tar, .tar.gz/.tgz or .zip archive into an existing directory on the host. Only members that differ "
                            + "from what is there (content, mode, link target) are written, so a second run changes nothing. The archive "
                            + "is read in memory by meshplay; no tar or unzip is needed on the host.")
            .add(ArgSpec.arg("src", ArgType.PATH).required().doc("the archive: a controller file (files/ of the role or playbook), "
                    + "a path on the host with remote_src, or an http(s) URL"))
            .add(ArgSpec.arg("dest", ArgType.PATH).required().doc("an existing directory on the host"))
            .add(ArgSpec.arg("remote_src", ArgType.BOOL).defaultValue(false).doc("src is a path on the host"))
            .add(ArgSpec.arg("copy", ArgType.BOOL).doc("deprecated: copy=false means remote_src=true"))
            .add(ArgSpec.arg("creates", ArgType.PATH).doc("do nothing when this path exists on the host"))
            .add(ArgSpec.arg("list_files", ArgType.BOOL).defaultValue(false).doc("return the archive's members as 'files'"))
            .add(ArgSpec.arg("include", ArgType.LIST).elements(ArgType.STR).doc("only members matching these globs"))
            .add(ArgSpec.arg("exclude", ArgType.LIST).elements(ArgType.STR).doc("skip members matching these globs"))
            .add(ArgSpec.arg("extra_opts", ArgType.LIST).elements(ArgType.STR).doc("not supported (no tar runs): a task that sets it fails"))
            .add(ArgSpec.arg("keep_newer", ArgType.BOOL).defaultValue(false).doc("accepted for compatibility"))
            .add(ArgSpec.arg("io_buffer_size", ArgType.INT).doc("accepted for compatibility"))
            .add(ArgSpec.arg("validate_certs", ArgType.BOOL).defaultValue(true).doc("check the TLS certificate of a URL src"))
            .add(ArgSpec.arg("decrypt", ArgType.BOOL).defaultValue(true).doc("decrypt a vault-encrypted controller src")))
            .mutuallyExclusive("include", "exclude")
            .build();

    public UnarchiveModule() {
        super("unarchive", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        if (!a.extraOpts().isEmpty()) {
            throw problem(ctx, "extra_opts", "extra_opts are not supported: meshplay unpacks without tar", "use include/exclude, or a command task");
        }
        String dest = requireAbsolute(ctx, "dest", a.dest(), "/opt/tool");
        if (a.creates() != null && ctx.connection().files().stat(a.creates(), true) != null) {
            return Plan.noChange(Map.of("dest", dest, "src", a.src())).withNote("skipped, since " + a.creates() + " exists");
        }
        FileStat d = ctx.connection().files().stat(dest, true);
        if (d == null || !d.isDirectory()) throw new ModuleFailure("Destination '" + dest + "' is not a directory", Map.of("dest", dest));
        Archive.Contents contents;
        try {
            contents = Archive.read(archiveBytes(ctx, a));
        } catch (java.io.IOException e) {
            throw new ModuleFailure("Failed to find handler for \"" + a.src() + "\": " + e.getMessage(), Map.of("dest", dest, "src", a.src()));
        }
        List<Change> changes = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (Archive.Member m : contents.members()) {
            if (!a.selects(m.path())) continue;
            files.add(m.path() + (m.kind() == Archive.Kind.DIRECTORY ? "/" : ""));
            Change c = memberChange(ctx, a, dest + (dest.endsWith("/") ? "" : "/") + m.path(), m);
            if (c != null) changes.add(c);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dest", dest);
        data.put("src", a.src());
        data.put("handler", contents.handler());
        if (a.listFiles()) data.put("files", files);
        return Plan.of(changes, data);
    }

    private static byte[] archiveBytes(ModuleContext ctx, Arguments a) throws Exception {
        if (a.src().contains("://")) {
            HttpFetch.Request get = HttpFetch.Request.get(a.src());
            HttpFetch.Response r = HttpFetch.send(new HttpFetch.Request("GET", a.src(), get.headers(), null, 30, a.validateCerts(), "safe",
                    null, null, false));
            if (r.status() != 200) throw new ModuleFailure("Failure downloading " + a.src() + ", HTTP Error " + r.status());
            return r.body();
        }
        if (a.onHost()) {
            byte[] b = FileContent.read(ctx, a.src());
            if (b == null) throw new ModuleFailure("Source '" + a.src() + "' does not exist");
            return b;
        }
        return ctx.readControllerFile(ctx.controllerFile(a.src(), "files"), a.decrypt());
    }

    /** The Change that makes one member's path what the archive holds, or null when it already is. */
    private static Change memberChange(ModuleContext ctx, Arguments a, String path, Archive.Member m) throws Exception {
        FileStat st = ctx.connection().files().stat(path, false);
        boolean dir = m.kind() == Archive.Kind.DIRECTORY;
        Integer mode = m.kind() == Archive.Kind.SYMLINK ? null : a.mode() != null ? a.mode().applyTo(m.mode(), dir) : m.mode();
        Attributes attrs = new Attributes(mode, a.owner(), a.group());
        switch (m.kind()) {
            case SYMLINK -> {
                if (st != null && st.isLink() && m.linkTarget().equals(st.linkTarget())) return null;
                return new Change("link " + path + " -> " + m.linkTarget(), Diff.state(path, describe(st), "link to " + m.linkTarget()),
                        (c, r) -> {
                            mkParent(c, path);
                            c.connection().files().symlink(m.linkTarget(), path);
                        });
            }
            case DIRECTORY -> {
                if (st != null && st.isDirectory()) return attributes(path, st, attrs);
                if (st != null) throw new ModuleFailure(path + " exists and is no directory, but the archive holds a directory there");
                return new Change("create directory " + path, Diff.state(path, "absent", "directory"), (c, r) -> c.connection().files().mkdirs(path, attrs));
            }
            default -> {
                if (st != null && st.isDirectory()) throw new ModuleFailure(path + " is a directory, but the archive holds a file there");
                String want = Checksum.sha1(m.content());
                String have = st == null || st.isLink() ? null : ctx.connection().files().sha1(path).orElse(null);
                if (want.equals(have)) return attributes(path, st, attrs);
                return new Change("unpack " + path, Diff.state(path, describe(st), "file (" + m.content().length + " bytes, sha1 " + want + ")"),
                        (c, r) -> {
                            mkParent(c, path);
                            if (st != null && st.isLink()) c.connection().files().remove(path, false);
                            c.connection().files().write(path, Content.of(m.content()), new WriteOptions(attrs, false));
                        });
            }
        }
    }

    private static Change attributes(String path, FileStat st, Attributes attrs) {
        List<Change> c = FileAttributes.changes(path, st, new FileAttributes.Desired(
                attrs.mode() == null ? null : FileMode.parse(FileAttributes.octal(attrs.mode())), attrs.owner(), attrs.group()), false);
        if (c.isEmpty()) return null;
        if (c.size() == 1) return new Change(c.get(0).summary(), c.get(0).diff(), (ctx, r) -> ctx.connection().files().setAttributes(path, attrs));
        String before = String.join(", ", c.stream().map(x -> x.diff().before()).toList());
        String after = String.join(", ", c.stream().map(x -> x.diff().after()).toList());
        return new Change(String.join("; ", c.stream().map(Change::summary).toList()), Diff.state(path + " attributes", before, after),
                (ctx, r) -> ctx.connection().files().setAttributes(path, attrs));
    }

    private static void mkParent(ModuleContext ctx, String path) throws Exception {
        String parent = FileContent.parentOf(path);
        if (ctx.connection().files().stat(parent, true) == null) ctx.connection().files().mkdirs(parent, Attributes.NONE);
    }

    private static String describe(FileStat st) {
        if (st == null) return "absent";
        if (st.isLink()) return "link to " + st.linkTarget();
        return st.isDirectory() ? "directory" : "file (" + st.size() + " bytes)";
    }
}

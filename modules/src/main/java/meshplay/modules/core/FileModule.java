package meshplay.modules.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.FileStat;
import meshplay.engine.connect.WriteOptions;
import meshplay.engine.module.ArgChoice;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.support.FileAttributes;
import meshplay.modules.support.FileContent;

/** Makes a path a file, directory, symlink or nothing, with mode/owner/group. */
public final class FileModule extends BaseModule<FileModule.Arguments> {
    /** What the path should be. */
    enum State { FILE, DIRECTORY, ABSENT, TOUCH, LINK }

    /** The task's arguments; a null state means the path's current kind. */
    record Arguments(String path, State state, String src, boolean recurse, boolean force, boolean follow,
                     FileAttributes.Desired attributes) {
    }

    private static final ArgSpec SPEC = FileAttributes.addArgs(ArgSpec.builder(
                    "Sets what a path is (file, directory, link, absent, touch) and its mode/owner/group. "
                            + "state=file only changes attributes of an existing file; use touch to create an empty one.")
            .add(ArgSpec.arg("path", ArgType.PATH).required().aliases("dest", "name").doc("the path on the target"))
            .add(ArgSpec.choice("state", State.class)
                    .doc("file: must exist; directory: created with parents; absent: removed (recursively); "
                            + "touch: created empty when missing (an existing file's times are kept, so a second run changes nothing); "
                            + "link: symbolic link to src. Default: the path's current kind, or file"))
            .add(ArgSpec.arg("src", ArgType.PATH).doc("target of the link for state=link (relative to the link's directory when relative)"))
            .add(ArgSpec.arg("recurse", ArgType.BOOL).defaultValue(false).doc("state=directory: also apply mode/owner/group to everything below it "
                    + "(symlinks left alone; use symbolic modes such as u=rwX so directories stay searchable)"))
            .add(ArgSpec.arg("force", ArgType.BOOL).defaultValue(false).doc("state=link: replace an existing file or empty directory, or link to a missing src"))
            .add(ArgSpec.arg("follow", ArgType.BOOL).defaultValue(true).doc("when path is a symlink, apply state file/directory and attributes to what it points to")))
            .build();

    public FileModule() {
        super("file", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) throws Exception {
        String path = args.path();
        FileStat lstat = ctx.connection().files().stat(path, false);
        FileStat stat = args.follow() && lstat != null && lstat.isLink() ? ctx.connection().files().stat(path, true) : lstat;
        State state = args.state() != null ? args.state() : lstat == null ? State.FILE : kindOf(lstat);
        FileAttributes.Desired attrs = args.attributes();
        List<Change> changes = new ArrayList<>();
        switch (state) {
            case ABSENT -> {
                if (lstat != null) {
                    changes.add(new Change("remove " + path, Diff.state(path, ArgChoice.valueOf(kindOf(lstat)), "absent"),
                            (c, r) -> c.connection().files().remove(path, true)));
                }
            }
            case FILE -> {
                if (stat == null) throw new ModuleFailure("file " + path + " does not exist, use state=touch to create it", Map.of("path", path));
                if (!stat.isFile()) throw new ModuleFailure(path + " is a " + stat.type() + ", not a file (state=file)", Map.of("path", path));
                changes.addAll(FileAttributes.changes(path, stat, attrs, false));
            }
            case DIRECTORY -> {
                if (stat == null) {
                    Attributes dirAttrs = attrs.forNew(true);
                    changes.add(new Change("create directory " + path, Diff.state(path, lstat == null ? "absent" : "dangling link", "directory"),
                            (c, r) -> c.connection().files().mkdirs(path, dirAttrs)));
                } else if (!stat.isDirectory()) {
                    throw new ModuleFailure(path + " already exists as a " + stat.type() + "; remove it first to make a directory", Map.of("path", path));
                } else {
                    changes.addAll(FileAttributes.changes(path, stat, attrs, false));
                    if (args.recurse()) changes.addAll(belowDirectory(ctx, path, attrs));
                }
            }
            case TOUCH -> {
                if (stat == null) {
                    Attributes fileAttrs = attrs.forNew(false);
                    changes.add(new Change("create empty file " + path, Diff.state(path, "absent", "file"),
                            (c, r) -> c.connection().files().write(path, new byte[0], new WriteOptions(fileAttrs, false))));
                } else {
                    changes.addAll(FileAttributes.changes(path, stat, attrs, false));
                }
            }
            case LINK -> changes.addAll(planLink(ctx, path, lstat, args));
        }
        if (args.recurse() && state != State.DIRECTORY) throw new ModuleFailure("recurse works only with state=directory");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", path);
        data.put("state", ArgChoice.valueOf(state));
        return Plan.of(changes, data);
    }

    private static List<Change> planLink(ModuleContext ctx, String path, FileStat lstat, Arguments args) throws Exception {
        String src = args.src();
        if (src == null) throw new ModuleFailure("src is required for state=link (the path the link points to)");
        boolean force = args.force();
        if (lstat != null && lstat.isLink() && src.equals(lstat.linkTarget())) return List.of();
        String absoluteSrc = src.startsWith("/") ? src : FileContent.parentOf(path) + "/" + src;
        if (!force && ctx.connection().files().stat(absoluteSrc, true) == null) {
            throw new ModuleFailure("src file does not exist, use force=yes if you really want to create the link: " + absoluteSrc);
        }
        String before = lstat == null ? "absent" : lstat.isLink() ? "link to " + lstat.linkTarget() : lstat.type();
        if (lstat != null && !lstat.isLink() && !force) {
            throw new ModuleFailure("refusing to convert from " + lstat.type() + " to symlink for " + path + " (use force=yes to replace it)");
        }
        boolean replacesNonLink = lstat != null && !lstat.isLink();
        return List.of(new Change("link " + path + " -> " + src, Diff.state(path, before, "link to " + src), (c, r) -> {
            if (replacesNonLink) c.connection().files().remove(path, false);
            c.connection().files().symlink(src, path);
        }));
    }

    /**
     * Attribute changes for everything below an existing directory (recurse). The tree is listed on the
     * target with one GNU find; symlinks are left alone.
     */
    private static List<Change> belowDirectory(ModuleContext ctx, String dir, FileAttributes.Desired attrs) throws Exception {
        if (attrs.isEmpty()) return List.of();
        ExecResult r = ctx.run(ExecRequest.argv("find", "-P", dir, "-mindepth", "1", "-printf", "%y %m %u %g %p\\0"));
        if (!r.ok()) throw new ModuleFailure("listing " + dir + " for recurse failed (rc=" + r.rc() + "): " + r.stderr().strip());
        List<Change> out = new ArrayList<>();
        for (String entry : r.stdout().split("\0")) {
            String[] f = entry.split(" ", 5);
            if (f.length < 5 || f[0].equals("l")) continue;
            String type = f[0].equals("d") ? "directory" : f[0].equals("f") ? "file" : "other";
            FileStat s = new FileStat(f[4], type, Integer.parseInt(f[1], 8), f[2], f[3], 0, 0, null);
            out.addAll(FileAttributes.changes(f[4], s, attrs, false));
        }
        return out;
    }

    private static State kindOf(FileStat s) {
        return switch (s.type()) {
            case "link" -> State.LINK;
            case "directory" -> State.DIRECTORY;
            default -> State.FILE;
        };
    }
}

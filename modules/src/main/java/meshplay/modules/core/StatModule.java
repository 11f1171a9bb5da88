package meshplay.modules.core;

import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.FileStat;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.support.FileAttributes;
import meshplay.modules.support.TextBytes;

/** Reports facts about a path (exists, type, mode, owner, size, checksum); never changes anything. */
public final class StatModule extends BaseModule<StatModule.Arguments> {
    /** The task's arguments. */
    record Arguments(String path, boolean follow, boolean getChecksum) {
    }

    /** Files up to this size are hashed on the controller after one read; larger ones with sha1sum on the target. */
    private static final long READ_LIMIT = 16L * 1024 * 1024;

    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Retrieves the status of a path: result 'stat' with exists, isdir, isreg, islnk, mode, pw_name, gr_name, "
                            + "size, mtime, lnk_target and checksum (sha1). Never changes anything.")
            .add(ArgSpec.arg("path", ArgType.PATH).required().aliases("dest", "name").doc("the path to look at"))
            .add(ArgSpec.arg("follow", ArgType.BOOL).defaultValue(false).doc("report on what a symlink points to instead of the link"))
            .add(ArgSpec.arg("get_checksum", ArgType.BOOL).defaultValue(true).doc("compute the sha1 checksum of a regular file"))
            .build();

    public StatModule() {
        super("stat", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) throws Exception {
        String path = args.path();
        FileStat s = ctx.connection().files().stat(path, args.follow());
        Map<String, Object> stat = new LinkedHashMap<>();
        stat.put("exists", s != null);
        if (s != null) {
            stat.put("path", path);
            stat.put("isdir", s.isDirectory());
            stat.put("isreg", s.isFile());
            stat.put("islnk", s.isLink());
            stat.put("mode", FileAttributes.octal(s.mode()));
            stat.put("pw_name", s.owner());
            stat.put("gr_name", s.group());
            stat.put("size", s.size());
            stat.put("mtime", s.mtimeEpochSeconds());
            if (s.isLink()) stat.put("lnk_target", s.linkTarget());
            if (s.isFile() && args.getChecksum()) stat.put("checksum", checksum(ctx, path, s.size()));
        }
        return Plan.noChange(Map.of("stat", stat));
    }

    private static String checksum(ModuleContext ctx, String path, long size) throws Exception {
        if (size <= READ_LIMIT) {
            byte[] content = ctx.connection().files().read(path).orElse(null);
            if (content != null) return TextBytes.sha1(content);
        }
        ExecResult r = ctx.runChecked("sha1sum", "--", path);
        String[] fields = r.stdout().trim().split("\\s+");
        if (fields.length == 0 || !fields[0].matches("[0-9a-f]{40}")) throw new ModuleFailure("unexpected sha1sum output for " + path + ": " + r.stdout());
        return fields[0];
    }
}

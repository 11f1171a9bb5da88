package meshplay.modules.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.Plan;
import meshplay.modules.support.RegexArg;

/**
 * Lists files by name, type, age, size and content, as Ansible's find module. The host's find(1)
 * walks the tree and prints each entry's metadata; the filters are Ansible's, applied here. It
 * only reads.
 */
public final class FindModule extends BaseModule<FindModule.Arguments> {
    private static final ArgSpec SPEC = ArgSpec.builder("Find files by name, type, age, size or content, as Ansible's "
                    + "find module. Returns files (a stat result per match), matched and examined.")
            .add(ArgSpec.arg("paths", ArgType.LIST).elements(ArgType.PATH).required().aliases("name", "path").doc("directories to search"))
            .add(ArgSpec.arg("patterns", ArgType.LIST).elements(ArgType.STR).aliases("pattern")
                    .doc("shell globs (or Python regexes with use_regex) matched against the file's base name; none: every name"))
            .add(ArgSpec.arg("excludes", ArgType.LIST).elements(ArgType.STR).aliases("exclude").doc("names to leave out, same syntax as patterns"))
            .add(ArgSpec.arg("contains", ArgType.STR).doc("Python regex that a line of the file must match (from its start); files only"))
            .add(ArgSpec.arg("read_whole_file", ArgType.BOOL).defaultValue(false).doc("search contains in the whole file instead of per line"))
            .add(ArgSpec.choice("file_type", FileType.class).defaultValue(FileType.FILE).doc("what kind of entries to list"))
            .add(ArgSpec.arg("recurse", ArgType.BOOL).defaultValue(false).doc("descend into directories"))
            .add(ArgSpec.arg("depth", ArgType.INT).doc("with recurse: how many levels down (1 = the directory itself)"))
            .add(ArgSpec.arg("age", ArgType.STR).doc("at least this old (e.g. 2d, 4w, 30m, 10s); negative: at most this old"))
            .add(ArgSpec.choice("age_stamp", AgeStamp.class).defaultValue(AgeStamp.MTIME).doc("which time age compares"))
            .add(ArgSpec.arg("size", ArgType.STR).doc("at least this size (e.g. 10m, 1g, 512k, 100b); negative: at most"))
            .add(ArgSpec.arg("hidden", ArgType.BOOL).defaultValue(false).doc("include names starting with a dot"))
            .add(ArgSpec.arg("follow", ArgType.BOOL).defaultValue(false).doc("follow symbolic links"))
            .add(ArgSpec.arg("get_checksum", ArgType.BOOL).defaultValue(false).doc("add each file's SHA-1 as checksum"))
            .add(ArgSpec.arg("use_regex", ArgType.BOOL).defaultValue(false).doc("patterns and excludes are Python regexes matched from the name's start"))
            .build();

    enum FileType { FILE, DIRECTORY, LINK, ANY }

    enum AgeStamp { MTIME, ATIME, CTIME }

    /** The typed arguments. */
    record Arguments(List<String> paths, List<String> patterns, List<String> excludes, String contains, boolean readWholeFile,
                     FileType fileType, boolean recurse, Integer depth, String age, AgeStamp ageStamp, String size, boolean hidden,
                     boolean follow, boolean getChecksum, boolean useRegex) {
    }

    /** %y type, %m mode, then uid gid size inode dev nlink atime mtime ctime user group, %p path; NUL ends an entry. */
    private static final String FORMAT = "%y\\t%m\\t%U\\t%G\\t%s\\t%i\\t%D\\t%n\\t%A@\\t%T@\\t%C@\\t%u\\t%g\\t%p\\0";

    public FindModule() {
        super("find", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        Long age = a.age() == null ? null : FindFilters.seconds(a.age());
        if (a.age() != null && age == null) throw problem(ctx, "age", "'" + a.age() + "' is not an age", "write a number with s, m, h, d or w, e.g. 2d or -30m");
        Long size = a.size() == null ? null : FindFilters.bytes(a.size());
        if (a.size() != null && size == null) throw problem(ctx, "size", "'" + a.size() + "' is not a size", "write a number with b, k, m, g or t, e.g. 10m");
        List<Pattern> patterns = FindFilters.names(a.patterns(), a.useRegex());
        List<Pattern> excludes = FindFilters.names(a.excludes(), a.useRegex());
        Pattern contains = a.contains() == null ? null : RegexArg.compile("contains", a.contains());
        double now = System.currentTimeMillis() / 1000.0;
        List<Map<String, Object>> files = new ArrayList<>();
        Map<String, Object> skipped = new LinkedHashMap<>();
        int examined = 0;
        for (String path : a.paths()) {
            int maxDepth = a.recurse() ? (a.depth() == null ? -1 : a.depth()) : 1;
            List<String> argv = new ArrayList<>(List.of("find"));
            if (a.follow()) argv.add("-L");
            argv.addAll(List.of(path, "-mindepth", "1"));
            if (maxDepth >= 0) argv.addAll(List.of("-maxdepth", Integer.toString(maxDepth)));
            argv.addAll(List.of("-printf", FORMAT));
            ExecResult r = ctx.run(ExecRequest.argv(argv));
            if (r.rc() != 0 && r.stdout().isEmpty()) {
                skipped.put(path, path + " was skipped as it does not seem to be a valid directory or it cannot be accessed");
                continue;
            }
            for (String entry : r.stdout().split("\0")) {
                if (entry.isEmpty()) continue;
                String[] f = entry.split("\t", 14);
                examined++;
                Map<String, Object> info = FindFilters.statInfo(f);
                String name = f[13].substring(f[13].lastIndexOf('/') + 1);
                if (!a.hidden() && name.startsWith(".")) continue;
                if (!FindFilters.typeMatches(a.fileType().name().toLowerCase(), info)) continue;
                if (!FindFilters.matchesAny(patterns, name, true) || FindFilters.matchesAny(excludes, name, false)) continue;
                double stamp = ((Number) info.get(a.ageStamp().name().toLowerCase())).doubleValue();
                if (age != null && !FindFilters.ageMatches(now - stamp, age)) continue;
                if (size != null && Boolean.TRUE.equals(info.get("isreg")) && !FindFilters.sizeMatches((Long) info.get("size"), size)) continue;
                if (contains != null && (!Boolean.TRUE.equals(info.get("isreg"))
                        || !FindFilters.contentMatches(ctx.connection().files().read(f[13]).orElse(new byte[0]), contains, a.readWholeFile()))) {
                    continue;
                }
                if (a.getChecksum() && Boolean.TRUE.equals(info.get("isreg"))) info.put("checksum", ctx.connection().files().sha1(f[13]).orElse(null));
                files.add(info);
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("files", files);
        data.put("matched", files.size());
        data.put("examined", examined);
        data.put("msg", skipped.isEmpty() ? "All paths examined" : "Not all paths examined, check warnings for details");
        data.put("skipped_paths", skipped);
        return Plan.noChange(data);
    }
}

package meshplay.modules.cluster;

import static meshplay.engine.module.ArgSpec.arg;

import meshplay.engine.module.ArgProblem;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.ModuleContext;
import meshplay.modules.support.FileContent;

/**
 * The file a module manages: the {@code path} argument, or DIR/PRIORITY-NAME.SUFFIX built from
 * {@code name} and {@code priority} (files in such directories are read in lexical order, so the
 * priority prefix decides which file wins).
 */
final class DropInPath {
    private DropInPath() {
    }

    /** Adds path, or name and priority, naming files DIR/PRIORITY-NAME.SUFFIX. */
    static ArgSpec.Builder addPathArgs(ArgSpec.Builder b, String dir, String suffix, String nameExample, String priorityDoc) {
        String pattern = dir + "/PRIORITY-NAME" + suffix;
        return b.add(arg("path", ArgType.PATH).doc("The " + suffix + " file. Instead, give name (and priority) for " + pattern + "."))
                .add(arg("name", ArgType.STR).doc("File name part: " + pattern + " (e.g. " + nameExample + ")."))
                .add(arg("priority", ArgType.STR).defaultValue("10").doc(priorityDoc));
    }

    /** Adds state (absent removes the file) and requires exactly one of path and name. */
    static ArgSpec.Builder addStateArg(ArgSpec.Builder b) {
        return b.add(arg("state", ArgType.STR).defaultValue("present").choices("present", "absent").doc("absent removes the file."))
                .mutuallyExclusive("path", "name")
                .requiredOneOf("path", "name");
    }

    /** The managed file's path and the Change that brings it to the wanted state (null when it is there). */
    record Planned(String path, Change change) {
    }

    /** The text a present file should hold, given its current text (null: absent). */
    @FunctionalInterface
    interface Content {
        String wanted(String before);
    }

    /** Plans the file: with state=present it should hold what {@code content} says, with state=absent it is removed. */
    static Planned plan(ModuleContext ctx, String module, String dir, String suffix, Content content) throws Exception {
        String path = resolve(ctx, module, dir, suffix);
        String before = FileContent.readText(ctx.connection().files(), path);
        String after = "present".equals(ctx.args().str("state")) ? content.wanted(before) : null;
        return new Planned(path, FileContent.textChange(path, before, after));
    }

    static String resolve(ModuleContext ctx, String module, String dir, String suffix) {
        String path = ctx.args().str("path");
        if (path != null) {
            ArgProblem.requireAbsolute(ctx, module, "path", path, dir + "/10-example" + suffix);
            if (!path.endsWith(suffix)) {
                throw ArgProblem.of(ctx, module, "path", "'" + path + "' does not end with " + suffix,
                        "the file is ignored without the " + suffix + " suffix; rename it");
            }
            return path;
        }
        String name = ctx.args().str("name");
        String priority = ctx.args().str("priority");
        if (!name.matches("[A-Za-z0-9_.@:-]+")) {
            throw ArgProblem.of(ctx, module, "name", "'" + name + "' cannot be part of a file name",
                    "use letters, digits, '-', '_' and '.' only");
        }
        if (!priority.matches("[0-9]{1,3}")) {
            throw ArgProblem.of(ctx, module, "priority", "'" + priority + "' is not a priority prefix",
                    "use one to three digits, quoted to keep leading zeros (priority: \"00\")");
        }
        return dir + "/" + priority + "-" + name + suffix;
    }
}

package meshplay.modules.cluster;

import meshplay.engine.module.ModuleContext;

/**
 * The file a module manages: the {@code path} argument, or DIR/PRIORITY-NAME.SUFFIX built from
 * {@code name} and {@code priority} (files in such directories are read in lexical order, so the
 * priority prefix decides which file wins).
 */
final class DropInPath {
    private DropInPath() {
    }

    static String resolve(ModuleContext ctx, String module, String dir, String suffix) {
        String path = ctx.args().str("path");
        if (path != null) {
            if (!path.startsWith("/")) {
                throw ArgProblem.of(ctx, module, "path", "'" + path + "' is not an absolute path", "write the full path, e.g. " + dir + "/10-example" + suffix);
            }
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

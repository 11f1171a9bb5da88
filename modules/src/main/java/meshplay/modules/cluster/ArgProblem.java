package meshplay.modules.cluster;

import meshplay.engine.error.UserError;
import meshplay.engine.module.ModuleContext;

/** A bad argument value found by a module after templating: names the module, the argument and the task's origin. */
final class ArgProblem {
    private ArgProblem() {
    }

    static UserError of(ModuleContext ctx, String module, String arg, String problem, String hint) {
        return new UserError(ctx.origin(), "argument '" + arg + "' of module '" + module + "': " + problem, hint);
    }

    /** {@code path}, the value of {@code arg}, when it is absolute; otherwise a problem whose hint shows {@code example}. */
    static String requireAbsolute(ModuleContext ctx, String module, String arg, String path, String example) {
        if (!path.startsWith("/")) {
            throw of(ctx, module, arg, "'" + path + "' is not an absolute path", "write the full path, e.g. " + example);
        }
        return path;
    }
}

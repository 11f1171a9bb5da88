package meshplay.engine.module;

import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;

/**
 * A bad argument value or combination that a module finds after the arguments were validated
 * against its {@link ArgSpec} (a relative path where an absolute one is needed, a parameter name
 * with spaces, two arguments that only make sense together). The error names the module, the
 * argument and where the argument was written (file:line:col), and carries a hint to fix it; the
 * run stops with exit code 4 like any other playbook error. A {@link BaseModule} offers the short
 * form {@code problem(ctx, arg, problem, hint)}.
 */
public final class ArgProblem {
    private ArgProblem() {
    }

    /** The error for argument {@code arg} of {@code module}: "argument 'arg' of module 'module': problem". */
    public static UserError of(ModuleContext ctx, String module, String arg, String problem, String hint) {
        return new UserError(originOf(ctx, arg), "argument '" + arg + "' of module '" + module + "': " + problem, hint);
    }

    /** {@code path}, the value of {@code arg}, when it is absolute; otherwise a problem whose hint shows {@code example}. */
    public static String requireAbsolute(ModuleContext ctx, String module, String arg, String path, String example) {
        if (!path.startsWith("/")) {
            throw of(ctx, module, arg, "'" + path + "' is not an absolute path", "write the full path, e.g. " + example);
        }
        return path;
    }

    /** Where the argument was written; the task's origin for a default or an argument without one. */
    private static Origin originOf(ModuleContext ctx, String arg) {
        Origin o = ctx.args().origin(arg);
        return o != null ? o : ctx.origin();
    }
}

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
}

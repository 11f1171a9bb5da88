package meshplay.engine.module;

import java.util.List;
import meshplay.engine.error.UserError;

/**
 * The base of a built-in module: it holds the name, aliases and {@link ArgSpec}, and hands plan and
 * apply the task's arguments as the module's own record {@code A} instead of string keys.
 *
 * <p>Writing a module:
 * <pre>{@code
 * public final class SwapModule extends BaseModule<SwapModule.Arguments> {
 *     enum State { PRESENT, ABSENT }
 *
 *     // one component per argument, named as the argument in camel case (see ArgBinder)
 *     record Arguments(String path, State state, Optional<Integer> priority) {}
 *
 *     private static final ArgSpec SPEC = ArgSpec.builder("Turns a swap file on or off.")
 *             .add(ArgSpec.arg("path", ArgType.PATH).required().doc("the swap file"))
 *             .add(ArgSpec.choice("state", State.class).defaultValue(State.PRESENT).doc("present: swapon; absent: swapoff"))
 *             .add(ArgSpec.arg("priority", ArgType.INT).doc("swapon -p"))
 *             .build();
 *
 *     public SwapModule() {
 *         super("swap", SPEC, Arguments.class);
 *     }
 *
 *     protected Plan plan(ModuleContext ctx, Arguments args) throws Exception {
 *         // read the host (ctx.connection(), ctx.run(...)), compare with args, return the Changes
 *         if (!args.path().startsWith("/")) throw problem(ctx, "path", "not absolute", "write /swapfile");
 *         ...
 *         return Plan.of(changes, data);
 *     }
 * }
 * }</pre>
 *
 * <p>Register it with one line, its class name, in the modules' META-INF/services/meshplay.engine.module.Module;
 * {@code meshplay doc swap} then shows its spec.
 *
 * <p>The rules:
 * <ul>
 *   <li>The engine validates and coerces the arguments against the spec (types, required, choices,
 *       aliases, mutually exclusive groups) before the module runs; the record is bound from them
 *       once per task, and plan and apply receive the same record.
 *   <li>{@link #plan(ModuleContext, Record) plan} only reads: it must not change the host. It returns
 *       the Changes (a summary, a diff, and the action apply will run). Check mode stops after plan.
 *   <li>apply runs the planned Changes' actions in order; override
 *       {@link #apply(ModuleContext, Record, Plan)} only for work that is not a Change (waiting,
 *       a restart that must follow the others).
 *   <li>A bad value or combination that the spec cannot express is reported with
 *       {@link #problem}: it names the argument and where it was written. A failure on the host
 *       (a command failed, the state cannot be reached) is a {@link ModuleFailure}.
 *   <li>{@link #kind()} says what plan can know; override it for a controller-only module or one
 *       that only knows its outcome by running.
 *   <li>Modules are stateless: one instance serves every task and host, possibly in parallel.
 * </ul>
 *
 * @param <A> the module's record of typed arguments
 */
public abstract class BaseModule<A extends Record> implements Module {
    private final String name;
    private final List<String> aliases;
    private final ArgSpec spec;
    private final ArgBinder<A> binder;

    /**
     * @param name     the short name used in playbooks ("file"); "ansible.builtin.file" resolves to it
     * @param spec     the arguments, as `meshplay doc NAME` shows them
     * @param argsType the record the arguments are bound into; checked against spec here
     * @param aliases  other names accepted for the module
     */
    protected BaseModule(String name, ArgSpec spec, Class<A> argsType, String... aliases) {
        this.name = name;
        this.aliases = List.of(aliases);
        this.spec = spec;
        this.binder = ArgBinder.of(argsType, spec);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> aliases() {
        return aliases;
    }

    @Override
    public final ArgSpec spec() {
        return spec;
    }

    @Override
    public final Plan plan(ModuleContext ctx) throws Exception {
        return plan(ctx, args(ctx));
    }

    @Override
    public final ModuleResult apply(ModuleContext ctx, Plan plan) throws Exception {
        return apply(ctx, args(ctx), plan);
    }

    /** Reads the host and returns what apply would change. Must not change anything. */
    protected abstract Plan plan(ModuleContext ctx, A args) throws Exception;

    /** Performs the plan. The default runs each Change's action in order. */
    protected ModuleResult apply(ModuleContext ctx, A args, Plan plan) throws Exception {
        return Module.super.apply(ctx, plan);
    }

    /** The task's arguments as this module's record (bound once per task). */
    protected final A args(ModuleContext ctx) {
        return ctx.args().bound(binder);
    }

    /** A bad argument: "argument 'arg' of module 'name': problem", at the argument's origin, with a hint. */
    protected final UserError problem(ModuleContext ctx, String arg, String problem, String hint) {
        return ArgProblem.of(ctx, name, arg, problem, hint);
    }

    /** {@code path}, the value of {@code arg}, when absolute; otherwise a {@link #problem} whose hint shows {@code example}. */
    protected final String requireAbsolute(ModuleContext ctx, String arg, String path, String example) {
        return ArgProblem.requireAbsolute(ctx, name, arg, path, example);
    }
}

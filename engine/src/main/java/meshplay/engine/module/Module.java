package meshplay.engine.module;

/**
 * A built-in module. The engine validates and coerces the arguments against {@link #spec()} before
 * calling it. {@link #plan} only reads the host and returns the Changes; {@link #apply} performs
 * exactly that plan. Check mode calls plan and stops, so a check run predicts the real run.
 * Implementations are stateless, have a public no-argument constructor and are found with ServiceLoader:
 * each is one line in META-INF/services/meshplay.engine.module.Module.
 *
 * <p>Write a new module as a {@link BaseModule}: it implements this interface and binds the
 * arguments into a typed record. Implementing this interface directly still works; such a module
 * reads its arguments by name from {@code ctx.args()}.
 */
public interface Module {
    /** The short name used in playbooks ("copy"); "ansible.builtin.copy" is accepted too. */
    String name();

    /** Other names accepted for this module (e.g. "service" for "systemd"). */
    default java.util.List<String> aliases() {
        return java.util.List.of();
    }

    /** Arguments, with types, defaults and documentation (shown by `meshplay doc NAME`). */
    ArgSpec spec();

    /** Reads the host and decides what would change. Must not change anything. */
    Plan plan(ModuleContext ctx) throws Exception;

    /** Performs the plan. The default runs each Change's action in order. */
    default ModuleResult apply(ModuleContext ctx, Plan plan) throws Exception {
        ModuleResult.Builder result = ModuleResult.builder().changed(plan.hasChanges()).putAll(plan.data());
        for (Change change : plan.changes()) {
            change.action().apply(ctx, result);
        }
        return result.build();
    }

    /**
     * What plan can know: {@link PlanKind#HOST} (the default) predicts exactly; a
     * {@link PlanKind#RUN_TO_PREDICT} module is reported as "would run" by a check run;
     * {@link PlanKind#CONTROLLER_ONLY} never touches the host.
     */
    default PlanKind kind() {
        return PlanKind.HOST;
    }
}

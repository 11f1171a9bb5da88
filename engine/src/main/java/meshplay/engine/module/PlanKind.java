package meshplay.engine.module;

/**
 * What a module's {@link Module#plan plan} can know, which decides what the engine reports in check
 * mode. The engine runs {@code plan} in both modes; check mode stops before {@code apply}.
 */
public enum PlanKind {
    /** Reads the host and predicts exactly what apply will do (file, kmod, sysctl, ...). The usual kind. */
    HOST,
    /**
     * Never touches the host and runs on the controller (debug, assert, fail, pause): its plan is
     * the whole outcome.
     */
    CONTROLLER_ONLY,
    /**
     * Can only know its outcome by running (command and shell without creates/removes): a check run
     * reports "would run" instead of pretending to know.
     */
    RUN_TO_PREDICT
}

package meshplay.engine.step;

/**
 * What to do with the task about to run: RUN it, SKIP it, CONTINUE (run it and stop asking), PREVIEW
 * (check + diff only, then ask again), QUIT the run, JUMP forward to task number {@code target}, or
 * REDO_PREVIOUS: run the task that ran before this one again, then ask about this one again.
 */
public record StepDecision(Kind kind, int target) {
    public enum Kind { RUN, SKIP, CONTINUE, PREVIEW, QUIT, JUMP, REDO_PREVIOUS }

    public static final StepDecision RUN = new StepDecision(Kind.RUN, 0);
    public static final StepDecision SKIP = new StepDecision(Kind.SKIP, 0);
    public static final StepDecision CONTINUE = new StepDecision(Kind.CONTINUE, 0);
    public static final StepDecision PREVIEW = new StepDecision(Kind.PREVIEW, 0);
    public static final StepDecision QUIT = new StepDecision(Kind.QUIT, 0);
    public static final StepDecision REDO_PREVIOUS = new StepDecision(Kind.REDO_PREVIOUS, 0);

    /** Skip forward to the task numbered {@code n} in {@link StepPoint#taskList()} (1-based). */
    public static StepDecision jump(int n) {
        return new StepDecision(Kind.JUMP, n);
    }
}

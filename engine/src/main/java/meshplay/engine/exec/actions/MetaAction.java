package meshplay.engine.exec.actions;

import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.result.TaskResult;

/** meta: flush_handlers, end_play, end_host, noop, clear_facts, clear_host_errors, refresh_inventory (a no-op here). */
public final class MetaAction implements EngineAction {
    private static final ArgSpec SPEC = ArgSpec.builder(
            "Controls the run: flush_handlers runs notified handlers now; end_play stops the play for every host; "
                    + "end_host stops it for this host; clear_facts forgets the host's facts; clear_host_errors lets the "
                    + "play's failed hosts take part in the next plays and no longer fail the run; noop does nothing; "
                    + "refresh_inventory is accepted and does nothing (the inventory is read once per run).")
            .add(ArgSpec.arg("free_form", ArgType.STR).required()
                    .choices("flush_handlers", "end_play", "end_host", "end_batch", "noop", "clear_facts", "clear_host_errors", "refresh_inventory")
                    .doc("what to do"))
            .freeForm("free_form").build();

    public String name() {
        return "meta";
    }

    public ArgSpec spec() {
        return SPEC;
    }

    public TaskResult run(ActionContext ctx) {
        String what = ctx.args().str("free_form");
        TaskResult.Builder r = TaskResult.builder(TaskResult.Status.OK).data("meta", what);
        switch (what) {
            case "flush_handlers" -> ctx.play().flushHandlers();
            case "end_play", "end_batch" -> ctx.play().endPlay();
            case "end_host" -> ctx.play().endHost(ctx.host());
            case "clear_facts" -> ctx.clearFacts();
            case "clear_host_errors" -> ctx.play().clearHostErrors();
            case "refresh_inventory" -> r.note("refresh_inventory does nothing: the inventory is read once per run");
            default -> {
            }
        }
        return r.build();
    }
}

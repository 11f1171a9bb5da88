package meshplay.engine.exec.step;

import java.util.Collection;
import meshplay.engine.result.TaskResult;

/**
 * When the debugger opens after a task: the task's (or its block's/play's) {@code debugger:} keyword
 * (always, never, on_failed, on_unreachable, on_skipped) wins; without it, --debugger means on_failed.
 * Ignored failures do not open it.
 */
final class DebuggerPolicy {
    private DebuggerPolicy() {
    }

    /** {@code keyword}: the debugger keyword's value, or null when none is written. */
    static boolean opens(String keyword, boolean optionOn, Collection<TaskResult> results) {
        String when = keyword == null ? (optionOn ? "on_failed" : "never") : keyword;
        return switch (when) {
            case "always" -> true;
            case "on_failed" -> results.stream().anyMatch(r -> r.hostEffect() == TaskResult.HostEffect.FAILS);
            case "on_unreachable" -> results.stream().anyMatch(r -> r.hostEffect() == TaskResult.HostEffect.UNREACHABLE);
            case "on_skipped" -> results.stream().anyMatch(TaskResult::skipped);
            default -> false;
        };
    }
}

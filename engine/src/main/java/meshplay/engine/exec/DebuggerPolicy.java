package meshplay.engine.exec;

import java.util.Collection;
import meshplay.engine.yaml.YNode;

/**
 * When the debugger opens after a task: the task's (or its block's/play's) {@code debugger:} keyword
 * (always, never, on_failed, on_unreachable, on_skipped) wins; without it, --debugger means on_failed.
 * Ignored failures do not open it.
 */
final class DebuggerPolicy {
    private DebuggerPolicy() {
    }

    static boolean opens(YNode keyword, boolean optionOn, Collection<TaskResult> results) {
        String when = keyword == null || keyword.toJava() == null ? (optionOn ? "on_failed" : "never") : String.valueOf(keyword.toJava());
        return switch (when) {
            case "always" -> true;
            case "on_failed" -> results.stream().anyMatch(r -> r.failed() && !r.ignored());
            case "on_unreachable" -> results.stream().anyMatch(r -> r.unreachable() && !r.ignored());
            case "on_skipped" -> results.stream().anyMatch(TaskResult::skipped);
            default -> false;
        };
    }
}

package meshplay.engine.report;

import java.util.List;
import java.util.Map;
import meshplay.engine.result.TaskResult;
import meshplay.engine.yaml.Origin;

/** What the runner tells its reporters (console, JSON lines, the step REPL). */
public sealed interface Event {
    record RunStart(String playbook, int plays, boolean checkMode, boolean diffMode) implements Event {
    }

    record PlayStart(String name, Origin origin, List<String> hosts) implements Event {
    }

    /** A play matched no host, or every host of the play has failed. */
    record NoHosts(String play, String reason) implements Event {
    }

    record TaskStart(String name, Origin origin, boolean handler, String action) implements Event {
    }

    /**
     * One host's result for a task, or for one loop item ({@code item} true; the host's aggregate
     * follows as a non-item event). {@code delegatedTo} names the delegate host, or null.
     */
    record HostResult(String host, String task, String delegatedTo, TaskResult result, boolean item, boolean diffMode)
            implements Event {
    }

    /** A handler notification that was queued (shown at -v). */
    record HandlerNotified(String host, String handler) implements Event {
    }

    record Warning(String message) implements Event {
    }

    /** A line of information for the user at a verbosity level (0 = always). */
    record Info(String message, int verbosity) implements Event {
    }

    record Recap(Map<String, HostStats> stats) implements Event {
    }

    record RunEnd(int exitCode) implements Event {
    }
}

package meshplay.engine.exec;

import java.util.List;
import meshplay.engine.model.Block;
import meshplay.engine.model.Task;
import meshplay.engine.model.TaskItem;

/** The linear strategy: each item of a task list runs on every active host before the next item starts. */
final class ItemWalker {
    private TaskDispatcher dispatcher;
    private BlockRunner blocks;

    void wire(TaskDispatcher dispatcher, BlockRunner blocks) {
        this.dispatcher = dispatcher;
        this.blocks = blocks;
    }

    void run(List<TaskItem> items, Scope scope, PlayRun play, List<String> hosts) {
        for (TaskItem item : items) {
            if (play.stopped()) return;
            List<String> live = play.activeHosts(hosts);
            if (live.isEmpty()) return;
            if (item instanceof Block b) blocks.run(b, scope, play, live);
            else dispatcher.run((Task) item, scope, play, live, false);
        }
    }
}

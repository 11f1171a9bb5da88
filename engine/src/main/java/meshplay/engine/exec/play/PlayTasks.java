package meshplay.engine.exec.play;

import java.util.ArrayList;
import java.util.List;
import meshplay.engine.model.Block;
import meshplay.engine.model.Play;
import meshplay.engine.model.Role;
import meshplay.engine.model.Task;
import meshplay.engine.model.TaskItem;

/** A play's static tasks in run order (pre_tasks, roles, tasks, post_tasks; blocks flattened). */
public final class PlayTasks {
    private PlayTasks() {
    }

    public static List<Task> numbered(Play play) {
        List<Task> out = new ArrayList<>();
        add(out, play.preTasks());
        for (Role r : play.roles()) add(out, r.tasks());
        add(out, play.tasks());
        add(out, play.postTasks());
        return out;
    }

    private static void add(List<Task> out, List<TaskItem> items) {
        for (TaskItem i : items) {
            if (i instanceof Task t) {
                out.add(t);
            } else if (i instanceof Block b) {
                add(out, b.block());
                add(out, b.rescue());
                add(out, b.always());
            }
        }
    }
}

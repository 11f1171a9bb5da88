package meshplay.engine.exec.play;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import meshplay.engine.exec.include.TagFilter;
import meshplay.engine.exec.scope.Scope;
import meshplay.engine.inventory.Inventory;
import meshplay.engine.model.Block;
import meshplay.engine.model.Play;
import meshplay.engine.model.Playbook;
import meshplay.engine.model.Role;
import meshplay.engine.model.Task;
import meshplay.engine.model.TaskItem;
import meshplay.engine.template.Templar;

/** --list-tasks, --list-hosts and --list-tags, in ansible-playbook's layout. Nothing runs. */
public final class PlaybookLister {
    private final Playbook playbook;
    private final PrintWriter out;

    public PlaybookLister(Playbook playbook, PrintWriter out) {
        this.playbook = playbook;
        this.out = out;
    }

    public void tasks(Set<String> tags, Set<String> skipTags) {
        TagFilter filter = new TagFilter(tags, skipTags);
        header();
        int n = 0;
        for (Play play : playbook.plays()) {
            Scope scope = Scope.ofPlay(play.keywords());
            playLine(++n, play, scope);
            out.println("    tasks:");
            listItems(play.preTasks(), scope, filter);
            for (Role r : play.roles()) listItems(r.tasks(), scope.inRole(r), filter);
            listItems(play.tasks(), scope, filter);
            listItems(play.postTasks(), scope, filter);
            out.println();
        }
        out.flush();
    }

    public void hosts(Inventory inventory, Templar templar, Map<String, Object> extraVars, String limit) {
        header();
        int n = 0;
        for (Play play : playbook.plays()) {
            playLine(++n, play, Scope.ofPlay(play.keywords()));
            List<String> hosts = PlayHosts.select(inventory, templar, extraVars, limit, play);
            out.println("    pattern: ['" + (play.hosts() == null ? "" : play.hosts().toJava()) + "']");
            out.println("    hosts (" + hosts.size() + "):");
            for (String h : hosts) out.println("      " + h);
            out.println();
        }
        out.flush();
    }

    public void tags() {
        header();
        int n = 0;
        for (Play play : playbook.plays()) {
            Scope scope = Scope.ofPlay(play.keywords());
            playLine(++n, play, scope);
            Set<String> all = new TreeSet<>();
            collectTags(play.preTasks(), scope, all);
            for (Role r : play.roles()) collectTags(r.tasks(), scope.inRole(r), all);
            collectTags(play.tasks(), scope, all);
            collectTags(play.postTasks(), scope, all);
            out.println("      TASK TAGS: [" + String.join(", ", all) + "]");
            out.println();
        }
        out.flush();
    }

    private void header() {
        out.println();
        out.println("playbook: " + playbook.file());
        out.println();
    }

    private void playLine(int n, Play play, Scope scope) {
        out.println("  play #" + n + " (" + (play.hosts() == null ? "" : play.hosts().toJava()) + "): " + play.name()
                + "\tTAGS: [" + String.join(", ", scope.tags()) + "]");
    }

    private void listItems(List<TaskItem> items, Scope scope, TagFilter filter) {
        for (TaskItem item : items) {
            Scope s = scope.enter(item);
            if (item instanceof Block b) {
                listItems(b.block(), s, filter);
                listItems(b.rescue(), s, filter);
                listItems(b.always(), s, filter);
            } else if (filter.selects(s.tags())) {
                out.println("      " + ((Task) item).displayName() + "\tTAGS: [" + String.join(", ", new TreeSet<>(s.tags())) + "]");
            }
        }
    }

    private void collectTags(List<TaskItem> items, Scope scope, Set<String> all) {
        for (TaskItem item : items) {
            Scope s = scope.enter(item);
            all.addAll(s.tags());
            if (item instanceof Block b) {
                collectTags(b.block(), s, all);
                collectTags(b.rescue(), s, all);
                collectTags(b.always(), s, all);
            }
        }
    }
}

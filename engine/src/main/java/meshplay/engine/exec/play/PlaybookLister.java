package meshplay.engine.exec.play;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import meshplay.engine.exec.include.TagFilter;
import meshplay.engine.exec.include.TagValues;
import meshplay.engine.exec.scope.Scope;
import meshplay.engine.inventory.Inventory;
import meshplay.engine.model.Block;
import meshplay.engine.model.Play;
import meshplay.engine.model.Playbook;
import meshplay.engine.model.Role;
import meshplay.engine.model.Task;
import meshplay.engine.model.TaskItem;
import meshplay.engine.template.Templar;
import meshplay.engine.yaml.YMap;

/** --list-tasks, --list-hosts and --list-tags, in ansible-playbook's layout. Nothing runs. */
public final class PlaybookLister {
    private final Playbook playbook;
    private final PrintWriter out;

    public PlaybookLister(Playbook playbook, PrintWriter out) {
        this.playbook = playbook;
        this.out = out;
    }

    /**
     * Lists the tasks --tags/--skip-tags select. Templated tags are rendered, as Ansible lists them, with
     * the play's variables, the blocks' and task's vars and the extra vars (no host's variables).
     */
    public void tasks(Set<String> tags, Set<String> skipTags, Templar templar, Map<String, Object> extraVars) {
        TagFilter filter = new TagFilter(tags, skipTags);
        header();
        int n = 0;
        for (Play play : playbook.plays()) {
            Scope scope = Scope.ofPlay(play.keywords());
            playLine(++n, play, scope);
            out.println("    tasks:");
            Listing l = new Listing(filter, templar, play, extraVars);
            listItems(play.preTasks(), scope, l);
            for (Role r : play.roles()) listItems(r.tasks(), scope.inRole(r), l);
            listItems(play.tasks(), scope, l);
            listItems(play.postTasks(), scope, l);
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

    /** What listing the tasks of one play needs: the selection and what renders templated tags. */
    private record Listing(TagFilter filter, Templar templar, Play play, Map<String, Object> extraVars) {
        Set<String> tags(Scope s) {
            if (!TagValues.templated(s.tags())) return s.tags();
            Map<String, Object> vars = new LinkedHashMap<>(play.vars());
            for (YMap layer : s.varLayers()) vars.putAll(layer.entries());
            vars.putAll(extraVars);
            return TagValues.render(s.tags(), templar, vars);
        }
    }

    private void listItems(List<TaskItem> items, Scope scope, Listing l) {
        for (TaskItem item : items) {
            Scope s = scope.enter(item);
            if (item instanceof Block b) {
                listItems(b.block(), s, l);
                listItems(b.rescue(), s, l);
                listItems(b.always(), s, l);
                continue;
            }
            Set<String> tags = l.tags(s);
            if (l.filter().selects(tags)) {
                out.println("      " + ((Task) item).displayName() + "\tTAGS: [" + String.join(", ", new TreeSet<>(tags)) + "]");
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

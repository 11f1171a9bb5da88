package meshplay.engine.model;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/** Every literal tag written in a playbook (plays, roles, blocks, tasks, handlers), for --list-tags. */
public final class PlaybookTags {
    private PlaybookTags() {
    }

    public static SortedSet<String> of(Playbook playbook) {
        SortedSet<String> out = new TreeSet<>();
        for (Play play : playbook.plays()) {
            add(play.keywords().node(Keywords.TAGS), out);
            items(play.preTasks(), out);
            for (Role role : play.roles()) {
                add(role.keywords().node(Keywords.TAGS), out);
                items(role.tasks(), out);
                items(role.handlers(), out);
            }
            items(play.tasks(), out);
            items(play.postTasks(), out);
            items(play.handlers(), out);
        }
        return out;
    }

    private static void items(Collection<? extends TaskItem> items, SortedSet<String> out) {
        for (TaskItem item : items) {
            add(item.keywords().node(Keywords.TAGS), out);
            if (item instanceof Block b) {
                items(b.block(), out);
                items(b.rescue(), out);
                items(b.always(), out);
            }
        }
    }

    /** Tags may be a list or a comma-separated string, as in Ansible. */
    static void add(YNode tags, SortedSet<String> out) {
        if (tags == null) return;
        for (YNode t : TaskParser.items(tags)) {
            if (!(t instanceof YScalar s) || Templates.isTemplate(s)) continue;
            for (String part : s.text().split(",")) if (!part.isBlank()) out.add(part.strip());
        }
    }
}

package meshplay.engine.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.module.Diff;
import meshplay.engine.result.TaskResult;

/**
 * The end of a `--check --diff` run: the hosts, the tasks that would change on each, and the files that
 * would change (from the file diffs). Silent in any other run. Files of no_log tasks are only counted.
 */
public final class CheckSummaryReporter implements Reporter {
    private final PrintWriter out;
    private boolean active;
    private final Set<String> hosts = new LinkedHashSet<>();
    private final Map<String, Set<String>> tasks = new LinkedHashMap<>();
    private final Map<String, Set<String>> files = new LinkedHashMap<>();
    private final Map<String, Integer> hiddenFiles = new LinkedHashMap<>();

    public CheckSummaryReporter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void on(Event event) {
        if (event instanceof Event.RunStart s) {
            active = s.checkMode() && s.diffMode();
        } else if (!active) {
            return;
        } else if (event instanceof Event.PlayStart p) {
            hosts.addAll(p.hosts());
        } else if (event instanceof Event.HostResult r && !r.item()) {
            collect(r);
        } else if (event instanceof Event.RunEnd) {
            print();
        }
    }

    private void collect(Event.HostResult e) {
        TaskResult r = e.result();
        hosts.add(e.host());
        if (!r.changed()) return;
        tasks.computeIfAbsent(e.host(), h -> new LinkedHashSet<>()).add(e.task());
        List<Diff> diffs = new ArrayList<>(r.diffs());
        for (TaskResult i : r.items()) diffs.addAll(i.diffs());
        for (Diff d : diffs) {
            if (d.kind() != Diff.Kind.FILE) continue;
            if (r.noLog()) hiddenFiles.merge(e.host(), 1, Integer::sum);
            else files.computeIfAbsent(e.host(), h -> new LinkedHashSet<>()).add(d.subject());
        }
    }

    private void print() {
        out.println("CHECK SUMMARY (nothing was changed) " + "*".repeat(44));
        out.println("hosts: " + String.join(", ", hosts));
        out.println("tasks that would change:");
        for (String h : hosts) {
            Set<String> t = tasks.getOrDefault(h, Set.of());
            out.println("  " + h + " (" + t.size() + "): " + (t.isEmpty() ? "none" : String.join(", ", t)));
        }
        out.println("files that would change:");
        for (String h : hosts) {
            Set<String> f = files.getOrDefault(h, Set.of());
            int hidden = hiddenFiles.getOrDefault(h, 0);
            String list = f.isEmpty() ? "none" : String.join(", ", f);
            if (hidden > 0) list = (f.isEmpty() ? "" : list + ", ") + hidden + " hidden by no_log";
            out.println("  " + h + " (" + (f.size() + hidden) + "): " + list);
        }
        out.println();
        out.flush();
    }
}

package meshplay.cli.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.model.Task;
import meshplay.engine.module.Diff;
import meshplay.engine.report.DiffText;
import meshplay.engine.lang.Json;
import meshplay.engine.report.ResultView;
import meshplay.engine.result.TaskResult;
import meshplay.engine.step.StepPoint;
import meshplay.engine.yaml.Origin;

/** The text the prompt shows about a task: its header and arguments, the task list, results and diffs. */
final class TaskView {
    static final String HIDDEN = "hidden by no_log";

    private TaskView() {
    }

    /** "STEP 2/5 TASK [name] at file:line", the hosts, and the rendered arguments per host. */
    static String header(StepPoint p) {
        StringBuilder b = new StringBuilder();
        String pos = p.number() > 0 ? p.number() + "/" + p.taskList().size() + " " : "";
        b.append("STEP ").append(pos).append("TASK [").append(p.task().displayName()).append("] at ")
                .append(where(p.origin())).append(p.number() == 0 ? " (included or handler)" : "").append('\n');
        b.append("  hosts: ").append(String.join(", ", p.hosts())).append('\n');
        b.append(args(p));
        return b.toString();
    }

    /** Arguments per host; hosts that render the same arguments share one line. */
    static String args(StepPoint p) {
        Map<String, List<String>> hostsByText = new LinkedHashMap<>();
        for (String h : p.hosts()) {
            String text;
            if (p.noLog(h)) {
                text = HIDDEN;
            } else {
                try {
                    text = Secrets.of(p, h).mask(Json.write(p.renderedArgs(h), Json.COMPACT));
                } catch (RuntimeException e) {
                    text = "(do not render: " + e.getMessage() + ")";
                }
            }
            hostsByText.computeIfAbsent(text, k -> new ArrayList<>()).add(h);
        }
        StringBuilder b = new StringBuilder();
        hostsByText.forEach((text, hosts) -> b.append("  args ").append(p.task().action())
                .append(" [").append(String.join(", ", hosts)).append("]: ").append(text).append('\n'));
        return b.toString();
    }

    static String list(StepPoint p) {
        StringBuilder b = new StringBuilder();
        List<Task> tasks = p.taskList();
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            String mark = i + 1 == p.number() ? "=> " : "   ";
            b.append(String.format("%s%2d  %s  (%s)%n", mark, i + 1, t.displayName(), where(t.origin())));
        }
        if (p.number() == 0) b.append("=> now: ").append(p.task().displayName()).append(" (included or handler)\n");
        return b.toString();
    }

    /** The results of a run or a preview per host, with their diffs unless hidden. */
    static String results(StepPoint p, Map<String, TaskResult> results, boolean withDiffs) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, TaskResult> e : results.entrySet()) {
            String host = e.getKey();
            TaskResult r = e.getValue();
            Secrets secrets = Secrets.of(p, host);
            b.append("  ").append(host).append(": ").append(r.status().name().toLowerCase())
                    .append(" => ").append(secrets.mask(Json.write(ResultView.of(r), Json.COMPACT))).append('\n');
            if (!withDiffs) continue;
            if (r.noLog()) {
                if (!r.diffs().isEmpty()) b.append("  (diff ").append(HIDDEN).append(")\n");
            } else if (p.diffHidden()) {
                if (!r.diffs().isEmpty()) b.append("  (diff hidden by diff: false)\n");
            } else if (r.diffs().isEmpty()) {
                b.append("  (no diff)\n");
            } else {
                for (Diff d : r.diffs()) b.append(secrets.mask(DiffText.render(d)));
            }
        }
        return b.toString();
    }

    /** file:line, relative to the working directory when the file is under it. */
    static String where(Origin o) {
        if (o == null) return "?";
        String file = o.file();
        try {
            Path f = Path.of(file).toAbsolutePath().normalize();
            Path cwd = Path.of("").toAbsolutePath();
            if (f.startsWith(cwd)) file = cwd.relativize(f).toString();
        } catch (RuntimeException e) {
            // not a path (e.g. "<extra-vars>"): shown as it is
        }
        return o.line() > 0 ? file + ":" + o.line() : file;
    }
}

package meshplay.engine.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import meshplay.engine.lang.Json;
import meshplay.engine.module.Diff;
import meshplay.engine.result.TaskResult;

/**
 * Ansible-like console output: PLAY/TASK banners, one line per host result, diffs with --diff, and
 * the PLAY RECAP. Colour only when asked (a terminal). The writer is buffered and flushed once per event.
 */
public final class ConsoleReporter implements Reporter {
    private static final int WIDTH = 80;
    private final PrintWriter out;
    private final int verbosity;
    private final Colors c;
    private String currentAction = "";

    public ConsoleReporter(PrintWriter out, int verbosity, boolean color) {
        this.out = out;
        this.verbosity = verbosity;
        this.c = new Colors(color);
    }

    /** Colour when stdout is a terminal, TERM is not dumb and NO_COLOR is unset. */
    public static boolean colorWanted() {
        String term = System.getenv("TERM");
        return System.console() != null && System.getenv("NO_COLOR") == null && term != null && !term.equals("dumb");
    }

    @Override
    public void on(Event event) {
        if (event instanceof Event.RunStart s) {
                if (verbosity >= 2) {
                    // as ansible-playbook -vv: the playbook's file name and how many plays it has
                    String file = Path.of(s.playbook()).getFileName().toString();
                    out.println();
                    out.println(banner("PLAYBOOK: " + file));
                    out.println(s.plays() + " plays in " + s.playbook());
                }
                if (s.checkMode()) out.println(c.cyan("[CHECK MODE] nothing will be changed"));
            } else if (event instanceof Event.PlayStart p) {
                out.println();
                out.println(banner("PLAY [" + p.name() + "]"));
            } else if (event instanceof Event.NoHosts n) {
                if (n.reason().startsWith("NO MORE HOSTS")) {
                    out.println();
                    out.println(c.red(banner(n.reason())));
                } else {
                    out.println(c.cyan("skipping: " + n.reason()));
                }
            } else if (event instanceof Event.TaskStart t) {
                currentAction = t.action() == null ? "" : t.action();
                out.println();
                out.println(banner((t.handler() ? "RUNNING HANDLER [" : "TASK [") + t.name() + "]"));
                if (verbosity >= 2 && t.origin() != null) out.println("task path: " + t.origin());
            } else if (event instanceof Event.HostResult r) {
                hostResult(r);
            } else if (event instanceof Event.HandlerNotified h) {
                if (verbosity >= 1) out.println("NOTIFIED HANDLER " + h.handler() + " for " + h.host());
            } else if (event instanceof Event.Warning w) {
                out.println(c.magenta("[WARNING]: " + w.message()));
            } else if (event instanceof Event.Info i) {
                if (verbosity >= i.verbosity()) out.println(i.message());
            } else if (event instanceof Event.Recap r) {
                recap(r.stats());
            } else if (event instanceof Event.RunEnd e) {
            }
        out.flush();
    }

    private void hostResult(Event.HostResult e) {
        TaskResult r = e.result();
        if (r.isLoop() && !r.failed() && !r.unreachable()) return; // each item was shown already
        String who = "[" + e.host() + (e.delegatedTo() == null ? "" : " -> " + e.delegatedTo()) + "]";
        String item = e.item() ? " => (item=" + ResultView.itemLabel(r) + ")" : "";
        boolean debug = currentAction.equals("debug") && !r.skipped() && !r.failed();
        String details = " => " + (debug ? debugView(r) : Json.write(ResultView.of(r), Json.COMPACT));
        boolean showDetails = verbosity >= 1 || debug;
        if (r.status() == TaskResult.Status.OK && r.data().get("include") != null && !r.noLog()) {
            out.println(c.cyan("included: " + r.data().get("include") + " for " + e.host() + item));
            return;
        }
        switch (r.status()) {
            case OK -> out.println(c.green("ok: " + who + item + (showDetails ? details : "")));
            case CHANGED -> out.println(c.yellow("changed: " + who + item + (showDetails ? details : "")));
            case SKIPPED -> out.println(c.cyan("skipping: " + who + item + (verbosity >= 1 ? details : "")));
            case UNREACHABLE -> out.println(c.red("fatal: " + who + ": UNREACHABLE! =>" + (item.isEmpty() ? "" : item + " =>") + " " + Json.write(ResultView.of(r), Json.COMPACT)));
            case FAILED -> {
                String line = e.item() ? "failed: " + who + item + details : "fatal: " + who + ": FAILED! => " + Json.write(ResultView.of(r), Json.COMPACT);
                out.println(c.red(line));
                if (r.userError() != null && !r.noLog()) out.print(c.red(ErrorFormatter.format(r.userError())));
                if (verbosity >= 3 && r.exception() != null && !r.noLog()) {
                    java.io.StringWriter sw = new java.io.StringWriter();
                    r.exception().printStackTrace(new PrintWriter(sw));
                    out.print(sw);
                }
            }
        }
        if (r.ignored() && !e.item()) out.println(c.cyan("...ignoring"));
        if (e.diffMode() && !r.noLog()) {
            for (Diff d : r.diffs()) printDiff(DiffText.render(d));
        }
    }

    /** debug prints its message or variable as Ansible does: indented JSON without the status flags. */
    private static String debugView(TaskResult r) {
        java.util.Map<String, Object> v = new java.util.LinkedHashMap<>(ResultView.of(r));
        if (!r.noLog()) {
            v.remove("changed");
            v.remove("failed");
        }
        return Json.write(v, Json.BLOCK);
    }

    private void printDiff(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("+") && !line.startsWith("+++")) out.println(c.green(line));
            else if (line.startsWith("-") && !line.startsWith("---")) out.println(c.red(line));
            else if (line.startsWith("@@")) out.println(c.cyan(line));
            else out.println(line);
        }
    }

    private void recap(Map<String, HostStats> stats) {
        out.println();
        out.println(banner("PLAY RECAP"));
        int width = 26;
        for (String h : stats.keySet()) width = Math.max(width, h.length());
        for (Map.Entry<String, HostStats> e : stats.entrySet()) {
            HostStats s = e.getValue();
            String name = String.format("%-" + width + "s", e.getKey());
            if (s.failed() > 0 || s.unreachable() > 0) name = c.red(name);
            else if (s.changed() > 0) name = c.yellow(name);
            else name = c.green(name);
            out.println(name + " : "
                    + String.format("ok=%-4d changed=%-4d unreachable=%-4d failed=%-4d skipped=%-4d rescued=%-4d ignored=%-4d",
                    s.ok(), s.changed(), s.unreachable(), s.failed(), s.skipped(), s.rescued(), s.ignored()).stripTrailing());
        }
        out.println();
    }

    private static String banner(String title) {
        return title + " " + "*".repeat(Math.max(3, WIDTH - title.length() - 1));
    }

    @Override
    public void close() {
        out.flush();
    }

    /** ANSI colours, or plain text when disabled. */
    private record Colors(boolean on) {
        String green(String s) { return wrap("32", s); }
        String yellow(String s) { return wrap("33", s); }
        String red(String s) { return wrap("31", s); }
        String cyan(String s) { return wrap("36", s); }
        String magenta(String s) { return wrap("35", s); }

        private String wrap(String code, String s) {
            if (!on) return s;
            return "\u001b[0;" + code + "m" + s + "\u001b[0m";
        }
    }
}

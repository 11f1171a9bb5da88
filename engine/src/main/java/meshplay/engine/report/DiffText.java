package meshplay.engine.report;

import meshplay.engine.module.Diff;

/** The text shown for one Diff: a unified diff for files, "key: before -> after" for state. */
public final class DiffText {
    private DiffText() {
    }

    public static String render(Diff d) {
        if (d.kind() == Diff.Kind.FILE) {
            return UnifiedDiff.render("before: " + d.subject() + (d.before() == null ? " (absent)" : ""),
                    "after: " + d.subject() + (d.after() == null ? " (absent)" : ""), d.before(), d.after());
        }
        return d.subject() + ": " + (d.before() == null ? "(absent)" : d.before()) + " -> "
                + (d.after() == null ? "(absent)" : d.after()) + "\n";
    }
}

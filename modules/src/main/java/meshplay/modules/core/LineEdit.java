package meshplay.modules.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import meshplay.engine.module.ModuleFailure;
import meshplay.modules.support.Lines;
import meshplay.modules.support.RegexArg;

/**
 * lineinfile's algorithm on a list of lines (each with its terminator), following Ansible's
 * present()/absent() step by step so that playbooks written for Ansible behave the same.
 */
final class LineEdit {
    private static final String NL = "\n";

    /** The edited lines and Ansible's message ("line added", "line replaced", "2 line(s) removed", ""). */
    record Outcome(List<String> lines, String msg, boolean changed) {
    }

    /** What to search for and where to insert. Null fields are not given. */
    record Request(Pattern regexp, String searchString, String line, String insertafter, String insertbefore,
                   boolean backrefs, boolean firstmatch) {
    }

    private LineEdit() {
    }

    static Outcome present(List<String> original, Request r, Pattern insertRe) throws ModuleFailure {
        List<String> lines = new ArrayList<>(original);
        int matchIndex = -1;
        int insertIndex = -1;
        Matcher match = null;
        if (r.regexp() != null) {
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = r.regexp().matcher(lines.get(i));
                if (m.find()) {
                    matchIndex = i;
                    match = m;
                    if (r.firstmatch()) break;
                }
            }
        }
        boolean searchFound = false;
        if (r.searchString() != null) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(r.searchString())) {
                    matchIndex = i;
                    searchFound = true;
                    if (r.firstmatch()) break;
                }
            }
        }
        boolean matched = match != null || searchFound;
        if (!matched) {
            for (int i = 0; i < lines.size(); i++) {
                String cur = lines.get(i);
                if (r.line().equals(Lines.strip(cur))) {
                    matchIndex = i;
                } else if (insertRe != null && insertRe.matcher(cur).find()) {
                    if (r.insertafter() != null) {
                        insertIndex = i + 1;
                        if (r.firstmatch()) break;
                    }
                    if (r.insertbefore() != null) {
                        insertIndex = i;
                        if (r.firstmatch()) break;
                    }
                }
            }
        }
        String line = r.line();
        if (matchIndex != -1) {
            String newLine = r.backrefs() && match != null ? RegexArg.expand("line", match, line) : line;
            if (!newLine.endsWith(NL)) newLine += NL;
            if (!lines.get(matchIndex).equals(newLine)) {
                lines.set(matchIndex, newLine);
                return new Outcome(lines, "line replaced", true);
            }
            return new Outcome(lines, "", false);
        }
        if (r.backrefs()) {
            // no match to take the groups from: leave the file alone, as Ansible does
            return new Outcome(lines, "", false);
        }
        if ("BOF".equals(r.insertbefore()) || "BOF".equals(r.insertafter())) {
            lines.add(0, line + NL);
            return new Outcome(lines, "line added", true);
        }
        if ("EOF".equals(r.insertafter()) || insertIndex == -1) {
            if (!lines.isEmpty() && !Lines.endsWithNewline(lines.get(lines.size() - 1))) lines.add(NL);
            lines.add(line + NL);
            return new Outcome(lines, "line added", true);
        }
        if (r.insertafter() != null) {
            if (lines.size() == insertIndex) {
                if (!Lines.strip(lines.get(insertIndex - 1)).equals(line)) {
                    // Ansible would glue the line onto a last line that lacks "\n"; end that line first
                    String last = lines.get(insertIndex - 1);
                    if (!Lines.endsWithNewline(last)) lines.set(insertIndex - 1, last + NL);
                    lines.add(line + NL);
                    return new Outcome(lines, "line added", true);
                }
                return new Outcome(lines, "", false);
            }
            if (!line.equals(Lines.strip(lines.get(insertIndex)))) {
                lines.add(insertIndex, line + NL);
                return new Outcome(lines, "line added", true);
            }
            return new Outcome(lines, "", false);
        }
        lines.add(insertIndex, line + NL);
        return new Outcome(lines, "line added", true);
    }

    static Outcome absent(List<String> original, Pattern regexp, String searchString, String line) {
        List<String> kept = new ArrayList<>();
        int removed = 0;
        for (String cur : original) {
            boolean hit;
            if (regexp != null) hit = regexp.matcher(cur).find();
            else if (searchString != null) hit = cur.contains(searchString);
            else hit = line.equals(Lines.strip(cur));
            if (hit) removed++;
            else kept.add(cur);
        }
        return new Outcome(kept, removed > 0 ? removed + " line(s) removed" : "", removed > 0);
    }
}

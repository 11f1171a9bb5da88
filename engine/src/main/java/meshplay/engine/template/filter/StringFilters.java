package meshplay.engine.template.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import meshplay.engine.lang.ShellQuote;
import meshplay.engine.lang.PyRegex;
import meshplay.engine.template.Ops;
import meshplay.engine.template.PercentFormat;
import meshplay.engine.template.StringsText;

/** Text filters: case, trim, replace, regex_*, split, quote, basename/dirname, indent, format. */
final class StringFilters {
    private StringFilters() {
    }

    static void register(Registry r) {
        r.filter("lower", (in, c) -> text(in).toLowerCase());
        r.filter("upper", (in, c) -> text(in).toUpperCase());
        r.filter("capitalize", (in, c) -> StringsText.capitalize(text(in)));
        r.filter("title", (in, c) -> StringsText.title(text(in)));
        r.filter("string", (in, c) -> text(in));
        r.filter("trim", (in, c) -> StringsText.strip(text(in), c.arg(0, "chars", null), true, true));
        r.filter("replace", (in, c) -> StringsText.replace(text(in), Ops.toText(c.required(0, "old")),
            Ops.toText(c.required(1, "new")), c.integer(2, "count", -1)));
        r.filter("regex_replace", (in, c) -> PyRegex.sub(c.pattern(), c.string(1, "replacement", ""), text(in), c.integer(2, "count", 0)));
        r.filter("regex_search", StringFilters::regexSearch);
        r.filter("regex_findall", (in, c) -> {
            Matcher m = c.pattern().matcher(text(in));
            List<Object> out = new ArrayList<>();
            while (m.find()) {
                if (m.groupCount() == 0) {
                    out.add(m.group());
                } else if (m.groupCount() == 1) {
                    out.add(orEmpty(m.group(1)));
                } else {
                    List<Object> groups = new ArrayList<>();
                    for (int g = 1; g <= m.groupCount(); g++) groups.add(orEmpty(m.group(g)));
                    out.add(groups);
                }
            }
            return out;
        });
        r.filter("regex_escape", (in, c) -> {
            StringBuilder b = new StringBuilder();
            for (char ch : text(in).toCharArray()) {
                if (!Character.isLetterOrDigit(ch) && ch != '_') b.append('\\');
                b.append(ch);
            }
            return b.toString();
        });
        r.filter("split", (in, c) -> StringsText.split(text(in), c.arg(0, "sep", null), c.integer(1, "maxsplit", -1)));
        r.filter("quote", (in, c) -> ShellQuote.quote(text(in)));
        r.filter("basename", (in, c) -> {
            String s = text(in);
            return s.substring(s.lastIndexOf('/') + 1);
        });
        r.filter("dirname", (in, c) -> {
            String s = text(in);
            int i = s.lastIndexOf('/');
            if (i < 0) return "";
            String d = s.substring(0, i);
            return d.isEmpty() || d.chars().allMatch(ch -> ch == '/') ? s.substring(0, i + 1) : d.replaceAll("/+$", "");
        });
        r.filter("path_join", (in, c) -> {
            StringBuilder b = new StringBuilder();
            for (Object part : meshplay.engine.template.Seq.of(in)) {
                String p = Ops.toText(part);
                if (p.startsWith("/")) b.setLength(0);
                else if (b.length() > 0 && b.charAt(b.length() - 1) != '/') b.append('/');
                b.append(p);
            }
            return b.toString();
        });
        r.filter("type_debug", (in, c) -> Ops.typeName(in));
        // os.path.splitext: a tuple (root, ext); the dots that start the file name are not an extension
        r.filter("splitext", (in, c) -> {
            String s = text(in);
            int start = s.lastIndexOf('/') + 1;
            while (start < s.length() && s.charAt(start) == '.') start++;
            int dot = s.lastIndexOf('.');
            if (dot < start) return new meshplay.engine.template.PyTuple(List.of(s, ""));
            return new meshplay.engine.template.PyTuple(List.of(s.substring(0, dot), s.substring(dot)));
        });
        r.filter("indent", (in, c) -> {
            int width = c.integer(0, "width", 4);
            boolean first = c.bool(1, "first", false);
            boolean blank = c.bool(2, "blank", false);
            String pad = " ".repeat(width);
            String[] lines = text(in).split("\n", -1);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) b.append('\n');
                boolean indentThis = (i > 0 || first) && (blank || !lines[i].isBlank());
                b.append(indentThis ? pad : "").append(lines[i]);
            }
            return b.toString();
        });
        r.filter("center", (in, c) -> {
            String s = text(in);
            int width = c.integer(0, "width", 80);
            int total = Math.max(0, width - s.length());
            return " ".repeat(total / 2) + s + " ".repeat(total - total / 2);
        });
        r.filter("truncate", (in, c) -> {
            String s = text(in);
            int len = c.integer(0, "length", 255);
            String end = c.string(2, "end", "...");
            return s.length() <= len ? s : s.substring(0, Math.max(0, len - end.length())) + end;
        });
        r.filter("wordcount", (in, c) -> text(in).isBlank() ? 0 : text(in).strip().split("\\s+").length);
        r.filter("format", (in, c) -> PercentFormat.format(text(in), c.args()));
        r.filter("comment", (in, c) -> {
            StringBuilder b = new StringBuilder("#\n");
            for (String line : text(in).split("\n", -1)) b.append("# ").append(line).append('\n');
            return b.append("#").toString();
        });
    }

    static String text(Object in) {
        return Ops.toText(in);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** regex_search: the match, or the listed groups ('\\1', '\\g<name>'); None when nothing matches. */
    private static Object regexSearch(Object in, FilterCall c) {
        Matcher m = c.pattern().matcher(text(in));
        if (!m.find()) return null;
        if (c.args().size() <= 1) return m.group();
        List<Object> out = new ArrayList<>();
        for (Object g : c.args().subList(1, c.args().size())) {
            String spec = Ops.toText(g);
            out.add(PyRegex.group(m, spec.startsWith("\\g<") && spec.endsWith(">") ? spec.substring(3, spec.length() - 1)
                : spec.startsWith("\\") ? spec.substring(1) : spec));
        }
        return out;
    }
}

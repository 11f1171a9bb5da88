package meshplay.engine.template.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import meshplay.engine.connect.ShellQuote;
import meshplay.engine.template.Ops;
import meshplay.engine.template.StringsText;
import meshplay.engine.template.TemplateTypeException;

/** Text filters: case, trim, replace, regex_*, split, quote, basename/dirname, indent, format. */
final class StringFilters {
    private StringFilters() {
    }

    static void register(Registry r) {
        r.filter("lower", (in, c) -> text(in).toLowerCase());
        r.filter("upper", (in, c) -> text(in).toUpperCase());
        r.filter("capitalize", (in, c) -> {
            String s = text(in);
            return s.isEmpty() ? s : s.substring(0, 1).toUpperCase() + s.substring(1).toLowerCase();
        });
        r.filter("title", (in, c) -> StringsText.title(text(in)));
        r.filter("string", (in, c) -> text(in));
        r.filter("trim", (in, c) -> {
            Object chars = c.arg(0, "chars", null);
            String s = text(in);
            return chars == null ? s.strip() : stripChars(s, Ops.toText(chars));
        });
        r.filter("replace", (in, c) -> {
            String s = text(in);
            String from = Ops.toText(c.required(0, "old"));
            String to = Ops.toText(c.required(1, "new"));
            int count = c.integer(2, "count", -1);
            if (count < 0) return s.replace(from, to);
            StringBuilder out = new StringBuilder();
            int at = 0;
            for (int i = 0; i < count; i++) {
                int f = s.indexOf(from, at);
                if (f < 0) break;
                out.append(s, at, f).append(to);
                at = f + from.length();
            }
            return out.append(s.substring(at)).toString();
        });
        r.filter("regex_replace", (in, c) -> {
            Pattern p = Regex.compile(c.string(0, "pattern", ""), c);
            String repl = Regex.replacement(c.string(1, "replacement", ""));
            int count = c.integer(2, "count", 0);
            Matcher m = p.matcher(text(in));
            if (count <= 0) return m.replaceAll(repl);
            StringBuilder sb = new StringBuilder();
            int n = 0;
            while (n < count && m.find()) {
                m.appendReplacement(sb, repl);
                n++;
            }
            m.appendTail(sb);
            return sb.toString();
        });
        r.filter("regex_search", StringFilters::regexSearch);
        r.filter("regex_findall", (in, c) -> {
            Matcher m = Regex.compile(c.string(0, "pattern", ""), c).matcher(text(in));
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
        r.filter("split", (in, c) -> splitText(text(in), c.arg(0, "sep", null), c.integer(1, "maxsplit", -1)));
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
        r.filter("splitext", (in, c) -> {
            String s = text(in);
            int slash = s.lastIndexOf('/');
            int dot = s.lastIndexOf('.');
            if (dot <= slash + 1) return new ArrayList<>(List.of(s, ""));
            return new ArrayList<>(List.of(s.substring(0, dot), s.substring(dot)));
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
        r.filter("format", (in, c) -> percentFormat(text(in), c.args()));
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

    private static String stripChars(String s, String set) {
        int a = 0;
        int b = s.length();
        while (a < b && set.indexOf(s.charAt(a)) >= 0) a++;
        while (b > a && set.indexOf(s.charAt(b - 1)) >= 0) b--;
        return s.substring(a, b);
    }

    /** regex_search: the match, or the listed groups ('\\1', '\\g<name>'); None when nothing matches. */
    private static Object regexSearch(Object in, FilterCall c) {
        Matcher m = Regex.compile(c.string(0, "pattern", ""), c).matcher(text(in));
        if (!m.find()) return null;
        if (c.args().size() <= 1) return m.group();
        List<Object> out = new ArrayList<>();
        for (Object g : c.args().subList(1, c.args().size())) {
            String spec = Ops.toText(g);
            String name = spec.startsWith("\\g<") && spec.endsWith(">") ? spec.substring(3, spec.length() - 1)
                : spec.startsWith("\\") ? spec.substring(1) : spec;
            try {
                out.add(name.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(name)) : m.group(name));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new TemplateTypeException("regex_search: the pattern has no group '" + spec + "'");
            }
        }
        return out;
    }

    private static List<Object> splitText(String s, Object sep, int max) {
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            for (String p : s.strip().split("\\s+", max < 0 ? 0 : max + 1)) if (!p.isEmpty()) out.add(p);
            return out;
        }
        String sp = Ops.toText(sep);
        if (sp.isEmpty()) throw new TemplateTypeException("split: empty separator");
        int from = 0;
        while (max < 0 || out.size() < max) {
            int at = s.indexOf(sp, from);
            if (at < 0) break;
            out.add(s.substring(from, at));
            from = at + sp.length();
        }
        out.add(s.substring(from));
        return out;
    }

    /** Python "%s %d" % (a, b) formatting, for the format filter. */
    static String percentFormat(String fmt, List<Object> args) {
        StringBuilder b = new StringBuilder();
        int next = 0;
        Matcher m = Pattern.compile("%(-?\\d*)(?:\\.(\\d+))?([sdifrx%])").matcher(fmt);
        int at = 0;
        while (m.find()) {
            b.append(fmt, at, m.start());
            at = m.end();
            char conv = m.group(3).charAt(0);
            if (conv == '%') {
                b.append('%');
                continue;
            }
            if (next >= args.size()) throw new TemplateTypeException("format: not enough arguments for the format string");
            Object a = args.get(next++);
            String width = m.group(1);
            String s = switch (conv) {
                case 'd', 'i' -> String.valueOf(a instanceof Number n ? n.longValue() : Long.parseLong(Ops.toText(a).strip()));
                case 'f' -> String.format("%." + (m.group(2) == null ? "6" : m.group(2)) + "f",
                    a instanceof Number n ? n.doubleValue() : Double.parseDouble(Ops.toText(a)));
                case 'x' -> Long.toHexString(((Number) a).longValue());
                case 'r' -> Ops.repr(a, true);
                default -> Ops.toText(a);
            };
            if (!width.isEmpty()) s = String.format("%" + width + "s", s);
            b.append(s);
        }
        return b.append(fmt.substring(at)).toString();
    }
}

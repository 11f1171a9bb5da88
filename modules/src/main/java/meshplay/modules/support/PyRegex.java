package meshplay.modules.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import meshplay.engine.module.ModuleFailure;

/**
 * Regular expressions as Ansible users write them (Python's re): named groups (?P<n>...) and
 * (?P=n) are translated, and backreferences in replacement text (\1, \g<1>, \g<name>) are expanded
 * as Python's match.expand does. UNIX_LINES makes ".", "^" and "$" treat only "\n" as a line end, as Python does.
 */
public final class PyRegex {
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P<([A-Za-z][A-Za-z0-9]*)>");
    private static final Pattern NAMED_BACKREFERENCE = Pattern.compile("\\(\\?P=([A-Za-z][A-Za-z0-9]*)\\)");
    private static final Pattern INLINE_MULTILINE = Pattern.compile("(?s)\\(\\?[a-zA-Z]*m[a-zA-Z]*\\).*");
    /** A task's expression is compiled once, not once per host (patterns are immutable and thread-safe). */
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private PyRegex() {
    }

    public static Pattern compile(String argName, String python) throws ModuleFailure {
        Pattern known = COMPILED.get(python);
        if (known != null) return known;
        String java = NAMED_BACKREFERENCE.matcher(NAMED_GROUP.matcher(python).replaceAll("(?<$1>")).replaceAll("\\\\k<$1>");
        try {
            Pattern compiled = Pattern.compile(java, Pattern.UNIX_LINES);
            if (COMPILED.size() < 1024) COMPILED.put(python, compiled);
            return compiled;
        } catch (PatternSyntaxException e) {
            throw new ModuleFailure("argument '" + argName + "' is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex() + " in '" + python + "'");
        }
    }

    /** True when the expression turns on multi-line mode inline ("(?m)"), which changes how it is matched. */
    public static boolean isMultiline(String python) {
        return INLINE_MULTILINE.matcher(python).matches();
    }

    /** Python's match.expand(template): \1..\99, \g<n>, \g<name>, and the usual escapes. */
    public static String expand(Matcher m, String template) throws ModuleFailure {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '\\' || i + 1 >= template.length()) {
                out.append(c);
                continue;
            }
            char n = template.charAt(++i);
            if (Character.isDigit(n)) {
                int j = i + 1;
                if (j < template.length() && Character.isDigit(template.charAt(j)) && Integer.parseInt(template.substring(i, j + 1)) <= m.groupCount()) j++;
                out.append(group(m, template.substring(i, j)));
                i = j - 1;
            } else if (n == 'g' && i + 1 < template.length() && template.charAt(i + 1) == '<') {
                int close = template.indexOf('>', i);
                if (close < 0) throw new ModuleFailure("missing '>' in group reference of '" + template + "'");
                out.append(group(m, template.substring(i + 2, close)));
                i = close;
            } else {
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case '\\' -> out.append('\\');
                    default -> out.append('\\').append(n);
                }
            }
        }
        return out.toString();
    }

    private static String group(Matcher m, String ref) throws ModuleFailure {
        try {
            String g = ref.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(ref)) : m.group(ref);
            return g == null ? "" : g;
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ModuleFailure("invalid group reference '" + ref + "': the regexp has " + m.groupCount() + " group(s)");
        }
    }
}

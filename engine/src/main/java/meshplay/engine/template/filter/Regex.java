package meshplay.engine.template.filter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import meshplay.engine.template.TemplateTypeException;

/** Python regular expressions in Java: flags, and "\1" / "\g<name>" in replacements. */
final class Regex {
    private Regex() {
    }

    /** Compiled patterns by flags and text: select('match', ...) over many items compiles once. */
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    static Pattern compile(String regex, FilterCall call) {
        int flags = 0;
        if (call.bool(-1, "ignorecase", false)) flags |= Pattern.CASE_INSENSITIVE;
        if (call.bool(-1, "multiline", false)) flags |= Pattern.MULTILINE;
        String key = flags + ":" + regex;
        Pattern p = CACHE.get(key);
        if (p != null) return p;
        try {
            p = Pattern.compile(pythonSyntax(regex), flags);
        } catch (PatternSyntaxException e) {
            throw new TemplateTypeException("invalid regular expression '" + regex + "': " + e.getDescription());
        }
        if (CACHE.size() > 5_000) CACHE.clear();
        CACHE.put(key, p);
        return p;
    }

    /** Python's named groups (?P<name>...) and backreferences (?P=name) in Java syntax. */
    private static String pythonSyntax(String regex) {
        return regex.replace("(?P<", "(?<").replaceAll("\\(\\?P=([A-Za-z_][A-Za-z0-9_]*)\\)", "\\\\k<$1>");
    }

    /** A Python replacement ("\1", "\g<1>", "\g<name>") as a Java replacement ("$1", "${name}"). */
    static String replacement(String python) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < python.length(); i++) {
            char c = python.charAt(i);
            if (c == '\\' && i + 1 < python.length()) {
                char n = python.charAt(i + 1);
                if (Character.isDigit(n)) {
                    b.append('$').append(n);
                    i++;
                    continue;
                }
                if (n == 'g' && i + 2 < python.length() && python.charAt(i + 2) == '<') {
                    int end = python.indexOf('>', i);
                    String g = python.substring(i + 3, end);
                    b.append(g.chars().allMatch(Character::isDigit) ? "$" + g : "${" + g + "}");
                    i = end;
                    continue;
                }
                if (n == '\\') {
                    b.append("\\\\");
                    i++;
                    continue;
                }
                if (n == 'n') {
                    b.append('\n');
                    i++;
                    continue;
                }
                if (n == 't') {
                    b.append('\t');
                    i++;
                    continue;
                }
                b.append("\\\\");
            } else if (c == '$') {
                b.append("\\$");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

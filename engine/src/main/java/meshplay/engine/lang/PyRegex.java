package meshplay.engine.lang;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions as Ansible users write them: Python's {@code re} read by java.util.regex.
 * The one place that translates a pattern, its flags and a replacement string, used by the regex
 * filters and tests (regex_replace, regex_search, match, ...) and by modules (lineinfile regexp,
 * wait_for search_regex) alike.
 *
 * <ul>
 *   <li>Named groups {@code (?P<name>...)} and {@code (?P=name)}; names may hold "_" as in Python
 *       (Java's group names cannot, so they are encoded: read groups with {@link #group}).</li>
 *   <li>{@code \Z} is the very end of the text, as in Python.</li>
 *   <li>Only "\n" ends a line for ".", "^" and "$" (Pattern.UNIX_LINES): Python's "." matches "\r".</li>
 *   <li>Replacements as Python's {@code match.expand}: {@code \1}, {@code \g<1>}, {@code \g<name>},
 *       octal {@code \0} / {@code \141}, the escapes {@code \n \t \r \a \b \f \v \\}; an unknown letter
 *       escape or a group the pattern does not have is an error, as in Python.</li>
 * </ul>
 */
public final class PyRegex {
    private static final Pattern INLINE_MULTILINE = Pattern.compile("(?s)\\(\\?[a-zA-Z]*m[a-zA-Z]*\\).*");
    /** Compiled patterns by flags and text: a task's pattern compiles once, not once per host or item. */
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private PyRegex() {
    }

    /** A Python pattern without flags. */
    public static Pattern compile(String python) {
        return compile(python, false, false);
    }

    /** A Python pattern with re.IGNORECASE and re.MULTILINE as asked; throws {@link LangException}. */
    public static Pattern compile(String python, boolean ignoreCase, boolean multiline) {
        int flags = Pattern.UNIX_LINES;
        if (ignoreCase) flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        if (multiline) flags |= Pattern.MULTILINE;
        String key = flags + ":" + python;
        Pattern known = CACHE.get(key);
        if (known != null) return known;
        Pattern compiled;
        try {
            compiled = Pattern.compile(javaSyntax(python), flags);
        } catch (PatternSyntaxException e) {
            throw new LangException("'" + python + "' is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
        if (CACHE.size() > 5_000) CACHE.clear();
        CACHE.put(key, compiled);
        return compiled;
    }

    /** True when the expression turns on multi-line mode inline ("(?m)" at its start). */
    public static boolean isMultiline(String python) {
        return INLINE_MULTILINE.matcher(python).matches();
    }

    /** Python's {@code pattern.sub(template, text, count)}: {@code count <= 0} replaces every match. */
    public static String sub(Pattern pattern, String template, String text, int count) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int done = 0;
        while ((count <= 0 || done < count) && m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(expand(m, template)));
            done++;
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The text of a group as Python names it ("1", "key", "my_key"), or null for a group that did not take part. */
    public static String group(Matcher m, String ref) {
        try {
            return !ref.isEmpty() && ref.chars().allMatch(ch -> isDigit((char) ch)) ? m.group(Integer.parseInt(ref)) : m.group(javaName(ref));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new LangException("invalid group reference '" + ref + "': the pattern has no such group (it has "
                    + m.groupCount() + ")");
        }
    }

    /** Python's {@code match.expand(template)}, see the class comment. */
    public static String expand(Matcher m, String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= template.length()) throw new LangException("bad escape (end of pattern) in replacement '" + template + "'");
            char n = template.charAt(i++);
            if (n == 'g') {
                int close = template.indexOf('>', i);
                if (i >= template.length() || template.charAt(i) != '<' || close < 0) {
                    throw new LangException("missing group name in '\\g<...>' of replacement '" + template + "'");
                }
                out.append(Objects.toString(group(m, template.substring(i + 1, close)), ""));
                i = close + 1;
            } else if (n == '0') {
                int end = i;
                while (end < template.length() && end < i + 2 && isOctal(template.charAt(end))) end++;
                out.append((char) Integer.parseInt("0" + template.substring(i, end), 8));
                i = end;
            } else if (isDigit(n)) {
                int end = i;
                if (end < template.length() && isDigit(template.charAt(end))) end++;
                if (end == i + 1 && isOctal(n) && isOctal(template.charAt(i)) && end < template.length() && isOctal(template.charAt(end))) {
                    int code = Integer.parseInt(template.substring(i - 1, end + 1), 8);
                    if (code > 0377) throw new LangException("octal escape value \\" + template.substring(i - 1, end + 1) + " outside of range 0-0o377");
                    out.append((char) code);
                    i = end + 1;
                    continue;
                }
                String ref = template.substring(i - 1, end);
                if (Integer.parseInt(ref) > m.groupCount()) {
                    throw new LangException("invalid group reference " + ref + " in replacement '" + template + "': the pattern has "
                            + m.groupCount() + " group(s)");
                }
                out.append(Objects.toString(group(m, ref), ""));
                i = end;
            } else {
                out.append(switch (n) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case 'r' -> "\r";
                    case 'a' -> "\u0007";
                    case 'b' -> "\b";
                    case 'f' -> "\f";
                    case 'v' -> "\u000b";
                    case '\\' -> "\\";
                    default -> {
                        if ((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z')) {
                            throw new LangException("bad escape \\" + n + " in replacement '" + template + "'");
                        }
                        yield "\\" + n;
                    }
                });
            }
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    /** Python pattern syntax in Java's: named groups and their back references, and {@code \Z}. */
    private static String javaSyntax(String python) {
        StringBuilder out = new StringBuilder(python.length() + 8);
        int i = 0;
        while (i < python.length()) {
            char c = python.charAt(i);
            if (c == '\\' && i + 1 < python.length()) {
                char n = python.charAt(i + 1);
                out.append('\\').append(n == 'Z' ? 'z' : n);
                i += 2;
            } else if (python.startsWith("(?P<", i)) {
                int close = python.indexOf('>', i);
                if (close < 0) throw new LangException("'" + python + "' is not a valid regular expression: missing '>' after '(?P<'");
                out.append("(?<").append(javaName(python.substring(i + 4, close))).append('>');
                i = close + 1;
            } else if (python.startsWith("(?P=", i)) {
                int close = python.indexOf(')', i);
                if (close < 0) throw new LangException("'" + python + "' is not a valid regular expression: missing ')' after '(?P='");
                out.append("\\k<").append(javaName(python.substring(i + 4, close))).append('>');
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * A Python group name as the Java name of the same group in a compiled pattern (for {@code
     * Matcher.start(name)} and {@code end(name)}): Java allows only letters and digits, so "Z" becomes "Z0",
     * "_" becomes "Z1", and a leading "P" keeps a name that began with "_" starting with a letter.
     */
    public static String javaName(String python) {
        return "P" + python.replace("Z", "Z0").replace("_", "Z1");
    }
}

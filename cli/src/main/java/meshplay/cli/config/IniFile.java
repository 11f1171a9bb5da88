package meshplay.cli.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;

/**
 * An ansible.cfg read by the rules of Python's configparser as Ansible 2.14 uses it: {@code [section]}
 * headers; {@code key = value} or {@code key: value} (keys are lower-cased, both sides trimmed); whole-line
 * comments starting with {@code #} or {@code ;}; inline comments only after whitespace and {@code ;};
 * indented lines continue the previous value (joined with a newline); no interpolation ({@code %} is
 * literal); {@code [DEFAULT]} values are seen in every section. A key outside any section, a line
 * without {@code =} or {@code :}, or a repeated section or key is an error naming the file and line.
 */
public final class IniFile {
    /** One value and where it was written. */
    public record Entry(String section, String key, String value, Origin origin) {
    }

    private static final String DEFAULT_SECTION = "DEFAULT";

    private final Path file;
    private final Map<String, Map<String, Entry>> sections;

    private IniFile(Path file, Map<String, Map<String, Entry>> sections) {
        this.file = file;
        this.sections = sections;
    }

    public static IniFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(Origin.of(file.toString()), "cannot read the config file: " + e.getMessage(),
                    "check the file's permissions and that it is UTF-8 text, or point ANSIBLE_CONFIG elsewhere", ExitCode.BAD_OPTIONS);
        }
        return parse(file, text);
    }

    public static IniFile parse(Path file, String text) {
        Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();
        String name = file.toString();
        List<String> lines = text.lines().toList();
        String section = null;
        Entry open = null; // the entry an indented line continues
        StringBuilder openValue = null;
        int openIndent = 0;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            int lineNo = i + 1;
            String stripped = raw.strip();
            if (stripped.startsWith("#") || stripped.startsWith(";")) continue;
            String content = stripInlineComment(raw);
            int indent = indentOf(raw);
            if (content.isBlank()) {
                // configparser keeps empty lines inside a value only when text follows; a value ends here
                if (open != null) {
                    put(sections, open, openValue.toString());
                    open = null;
                }
                continue;
            }
            if (open != null && indent > openIndent) {
                openValue.append('\n').append(content.strip());
                continue;
            }
            if (open != null) {
                put(sections, open, openValue.toString());
                open = null;
            }
            String body = content.strip();
            if (body.startsWith("[") && body.endsWith("]")) {
                section = body.substring(1, body.length() - 1);
                if (sections.containsKey(section)) {
                    throw error(name, lineNo, indent + 1, "section [" + section + "] appears twice",
                            "merge the two [" + section + "] sections into one");
                }
                sections.put(section, new LinkedHashMap<>());
                continue;
            }
            int eq = body.indexOf('=');
            int colon = body.indexOf(':');
            int at = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (section == null) {
                throw error(name, lineNo, indent + 1, "'" + body + "' comes before any [section] header",
                        "settings belong under a header such as [defaults]");
            }
            if (at <= 0) {
                throw error(name, lineNo, indent + 1, "'" + body + "' is not a 'key = value' line",
                        "write 'key = value' (or 'key: value'); comments start with '#' or ';'");
            }
            String key = body.substring(0, at).strip().toLowerCase(Locale.ROOT);
            Entry previous = sections.get(section).get(key);
            if (previous != null) {
                throw error(name, lineNo, indent + 1, "'" + key + "' is set twice in [" + section + "] (first at line "
                        + previous.origin().line() + ")", "keep one of the two lines");
            }
            open = new Entry(section, key, null, new Origin(name, lineNo, indent + 1));
            openValue = new StringBuilder(body.substring(at + 1).strip());
            openIndent = indent;
        }
        if (open != null) put(sections, open, openValue.toString());
        return new IniFile(file, sections);
    }

    public Path file() {
        return file;
    }

    /** The entry for a key in a section (or in [DEFAULT]), or null. */
    public Entry get(String section, String key) {
        Map<String, Entry> s = sections.get(section);
        Entry e = s == null ? null : s.get(key);
        if (e == null && s != null && !section.equals(DEFAULT_SECTION)) {
            Map<String, Entry> d = sections.get(DEFAULT_SECTION);
            e = d == null ? null : d.get(key);
        }
        return e;
    }

    /** Every entry, in file order. */
    public List<Entry> entries() {
        return sections.values().stream().flatMap(s -> s.values().stream()).toList();
    }

    private static void put(Map<String, Map<String, Entry>> sections, Entry e, String value) {
        sections.get(e.section()).put(e.key(), new Entry(e.section(), e.key(), value, e.origin()));
    }

    /** configparser's inline comments: a ';' at the start of the text or after whitespace. */
    private static String stripInlineComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ';' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) return line.substring(0, i);
        }
        return line;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && Character.isWhitespace(line.charAt(n))) n++;
        return n;
    }

    private static UserError error(String file, int line, int column, String message, String hint) {
        return new UserError(new Origin(file, line, column), "config file: " + message, hint, ExitCode.BAD_OPTIONS);
    }
}

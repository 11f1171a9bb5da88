package meshplay.modules.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import meshplay.modules.support.Lines;

/**
 * udev rules (udev(7)): renders a rule from match and assign mappings, validates key names and
 * operators, and parses rule files for a comparison that ignores spacing and blank lines.
 *
 * <p>Mapping keys carry the operator in a suffix: a match key {@code KERNEL} renders {@code ==},
 * {@code KERNEL!} renders {@code !=}; an assign key {@code NAME} renders {@code =}, {@code RUN+}
 * {@code +=}, {@code OPTIONS:} {@code :=}, {@code TAG-} {@code -=}. Keys such as {@code ATTR{address}}
 * keep their braces. A list value of a match key becomes udev's alternatives ({@code "add|move"}).
 */
final class UdevRulesFile {
    private UdevRulesFile() {
    }

    /** Whether a key takes a {NAME} part: never, optionally or always. */
    private enum Braces { NONE, OPTIONAL, REQUIRED }

    private record KeyRule(Braces braces, Set<String> allowedBraceValues) {
    }

    private static final Map<String, KeyRule> MATCH = Map.ofEntries(
            Map.entry("ACTION", none()), Map.entry("DEVPATH", none()), Map.entry("KERNEL", none()), Map.entry("KERNELS", none()),
            Map.entry("NAME", none()), Map.entry("SYMLINK", none()), Map.entry("SUBSYSTEM", none()), Map.entry("SUBSYSTEMS", none()),
            Map.entry("DRIVER", none()), Map.entry("DRIVERS", none()), Map.entry("TAG", none()), Map.entry("TAGS", none()),
            Map.entry("PROGRAM", none()), Map.entry("RESULT", none()),
            Map.entry("ATTR", required()), Map.entry("ATTRS", required()), Map.entry("SYSCTL", required()), Map.entry("ENV", required()),
            Map.entry("CONST", new KeyRule(Braces.REQUIRED, Set.of("arch", "virt"))), Map.entry("TEST", new KeyRule(Braces.OPTIONAL, Set.of())));

    private static final Map<String, KeyRule> ASSIGN = Map.ofEntries(
            Map.entry("NAME", none()), Map.entry("SYMLINK", none()), Map.entry("OWNER", none()), Map.entry("GROUP", none()),
            Map.entry("MODE", none()), Map.entry("TAG", none()), Map.entry("LABEL", none()), Map.entry("GOTO", none()),
            Map.entry("OPTIONS", none()),
            Map.entry("SECLABEL", required()), Map.entry("ATTR", required()), Map.entry("SYSCTL", required()), Map.entry("ENV", required()),
            Map.entry("RUN", new KeyRule(Braces.OPTIONAL, Set.of("program", "builtin"))),
            Map.entry("IMPORT", new KeyRule(Braces.REQUIRED, Set.of("program", "builtin", "file", "db", "cmdline", "parent"))));

    static final List<String> MATCH_KEYS = List.of("ACTION", "DEVPATH", "KERNEL", "KERNELS", "NAME", "SYMLINK", "SUBSYSTEM",
            "SUBSYSTEMS", "DRIVER", "DRIVERS", "ATTR{x}", "ATTRS{x}", "SYSCTL{x}", "ENV{x}", "CONST{arch|virt}", "TAG", "TAGS",
            "TEST{mode}", "PROGRAM", "RESULT");
    static final List<String> ASSIGN_KEYS = List.of("NAME", "SYMLINK", "OWNER", "GROUP", "MODE", "SECLABEL{x}", "ATTR{x}",
            "SYSCTL{x}", "ENV{x}", "TAG", "RUN{program|builtin}", "LABEL", "GOTO", "IMPORT{program|builtin|file|db|cmdline|parent}",
            "OPTIONS");

    /** Keys that hold a list of entries: only they take += (add) and -= (remove). */
    private static final Set<String> ADDABLE = Set.of("SYMLINK", "TAG", "RUN", "ENV", "OPTIONS", "SECLABEL");
    private static final Set<String> REMOVABLE = Set.of("SYMLINK", "TAG", "RUN");

    private static KeyRule none() {
        return new KeyRule(Braces.NONE, Set.of());
    }

    private static KeyRule required() {
        return new KeyRule(Braces.REQUIRED, Set.of());
    }

    /** One KEY OP "VALUE" of a rule. */
    record Token(String key, String op, String value) {
        String render() {
            return key + op + "\"" + value + "\"";
        }
    }

    /**
     * The rule line for a match and an assign mapping; throws IllegalArgumentException naming the
     * bad key or operator and listing the valid keys.
     */
    static String render(Map<String, Object> match, Map<String, Object> assign) {
        List<Token> tokens = new ArrayList<>();
        for (Map.Entry<String, Object> e : match.entrySet()) tokens.add(token(String.valueOf(e.getKey()), e.getValue(), true));
        for (Map.Entry<String, Object> e : assign.entrySet()) tokens.add(token(String.valueOf(e.getKey()), e.getValue(), false));
        if (tokens.isEmpty()) throw new IllegalArgumentException("a rule needs at least one match or assign key");
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(t.render());
        }
        return sb.toString();
    }

    private static Token token(String given, Object value, boolean isMatch) {
        String key = given.strip();
        char last = key.isEmpty() ? ' ' : key.charAt(key.length() - 1);
        String op;
        if (isMatch) {
            op = last == '!' ? "!=" : "==";
            if (last == '!') key = key.substring(0, key.length() - 1);
            else if (last == '+' || last == ':' || last == '-') {
                throw new IllegalArgumentException("match key '" + given + "': only '!' (for !=) may end a match key; "
                        + "'+', ':' and '-' mark assignments (put it under assign)");
            }
        } else {
            op = switch (last) {
                case '+' -> "+=";
                case ':' -> ":=";
                case '-' -> "-=";
                case '!' -> throw new IllegalArgumentException("assign key '" + given + "': '!' (!=) is a match operator; put it under match");
                default -> "=";
            };
            if (!op.equals("=")) key = key.substring(0, key.length() - 1);
        }
        String base = key;
        String brace = null;
        int open = key.indexOf('{');
        if (open >= 0) {
            if (!key.endsWith("}") || open == 0) throw new IllegalArgumentException("key '" + given + "' has unbalanced braces");
            base = key.substring(0, open);
            brace = key.substring(open + 1, key.length() - 1);
        }
        Map<String, KeyRule> table = isMatch ? MATCH : ASSIGN;
        KeyRule rule = table.get(base);
        String kind = isMatch ? "match" : "assign";
        if (rule == null) {
            throw new IllegalArgumentException("'" + base + "' is not a udev " + kind + " key; valid " + kind + " keys: "
                    + String.join(", ", isMatch ? MATCH_KEYS : ASSIGN_KEYS));
        }
        if (brace == null && rule.braces() == Braces.REQUIRED) {
            throw new IllegalArgumentException(kind + " key '" + base + "' needs a {name} part, e.g. " + base + "{"
                    + (rule.allowedBraceValues().isEmpty() ? "address" : rule.allowedBraceValues().iterator().next()) + "}");
        }
        if (brace != null && rule.braces() == Braces.NONE) {
            throw new IllegalArgumentException(kind + " key '" + base + "' takes no {" + brace + "} part");
        }
        if (brace != null && (brace.isEmpty() || (!rule.allowedBraceValues().isEmpty() && !rule.allowedBraceValues().contains(brace)))) {
            throw new IllegalArgumentException(kind + " key '" + key + "': {" + brace + "} must be one of "
                    + String.join("|", new java.util.TreeSet<>(rule.allowedBraceValues())));
        }
        if (!isMatch) {
            if (op.equals("+=") && !ADDABLE.contains(base)) {
                throw new IllegalArgumentException("'" + base + "+=' is not valid: += adds to list keys only (" + String.join(", ", new java.util.TreeSet<>(ADDABLE)) + ")");
            }
            if (op.equals("-=") && !REMOVABLE.contains(base)) {
                throw new IllegalArgumentException("'" + base + "-=' is not valid: -= removes from list keys only (" + String.join(", ", new java.util.TreeSet<>(REMOVABLE)) + ")");
            }
            if (op.equals(":=") && (base.equals("LABEL") || base.equals("GOTO"))) {
                throw new IllegalArgumentException("'" + base + ":=' is not valid: " + base + " only takes =");
            }
        }
        return new Token(key, op, value(given, value, isMatch));
    }

    private static String value(String key, Object value, boolean isMatch) {
        if (value == null) throw new IllegalArgumentException("key '" + key + "' has no value");
        String text;
        if (value instanceof List<?> list) {
            if (!isMatch) throw new IllegalArgumentException("assign key '" + key + "' takes one value, not a list");
            List<String> parts = new ArrayList<>();
            for (Object o : list) parts.add(String.valueOf(o));
            text = String.join("|", parts);
        } else if (value instanceof Map) {
            throw new IllegalArgumentException("key '" + key + "' takes a value, not a mapping");
        } else {
            text = String.valueOf(value);
        }
        if (text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            throw new IllegalArgumentException("value of '" + key + "' contains a double quote or a line break, which a rule cannot hold");
        }
        return text;
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*([A-Za-z_]+(?:\\{[^}]*\\})?)\\s*(==|!=|\\+=|-=|:=|=)\\s*([er]?\"(?:[^\"\\\\]|\\\\.)*\")\\s*(,|$)");

    /** The tokens of a rule line, or null when the line is a comment, blank, or not in rule syntax. */
    static List<Token> parseRule(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) return null;
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(t);
        int pos = 0;
        while (pos < t.length()) {
            if (!m.find(pos) || m.start() != pos) return null;
            String quoted = m.group(3);
            // an e"..." or r"..." prefix changes how udev reads the value, so it stays part of it
            String prefix = quoted.substring(0, quoted.indexOf('"'));
            out.add(new Token(m.group(1), m.group(2), prefix + quoted.substring(quoted.indexOf('"') + 1, quoted.length() - 1)));
            pos = m.end();
            while (pos < t.length() && Character.isWhitespace(t.charAt(pos))) pos++;
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * The file's meaning for comparison: blank lines dropped, continuation lines joined, rules as their
     * tokens (spacing ignored), comments and lines in another syntax as their trimmed text.
     */
    static List<Object> meaning(String text) {
        List<Object> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : Lines.split(text)) {
            String line = Lines.body(raw);
            if (line.endsWith("\\") && !line.strip().startsWith("#")) {
                pending.append(line, 0, line.length() - 1);
                continue;
            }
            pending.append(line);
            String logical = pending.toString();
            pending.setLength(0);
            if (logical.isBlank()) continue;
            List<Token> tokens = parseRule(logical);
            out.add(tokens != null ? tokens : logical.strip());
        }
        if (pending.length() > 0 && !pending.toString().isBlank()) {
            List<Token> tokens = parseRule(pending.toString());
            out.add(tokens != null ? tokens : pending.toString().strip());
        }
        return out;
    }
}

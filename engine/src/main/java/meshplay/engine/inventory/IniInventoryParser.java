package meshplay.engine.inventory;

import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.KeyValueText;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.VarsFile;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * Reads an INI inventory: {@code [group]} host lines with inline variables and ranges,
 * {@code [group:vars]} key=value lines, {@code [group:children]} group names; lines before any
 * section are ungrouped hosts; '#' and ';' start comments.
 *
 * <p>As in Ansible, inline host values are read as literals (5 is a number, True a boolean, quoted
 * text a string) and values in a :vars section are strings. Each value is a YScalar with its origin.
 */
final class IniInventoryParser {
    private enum Kind { HOSTS, VARS, CHILDREN }

    private final String file;
    private final InventoryData data;
    private String section = InventoryData.UNGROUPED;
    private Kind kind = Kind.HOSTS;

    private IniInventoryParser(String file, InventoryData data) {
        this.file = file;
        this.data = data;
    }

    static void parse(String text, String file, InventoryData data) {
        IniInventoryParser parser = new IniInventoryParser(file, data);
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) parser.line(lines.get(i), i + 1);
    }

    private void line(String raw, int n) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) return;
        int indent = raw.indexOf(line.charAt(0));
        if (line.startsWith("[")) {
            header(line, n, indent + 1);
            return;
        }
        switch (kind) {
            case HOSTS -> hostLine(raw, n);
            case VARS -> varLine(raw, line, n, indent + 1);
            case CHILDREN -> childLine(raw, n);
        }
    }

    private void header(String line, int n, int column) {
        String body = stripComment(line);
        if (!body.endsWith("]")) {
            throw new UserError(new Origin(file, n, column + body.length()), "section header must end with ']'", "write [group], [group:vars] or [group:children]");
        }
        String inside = body.substring(1, body.length() - 1).strip();
        int colon = inside.indexOf(':');
        String name = colon < 0 ? inside : inside.substring(0, colon);
        String suffix = colon < 0 ? "" : inside.substring(colon + 1);
        if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new UserError(new Origin(file, n, column + 1), "invalid group name '" + name + "'", "group names cannot be empty or contain spaces");
        }
        kind = switch (suffix) {
            case "" -> Kind.HOSTS;
            case "vars" -> Kind.VARS;
            case "children" -> Kind.CHILDREN;
            default -> throw new UserError(new Origin(file, n, column + colon + 2), "unknown section type ':" + suffix + "'",
                    "use [" + name + "], [" + name + ":vars] or [" + name + ":children]");
        };
        section = name;
        data.group(name);
    }

    private void hostLine(String raw, int n) {
        List<IniWords.Word> words = IniWords.split(raw, file, n);
        IniWords.Word hostWord = words.get(0);
        Origin hostOrigin = new Origin(file, n, hostWord.column());
        HostName written = HostName.parse(hostWord.text(), hostOrigin);
        String host = written.name();
        YScalar port = written.port();
        for (String name : HostRanges.expand(host, hostOrigin)) {
            Map<String, YNode> vars = data.addHost(name, section);
            if (port != null) vars.put("ansible_port", port);
            for (IniWords.Word w : words.subList(1, words.size())) {
                int eq = w.text().indexOf('=');
                if (eq <= 0) {
                    throw new UserError(new Origin(file, n, w.column()), "expected key=value after the host name, got '" + w.text() + "'",
                            "host variables are written as name=value; quote values with spaces: name='a b'");
                }
                String key = w.text().substring(0, eq);
                checkName(key, new Origin(file, n, w.column()));
                vars.put(key, literal(w.text().substring(eq + 1), new Origin(file, n, w.column() + eq + 1)));
            }
        }
    }

    private void varLine(String raw, String line, int n, int column) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            throw new UserError(new Origin(file, n, column), "expected key=value in [" + section + ":vars], got '" + line + "'",
                    "write one name=value per line");
        }
        String key = line.substring(0, eq).strip();
        checkName(key, new Origin(file, n, column));
        String valueText = line.substring(eq + 1).strip();
        int valueColumn = column + eq + 1 + (line.length() - eq - 1 - line.substring(eq + 1).stripLeading().length());
        boolean quoted = KeyValueText.isQuoted(valueText);
        String value = quoted ? KeyValueText.unquote(valueText) : valueText;
        data.group(section).vars.put(key, new YScalar(value, value, quoted, new Origin(file, n, valueColumn)));
    }

    private void childLine(String raw, int n) {
        List<IniWords.Word> words = IniWords.split(raw, file, n);
        if (words.size() != 1) {
            throw new UserError(new Origin(file, n, words.get(1).column()), "expected one group name per line in [" + section + ":children]",
                    "list each child group on its own line");
        }
        data.addChild(section, words.get(0).text(), new Origin(file, n, words.get(0).column()));
    }

    /** Inline host values: numbers and True/False become typed values, anything else text. */
    private static YScalar literal(String raw, Origin origin) {
        if (KeyValueText.isQuoted(raw)) {
            String text = KeyValueText.unquote(raw);
            return new YScalar(text, text, true, origin);
        }
        String text = KeyValueText.unquote(raw);
        Object value = text;
        if (text.matches("-?\\d+")) {
            try {
                long l = Long.parseLong(text);
                value = l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
            } catch (NumberFormatException e) {
                value = text;
            }
        } else if (text.matches("-?\\d+\\.\\d+")) {
            value = Double.parseDouble(text);
        } else if (text.equals("True") || text.equals("False")) {
            value = Boolean.parseBoolean(text);
        }
        return new YScalar(text, value, false, origin);
    }

    private static void checkName(String key, Origin origin) {
        if (!VarsFile.isVariableName(key)) {
            throw new UserError(origin, "invalid variable name '" + key + "'", "variable names use letters, digits and _ and do not start with a digit");
        }
    }

    private static String stripComment(String line) {
        int end = line.indexOf(']');
        return end < 0 ? line.replaceAll("\\s[#;].*$", "").strip() : line.substring(0, end + 1);
    }
}

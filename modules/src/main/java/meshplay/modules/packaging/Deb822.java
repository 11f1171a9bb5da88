package meshplay.modules.packaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The deb822 format of APT's {@code .sources} files (sources.list(5)): stanzas of "Field: value"
 * lines separated by blank lines; a value continues on lines that start with a space, where a lone
 * "." stands for an empty line; "#" lines are comments. Pure functions: render one stanza, parse a file.
 */
final class Deb822 {
    private Deb822() {
    }

    /** One stanza, fields in the given order; a value with several lines is written on indented lines after "Field:". */
    static String render(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((field, value) -> {
            if (value.contains("\n")) {
                out.append(field).append(':');
                for (String line : value.strip().split("\n")) out.append("\n    ").append(line.strip().isEmpty() ? "." : line.strip());
                out.append('\n');
            } else {
                out.append(field).append(": ").append(value).append('\n');
            }
        });
        return out.toString();
    }

    /**
     * The stanzas of a file, each a map from the field name in lower case (deb822 names are
     * case-insensitive) to its value: continuation lines joined with "\n", "." lines read as empty.
     */
    static List<Map<String, String>> parse(String text) {
        List<Map<String, String>> stanzas = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String field = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#")) continue;
            if (line.isBlank()) {
                if (!current.isEmpty()) stanzas.add(current);
                current = new LinkedHashMap<>();
                field = null;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && field != null) {
                String cont = line.strip();
                String prev = current.get(field);
                current.put(field, (prev.isEmpty() ? "" : prev + "\n") + (cont.equals(".") ? "" : cont));
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0) continue;
                field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                current.put(field, line.substring(colon + 1).strip());
            }
        }
        if (!current.isEmpty()) stanzas.add(current);
        return stanzas;
    }

    /**
     * True when {@code text} is one stanza with exactly these fields and values: names compared
     * without case, values with runs of whitespace as one space (a list's order counts).
     */
    static boolean sameStanza(String text, Map<String, String> fields) {
        List<Map<String, String>> stanzas = parse(text);
        if (stanzas.size() != 1) return false;
        Map<String, String> have = stanzas.get(0);
        if (have.size() != fields.size()) return false;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String value = have.get(e.getKey().toLowerCase(Locale.ROOT));
            if (value == null || !normalize(value).equals(normalize(e.getValue()))) return false;
        }
        return true;
    }

    private static String normalize(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }
}

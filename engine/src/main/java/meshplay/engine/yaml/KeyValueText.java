package meshplay.engine.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import meshplay.engine.error.UserError;

/**
 * Parses Ansible's free-form {@code key=value key2="a b"} argument text into a mapping. Whitespace
 * inside quotes or inside {{ }} does not split; values are kept as text (as Ansible does), with
 * their quotes removed and an origin pointing at the key within the line when that can be known.
 */
public final class KeyValueText {
    private KeyValueText() {
    }

    /** Parses {@code k=v ...} text labelled like a file (e.g. "-e"); fails when a word is not key=value. */
    public static YMap parse(String text, String label) {
        YScalar scalar = new YScalar(text, text, false, new Origin(label, 1, 1));
        return parse(scalar).orElseThrow(() -> new UserError(Origin.of(label), "expected key=value pairs, got '" + text + "'",
                "write name=value (quote values with spaces: name='a b'), or give YAML/JSON such as '{\"name\": 1}'"));
    }

    /** The mapping, or empty when some word is not of the form key=value. */
    public static Optional<YMap> parse(YScalar scalar) {
        List<int[]> words = split(scalar.text());
        if (words.isEmpty()) return Optional.empty();
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        for (int[] w : words) {
            String word = scalar.text().substring(w[0], w[1]);
            int eq = word.indexOf('=');
            if (eq <= 0) return Optional.empty();
            String key = word.substring(0, eq);
            if (!VarsFile.isVariableName(key)) return Optional.empty();
            String raw = word.substring(eq + 1);
            Origin origin = originAt(scalar, w[0]);
            entries.put(key, new YScalar(unquote(raw), unquote(raw), isQuoted(raw), originAt(scalar, w[0] + eq + 1)));
            origins.put(key, origin);
        }
        return Optional.of(new YMap(entries, origins, scalar.origin()));
    }

    /** Word boundaries [start, end) of the text, splitting on whitespace outside quotes and templates. */
    public static List<int[]> split(String text) {
        List<int[]> words = new ArrayList<>();
        int start = -1;
        char quote = 0;
        int templateDepth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (start < 0) {
                if (Character.isWhitespace(c)) continue;
                start = i;
            }
            if (quote != 0) {
                if (c == '\\' && quote == '"' && i + 1 < text.length()) i++;
                else if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (text.startsWith("{{", i) || text.startsWith("{%", i)) {
                templateDepth++;
                i++;
            } else if (templateDepth > 0 && (text.startsWith("}}", i) || text.startsWith("%}", i))) {
                templateDepth--;
                i++;
            } else if (templateDepth == 0 && Character.isWhitespace(c)) {
                words.add(new int[] {start, i});
                start = -1;
            }
        }
        if (start >= 0) words.add(new int[] {start, text.length()});
        return words;
    }

    /** True when the whole value is in matching quotes. */
    public static boolean isQuoted(String raw) {
        return raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'') && raw.charAt(raw.length() - 1) == raw.charAt(0);
    }

    /** Removes quotes around the whole value or parts of it (a="b c" and a=b" "c both give b c). */
    public static String unquote(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote == '"' && c == '\\' && i + 1 < raw.length()) {
                out.append(raw.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The position of an offset in the scalar's text; exact for one-line scalars, the scalar's start otherwise. */
    public static Origin originAt(YScalar scalar, int offset) {
        Origin o = scalar.origin();
        if (o.line() <= 0 || scalar.text().indexOf('\n') >= 0) return o;
        return new Origin(o.file(), o.line(), o.column() + offset + (scalar.quoted() ? 1 : 0));
    }
}

package meshplay.engine.inventory;

import java.util.ArrayList;
import java.util.List;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;

/**
 * Splits an INI inventory line into words like a shell would: whitespace separates words except
 * inside quotes, and an unquoted '#' at the start of a word begins a comment.
 */
final class IniWords {
    /** A word as written (quotes included) and its 1-based column. */
    record Word(String text, int column) {
    }

    private IniWords() {
    }

    static List<Word> split(String line, String file, int lineNumber) {
        List<Word> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
            if (i >= line.length() || line.charAt(i) == '#' || line.charAt(i) == ';') break;
            int start = i;
            char quote = 0;
            while (i < line.length() && (quote != 0 || !Character.isWhitespace(line.charAt(i)))) {
                char c = line.charAt(i);
                if (quote == 0 && (c == '"' || c == '\'')) quote = c;
                else if (quote != 0 && c == quote) quote = 0;
                else if (quote == '"' && c == '\\') i++;
                i++;
            }
            if (quote != 0) {
                throw new UserError(new Origin(file, lineNumber, start + 1), "unclosed quote (" + quote + ") in inventory line",
                        "close the quote before the end of the line");
            }
            out.add(new Word(line.substring(start, Math.min(i, line.length())), start + 1));
        }
        return out;
    }
}

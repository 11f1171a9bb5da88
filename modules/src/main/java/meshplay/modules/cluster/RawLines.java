package meshplay.modules.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into lines that keep their terminators, so joining them gives back the exact bytes
 * (a missing final newline, CRLF endings and trailing blanks survive a parse/render round trip).
 */
final class RawLines {
    private RawLines() {
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) out.add(text.substring(start));
        return out;
    }

    static String join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(l);
        return sb.toString();
    }

    /** The line without its terminator. */
    static String body(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') end--;
        if (end > 0 && line.charAt(end - 1) == '\r') end--;
        return line.substring(0, end);
    }

    /** Lines appended after {@code lines}: makes sure the last existing line ends with a newline first. */
    static void appendLine(List<String> lines, String newLine) {
        if (!lines.isEmpty()) {
            String last = lines.get(lines.size() - 1);
            if (!last.endsWith("\n")) lines.set(lines.size() - 1, last + "\n");
        }
        lines.add(newLine.endsWith("\n") ? newLine : newLine + "\n");
    }

    static boolean isBlank(String line) {
        return body(line).isBlank();
    }
}

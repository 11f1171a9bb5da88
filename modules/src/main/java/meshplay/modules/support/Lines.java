package meshplay.modules.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A text split into lines that keep their own terminator ("a\n", "b"), like Python's readlines(),
 * so that joining them gives back the text byte for byte and edits touch only the lines they mean.
 */
public final class Lines {
    private Lines() {
    }

    /** The lines of {@code text}; none for null or empty text. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
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

    public static String join(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) b.append(l);
        return b.toString();
    }

    /** The line without any trailing "\n" and "\r" (Python's rstrip('\r\n'), as lineinfile compares lines). */
    public static String strip(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) end--;
        return line.substring(0, end);
    }

    /** The line without its one terminator ("\n", "\r\n" or a final "\r"); other characters, "\r" too, are content. */
    public static String body(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') end--;
        if (end > 0 && line.charAt(end - 1) == '\r') end--;
        return line.substring(0, end);
    }

    public static boolean isBlank(String line) {
        return body(line).isBlank();
    }

    /** Appends {@code newLine} (terminated) after {@code lines}, first ending the last existing line with a newline. */
    public static void appendLine(List<String> lines, String newLine) {
        if (!lines.isEmpty()) {
            String last = lines.get(lines.size() - 1);
            if (!last.endsWith("\n")) lines.set(lines.size() - 1, last + "\n");
        }
        lines.add(newLine.endsWith("\n") ? newLine : newLine + "\n");
    }

    public static boolean endsWithNewline(String line) {
        return line.endsWith("\n") || line.endsWith("\r");
    }
}

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

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
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

    /** The line without its "\n" or "\r\n". */
    public static String strip(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) end--;
        return line.substring(0, end);
    }

    public static boolean endsWithNewline(String line) {
        return line.endsWith("\n") || line.endsWith("\r");
    }
}

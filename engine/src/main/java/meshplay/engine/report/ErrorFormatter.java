package meshplay.engine.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;

/**
 * Renders a {@link UserError} the way compilers do: the message, where, the offending source line with
 * a caret under the column, and the hint.
 * <pre>
 * ERROR! unknown module 'shel'
 *   --> site.yml:7:5
 *    |
 *  7 |     shel: ls
 *    |     ^
 *   hint: did you mean 'shell'?
 * </pre>
 */
public final class ErrorFormatter {
    private ErrorFormatter() {
    }

    public static String format(UserError e) {
        return format("ERROR!", e.getMessage(), e.origin(), e.hint());
    }

    public static String format(String label, String message, Origin origin, String hint) {
        StringBuilder out = new StringBuilder();
        out.append(label).append(' ').append(message).append('\n');
        if (origin != null && origin != Origin.UNKNOWN) {
            out.append("  --> ").append(origin).append('\n');
            String line = origin.line() > 0 ? sourceLine(origin.file(), origin.line()) : null;
            if (line != null) {
                String num = Integer.toString(origin.line());
                String pad = " ".repeat(num.length());
                out.append(' ').append(pad).append(" |\n");
                out.append(' ').append(num).append(" | ").append(line).append('\n');
                out.append(' ').append(pad).append(" | ").append(caretIndent(line, origin.column())).append("^\n");
            }
        }
        if (hint != null && !hint.isBlank()) out.append("  hint: ").append(hint).append('\n');
        return out.toString();
    }

    /** Keeps tabs of the source line before the caret so it lines up in any terminal. */
    private static String caretIndent(String line, int column) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.max(0, column - 1); i++) s.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
        return s.toString();
    }

    private static String sourceLine(String file, int line) {
        try {
            Path p = Path.of(file);
            if (!Files.isRegularFile(p)) return null;
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            return line <= lines.size() ? lines.get(line - 1) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

package meshplay.engine.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads one line of a source file, for showing the offending line of an error under its origin. */
public final class SourceLines {
    private SourceLines() {
    }

    /** Line {@code origin.line()} (1-based) of the origin's file, without its line break; empty when unavailable. */
    public static Optional<String> lineOf(Origin origin) {
        if (origin == null || origin.line() <= 0) return Optional.empty();
        try {
            return line(Path.of(origin.file()), origin.line());
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    public static Optional<String> line(Path file, int lineNumber) {
        if (lineNumber <= 0 || !Files.isRegularFile(file)) return Optional.empty();
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.skip(lineNumber - 1L).findFirst();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Line {@code lineNumber} (1-based) of in-memory text, for sources that are not files (-e, tests). */
    public static Optional<String> line(String text, int lineNumber) {
        if (text == null || lineNumber <= 0) return Optional.empty();
        List<String> lines = text.lines().toList();
        return lineNumber <= lines.size() ? Optional.of(lines.get(lineNumber - 1)) : Optional.empty();
    }
}

package meshplay.modules.packaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One-line APT sources (sources.list(5)) as Ansible's apt_repository reads them: each file is a list
 * of lines; a line is a source when its first word is deb or deb-src, disabled when it starts with
 * "#", and text after a later "#" is its comment. Written back, a line is normalised ("# " for a
 * disabled one, single spaces, " # comment"). Pure: files in, files out.
 */
final class SourcesList {
    static final List<String> TYPES = List.of("deb", "deb-src");

    /** One line of a sources file. {@code source} is the whitespace-normalised text without "#" and comment. */
    record Line(boolean valid, boolean enabled, String source, String comment) {
        static Line parse(String raw) {
            String line = raw.strip();
            boolean enabled = true;
            if (line.startsWith("#")) {
                enabled = false;
                line = line.substring(1);
            }
            String comment = "";
            int hash = line.indexOf('#');
            if (hash > 0) {
                comment = line.substring(hash + 1).strip();
                line = line.substring(0, hash);
            }
            String source = line.strip();
            boolean valid = false;
            if (!source.isEmpty()) {
                String[] words = source.split("\\s+");
                if (TYPES.contains(words[0])) {
                    valid = true;
                    source = String.join(" ", words);
                }
            }
            return new Line(valid, enabled, source, comment);
        }

        String render() {
            return (enabled ? "" : "# ") + source + (comment.isEmpty() ? "" : " # " + comment) + "\n";
        }

        Line enable() {
            return new Line(valid, true, source, comment);
        }
    }

    private final Map<String, List<Line>> files = new LinkedHashMap<>();

    /** Adds a file's text (in the order apt reads them: sources.list first). */
    void load(String path, String text) {
        List<Line> lines = new ArrayList<>();
        if (!text.isEmpty()) for (String raw : text.split("\n", -1)) lines.add(Line.parse(raw));
        // a final newline leaves one empty string after the split, which is no line
        if (text.endsWith("\n")) lines.remove(lines.size() - 1);
        files.put(path, lines);
    }

    /**
     * The source text of a repo line, or an error message: it must be an enabled deb or deb-src line.
     */
    static String sourceOf(String repo) throws IllegalArgumentException {
        Line l = Line.parse(repo);
        if (!l.valid() || !l.enabled()) throw new IllegalArgumentException("Invalid repository string: " + repo.strip());
        return l.source();
    }

    /** Enables every line with this source; when there is none, appends it to {@code file}. True when appended. */
    boolean add(String source, String file) {
        boolean found = false;
        for (List<Line> lines : files.values()) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).valid() && lines.get(i).source().equals(source)) {
                    lines.set(i, lines.get(i).enable());
                    found = true;
                }
            }
        }
        if (!found) files.computeIfAbsent(file, f -> new ArrayList<>()).add(new Line(true, true, source, ""));
        return !found;
    }

    /** Removes (not comments out) every enabled line with this source. */
    void remove(String source) {
        for (List<Line> lines : files.values()) lines.removeIf(l -> l.valid() && l.enabled() && l.source().equals(source));
    }

    /** Each file's normalised text; a file left with no lines maps to null (it is removed). */
    Map<String, String> dump() {
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((path, lines) -> {
            StringBuilder text = new StringBuilder();
            lines.forEach(l -> text.append(l.render()));
            out.put(path, lines.isEmpty() ? null : text.toString());
        });
        return out;
    }

    private static final Pattern OPTIONS = Pattern.compile("\\[[^\\]]+\\]");
    private static final Pattern SCHEME = Pattern.compile("\\w+://");

    /**
     * Ansible's file name for a new source: the URI's host and path (options, scheme, user and
     * password dropped) with every run of other characters as "_", plus ".list".
     */
    static String suggestFileName(String source) {
        String line = SCHEME.matcher(OPTIONS.matcher(source).replaceAll("")).replaceAll("");
        List<String> parts = new ArrayList<>();
        for (String w : line.strip().split("\\s+")) if (!TYPES.contains(w)) parts.add(w);
        String uri = parts.isEmpty() ? "" : parts.get(0);
        int at = uri.indexOf('@');
        if (at >= 0) uri = uri.substring(at + 1);
        return String.join("_", uri.replaceAll("[^a-zA-Z0-9]", " ").strip().split("\\s+")) + ".list";
    }
}

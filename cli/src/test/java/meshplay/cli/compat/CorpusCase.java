package meshplay.cli.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One case of the compatibility corpus (compat/cases): NAME.yml, or a directory NAME/ with main.yml
 * and an optional inventory (else compat/inventory). A first line "# args: ..." gives extra
 * command-line arguments, shell-quoted, where {@code <case>} stands for the case's directory. Mirrors case_files() and case_args() of compat/record.
 */
record CorpusCase(String name, Path dir, Path playbook, Path inventory, List<String> args) {
    private static final Pattern ARGS = Pattern.compile("#\\s*args:(.*)");

    static List<CorpusCase> all(Path compat) throws IOException {
        List<CorpusCase> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(compat.resolve("cases"))) {
            for (Path p : entries.sorted().toList()) {
                String file = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    Path inv = p.resolve("inventory");
                    out.add(of(file, p, p.resolve("main.yml"), Files.exists(inv) ? inv : compat.resolve("inventory")));
                } else if (file.endsWith(".yml")) {
                    out.add(of(file.substring(0, file.length() - 4), p.getParent(), p, compat.resolve("inventory")));
                }
            }
        }
        return out;
    }

    private static CorpusCase of(String name, Path dir, Path playbook, Path inventory) throws IOException {
        List<String> args = List.of();
        Path real = dir.toRealPath();
        try (Stream<String> lines = Files.lines(playbook)) {
            String first = lines.findFirst().orElse("");
            Matcher m = ARGS.matcher(first);
            if (m.matches()) args = shellWords(m.group(1)).stream().map(a -> a.replace("<case>", real.toString())).toList();
        }
        return new CorpusCase(name, real, playbook, inventory, args);
    }

    /** Splits a line into words as a POSIX shell does for plain words and '...'/"..." quoting. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) w.append(line.charAt(++i));
                else w.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(w.toString());
                w.setLength(0);
                inWord = false;
            } else {
                if (c == '\\' && i + 1 < line.length()) c = line.charAt(++i);
                w.append(c);
                inWord = true;
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unclosed quote in '# args:' line: " + line);
        if (inWord) words.add(w.toString());
        return words;
    }
}

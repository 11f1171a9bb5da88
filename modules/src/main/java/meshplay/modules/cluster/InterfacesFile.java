package meshplay.modules.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import meshplay.modules.support.Lines;

/**
 * /etc/network/interfaces (ifupdown2) as a sequence of blocks that keep their exact source lines:
 * blank lines, comments, {@code auto}/{@code allow-*} lines, {@code iface} and {@code mapping}
 * stanzas with their option lines, {@code source}/{@code source-directory} lines and anything else.
 * Rendering the blocks gives back the file byte for byte; edits replace, insert or remove whole blocks.
 *
 * <p>A stanza's option lines are the lines after its {@code iface} line up to the next blank line
 * or keyword line. Comment lines between option lines belong to the stanza; comment lines after the
 * last option line do not (they usually describe what follows). Lines ending in a backslash continue
 * on the next line, as in ifupdown.
 */
final class InterfacesFile {
    private InterfacesFile() {
    }

    enum Kind { BLANK, COMMENT, AUTO, IFACE, MAPPING, SOURCE, OTHER }

    /** One option line of a stanza: the first word and the rest of the line. */
    record Option(String key, String value) {
    }

    /**
     * An {@code iface NAME FAMILY METHOD [# comment]} stanza. {@code family}/{@code method} are null
     * when the line leaves them out; {@code inlineComment} is the text after '#' on the iface line.
     */
    record Stanza(String name, String family, String method, String inlineComment, List<Option> options,
                  List<String> commentLines, String indent) {
        /** A bodiless iface line with a comment, like the guide's "iface en05 inet manual #do not edit in GUI". */
        boolean isNote() {
            return options.isEmpty() && inlineComment != null;
        }
    }

    /** A block: its kind, its exact lines (with terminators) and what was parsed from them. */
    record Block(Kind kind, List<String> lines, String keyword, List<String> names, Stanza stanza) {
        Block {
            lines = List.copyOf(lines);
            names = names == null ? List.of() : List.copyOf(names);
        }
    }

    private static final Set<String> STANZA_KEYWORDS = Set.of("iface", "mapping", "auto", "source", "source-directory", "source-dir");

    private static boolean isKeyword(String word) {
        return STANZA_KEYWORDS.contains(word) || word.startsWith("allow-");
    }

    /** Physical lines grouped into logical lines (backslash continuation). */
    private static List<List<String>> logicalLines(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String raw : Lines.split(text)) {
            current.add(raw);
            if (!Lines.body(raw).endsWith("\\")) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) out.add(current);
        return out;
    }

    private static String joined(List<String> logical) {
        StringBuilder sb = new StringBuilder();
        for (String raw : logical) {
            String b = Lines.body(raw);
            sb.append(b.endsWith("\\") ? b.substring(0, b.length() - 1) : b);
        }
        return sb.toString();
    }

    private static String firstWord(String text) {
        String t = text.strip();
        if (t.isEmpty()) return "";
        return t.split("\\s+", 2)[0];
    }

    private static String withoutComment(String text) {
        int hash = text.indexOf('#');
        return hash < 0 ? text : text.substring(0, hash);
    }

    static List<Block> parse(String text) {
        List<List<String>> logical = logicalLines(text);
        List<Block> out = new ArrayList<>();
        int i = 0;
        while (i < logical.size()) {
            List<String> lines = logical.get(i);
            String line = joined(lines);
            String t = line.strip();
            String word = firstWord(line);
            if (t.isEmpty()) {
                out.add(new Block(Kind.BLANK, lines, null, null, null));
                i++;
            } else if (t.startsWith("#")) {
                out.add(new Block(Kind.COMMENT, lines, null, null, null));
                i++;
            } else if (word.equals("auto") || word.startsWith("allow-")) {
                String[] w = withoutComment(t).strip().split("\\s+");
                out.add(new Block(Kind.AUTO, lines, word, List.of(w).subList(1, w.length), null));
                i++;
            } else if (word.equals("source") || word.equals("source-directory") || word.equals("source-dir")) {
                out.add(new Block(Kind.SOURCE, lines, word, null, null));
                i++;
            } else if (word.equals("iface") || word.equals("mapping")) {
                int end = bodyEnd(logical, i + 1);
                List<String> all = new ArrayList<>(lines);
                List<Option> options = new ArrayList<>();
                List<String> comments = new ArrayList<>();
                String indent = null;
                for (int j = i + 1; j < end; j++) {
                    all.addAll(logical.get(j));
                    String body = joined(logical.get(j));
                    if (body.strip().startsWith("#")) {
                        comments.add(body.strip());
                        continue;
                    }
                    if (indent == null) indent = body.substring(0, body.length() - body.stripLeading().length());
                    String[] kv = body.strip().split("\\s+", 2);
                    options.add(new Option(kv[0], kv.length > 1 ? kv[1].strip() : ""));
                }
                if (word.equals("iface")) {
                    int hash = t.indexOf('#');
                    String comment = hash < 0 ? null : t.substring(hash + 1).strip();
                    String[] w = withoutComment(t).strip().split("\\s+");
                    Stanza s = new Stanza(w.length > 1 ? w[1] : "", w.length > 2 ? w[2] : null, w.length > 3 ? w[3] : null,
                            comment, options, comments, indent);
                    out.add(new Block(Kind.IFACE, all, word, List.of(s.name()), s));
                } else {
                    String[] w = withoutComment(t).strip().split("\\s+");
                    out.add(new Block(Kind.MAPPING, all, word, List.of(w).subList(1, w.length), null));
                }
                i = end;
            } else {
                out.add(new Block(Kind.OTHER, lines, word, null, null));
                i++;
            }
        }
        return out;
    }

    /** Index of the first logical line after a stanza's body that starts at {@code from}. */
    private static int bodyEnd(List<List<String>> logical, int from) {
        int lastOption = from - 1;
        for (int j = from; j < logical.size(); j++) {
            String t = joined(logical.get(j)).strip();
            if (t.isEmpty() || isKeyword(firstWord(t))) break;
            if (!t.startsWith("#")) lastOption = j;
        }
        return lastOption + 1;
    }

    static String render(List<Block> blocks) {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) for (String l : b.lines()) sb.append(l);
        return sb.toString();
    }
}

package meshplay.modules.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import meshplay.modules.cluster.InterfacesFile.Block;
import meshplay.modules.cluster.InterfacesFile.Kind;
import meshplay.modules.cluster.InterfacesFile.Stanza;
import meshplay.modules.support.Lines;

/**
 * Edits one interface stanza in an /etc/network/interfaces text, keeping every other line byte for byte.
 *
 * <p><b>Which stanza is managed.</b> ifupdown2 allows several {@code iface NAME FAMILY} stanzas for
 * one interface. The managed one is the LAST {@code iface NAME FAMILY} stanza that is not a note: a
 * note is a bodiless iface line carrying a comment, such as the guide's
 * {@code iface en05 inet manual #do not edit in GUI} reminders, which are left alone. A managed
 * stanza is changed in place (it keeps its position, indentation and comments); when there is none,
 * a new one is inserted just before the first {@code source}/{@code source-directory} line (above
 * any comment attached to it), separated by blank lines — never below it — or appended at the end
 * when there is no such line or {@code position} is {@code end}.
 *
 * <p>Stanzas compare semantically: the method and, per option key, the list of values in order;
 * option order, indentation and spacing do not count, and yes/on/true and no/off/false are equal.
 */
final class InterfacesEdit {
    private InterfacesEdit() {
    }

    static final String DEFAULT_INDENT = "    ";

    /**
     * The wanted stanza. {@code auto}: true = an {@code auto NAME} line must exist (added above the
     * stanza), false = none may exist, null = leave auto lines alone. {@code comment}: a comment line
     * kept directly above the stanza (without the leading '#'), or null.
     */
    record Desired(String name, String family, String method, Map<String, List<String>> options, Boolean auto,
                   String comment, boolean appendAtEnd) {
    }

    /** Index of the managed stanza's block, or -1. */
    static int managed(List<Block> blocks, String name, String family) {
        int found = -1;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.kind() == Kind.IFACE && b.stanza().name().equals(name)
                    && Objects.equals(b.stanza().family() == null ? "inet" : b.stanza().family(), family) && !b.stanza().isNote()) {
                found = i;
            }
        }
        return found;
    }

    static boolean same(Stanza s, Desired d) {
        return Objects.equals(s.method(), d.method()) && OptionValues.normalised(grouped(s)).equals(OptionValues.normalised(d.options()));
    }

    private static Map<String, List<String>> grouped(Stanza s) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (InterfacesFile.Option o : s.options()) out.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(o.value());
        return out;
    }

    /** The stanza's lines: the iface line and one line per option value. */
    static String renderStanza(Desired d, String indent, String inlineComment, List<String> commentLines) {
        StringBuilder sb = new StringBuilder("iface ").append(d.name()).append(' ').append(d.family()).append(' ').append(d.method());
        if (inlineComment != null) sb.append(" #").append(inlineComment);
        sb.append('\n');
        for (String c : commentLines) sb.append(indent).append(c).append('\n');
        d.options().forEach((k, values) -> values.forEach(v -> sb.append(indent).append(k).append(' ').append(v).append('\n')));
        return sb.toString();
    }

    /** The text with the stanza present as wanted (the same String when nothing changes). */
    static String apply(String text, Desired d) {
        List<Block> blocks = new ArrayList<>(InterfacesFile.parse(text == null ? "" : text));
        int idx = managed(blocks, d.name(), d.family());
        if (idx >= 0) {
            Block current = blocks.get(idx);
            Stanza s = current.stanza();
            if (!same(s, d)) {
                String rendered = renderStanza(d, s.indent() == null ? DEFAULT_INDENT : s.indent(), s.inlineComment(), s.commentLines());
                List<String> old = current.lines();
                if (!old.get(old.size() - 1).endsWith("\n")) rendered = rendered.substring(0, rendered.length() - 1);
                blocks.set(idx, InterfacesFile.parse(rendered).get(0));
            }
            if (Boolean.TRUE.equals(d.auto()) && !autoListed(blocks, d.name())) {
                blocks.add(idx, InterfacesFile.parse("auto " + d.name() + "\n").get(0));
            }
            if (Boolean.FALSE.equals(d.auto())) removeAuto(blocks, d.name());
            if (d.comment() != null) {
                idx = managed(blocks, d.name(), d.family());
                int top = idx;
                if (top > 0 && isOwnAuto(blocks.get(top - 1), d.name())) top--;
                if (!(top > 0 && isComment(blocks.get(top - 1), d.comment()))) {
                    blocks.add(top, InterfacesFile.parse(commentLine(d.comment())).get(0));
                }
            }
        } else {
            if (Boolean.FALSE.equals(d.auto())) removeAuto(blocks, d.name());
            StringBuilder stanza = new StringBuilder();
            if (d.comment() != null) stanza.append(commentLine(d.comment()));
            if (Boolean.TRUE.equals(d.auto()) && !autoListed(blocks, d.name())) stanza.append("auto ").append(d.name()).append('\n');
            stanza.append(renderStanza(d, DEFAULT_INDENT, null, List.of()));
            insert(blocks, InterfacesFile.parse(stanza.toString()), d.appendAtEnd());
        }
        String after = InterfacesFile.render(blocks);
        return after.equals(text) ? text : after;
    }

    /** The text without the managed stanza (and its own auto line and given comment directly above it). */
    static String remove(String text, String name, String family, Boolean auto, String comment) {
        if (text == null) return null;
        List<Block> blocks = new ArrayList<>(InterfacesFile.parse(text));
        int idx = managed(blocks, name, family);
        if (idx >= 0) {
            int start = idx;
            if (start > 0 && isOwnAuto(blocks.get(start - 1), name)) start--;
            if (comment != null && start > 0 && isComment(blocks.get(start - 1), comment)) start--;
            blocks.subList(start, idx + 1).clear();
            boolean blankBefore = start == 0 || blocks.get(start - 1).kind() == Kind.BLANK;
            if (blankBefore && start < blocks.size() && blocks.get(start).kind() == Kind.BLANK) blocks.remove(start);
        }
        if (Boolean.FALSE.equals(auto)) removeAuto(blocks, name);
        String after = InterfacesFile.render(blocks);
        return after.equals(text) ? text : after;
    }

    private static String commentLine(String comment) {
        return "# " + comment + "\n";
    }

    private static boolean isComment(Block b, String comment) {
        return b.kind() == Kind.COMMENT && Lines.body(b.lines().get(0)).strip().replaceFirst("^#\\s*", "").equals(comment.strip());
    }

    private static boolean isOwnAuto(Block b, String name) {
        return b.kind() == Kind.AUTO && "auto".equals(b.keyword()) && b.names().equals(List.of(name));
    }

    /** True when an auto or allow-auto line names the interface. */
    static boolean autoListed(List<Block> blocks, String name) {
        for (Block b : blocks) {
            if (b.kind() == Kind.AUTO && ("auto".equals(b.keyword()) || "allow-auto".equals(b.keyword())) && b.names().contains(name)) return true;
        }
        return false;
    }

    private static void removeAuto(List<Block> blocks, String name) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Block b = blocks.get(i);
            if (b.kind() != Kind.AUTO || !("auto".equals(b.keyword()) || "allow-auto".equals(b.keyword())) || !b.names().contains(name)) continue;
            List<String> rest = new ArrayList<>(b.names());
            rest.removeIf(name::equals);
            if (rest.isEmpty()) blocks.remove(i);
            else blocks.set(i, InterfacesFile.parse(b.keyword() + " " + String.join(" ", rest) + "\n").get(0));
        }
    }

    /** Inserts new blocks before the first source line, or at the end, with a blank line on each side. */
    private static void insert(List<Block> blocks, List<Block> stanza, boolean atEnd) {
        int source = -1;
        if (!atEnd) {
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i).kind() == Kind.SOURCE) {
                    source = i;
                    break;
                }
            }
        }
        Block blank = InterfacesFile.parse("\n").get(0);
        List<Block> add = new ArrayList<>();
        if (source < 0) {
            if (!blocks.isEmpty()) {
                Block last = blocks.get(blocks.size() - 1);
                List<String> lines = last.lines();
                if (!lines.get(lines.size() - 1).endsWith("\n")) {
                    List<String> fixed = new ArrayList<>(lines);
                    fixed.set(fixed.size() - 1, fixed.get(fixed.size() - 1) + "\n");
                    blocks.set(blocks.size() - 1, new Block(last.kind(), fixed, last.keyword(), last.names(), last.stanza()));
                }
                if (last.kind() != Kind.BLANK) add.add(blank);
            }
            add.addAll(stanza);
            blocks.addAll(add);
            return;
        }
        int pos = source;
        while (pos > 0 && blocks.get(pos - 1).kind() == Kind.COMMENT) pos--;
        while (pos > 0 && blocks.get(pos - 1).kind() == Kind.BLANK) pos--;
        if (pos > 0) add.add(blank);
        add.addAll(stanza);
        if (blocks.get(pos).kind() != Kind.BLANK) add.add(blank);
        blocks.addAll(pos, add);
    }
}

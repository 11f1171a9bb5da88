package meshplay.engine.yaml;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;
import meshplay.engine.error.UserError;
import meshplay.engine.vault.Vault;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a composed snakeyaml node graph into YNodes. Merge keys ({@code <<}) are applied here, as
 * YAML 1.1 defines them: keys written in the mapping win over merged ones, and earlier merged mappings
 * win over later ones. A key written twice in the same mapping is an error at the second occurrence.
 * <p>
 * An alias ({@code *name}) gets the very YNode of its anchor (YNodes are immutable), so reuse costs no
 * memory here. Whoever walks the tree later sees every alias expanded, though, so the values that
 * aliases add to the document (counted as if expanded) are limited to {@code maxAliasExpansion}: an
 * "alias bomb" fails here, at once, instead of filling the memory later.
 * <p>
 * A {@code !vault} scalar is decrypted with the loader's {@link Vault} into a plain string.
 */
final class NodeConverter {
    private static final String MERGE_KEY = "<<";

    private final String label;
    private final ScalarValues values;
    private final long maxAliasExpansion;
    private final Vault vault;
    /** Nodes being converted, to stop on a recursive alias instead of overflowing the stack. */
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Nodes converted already, with their size once every alias inside is expanded. */
    private final Map<Node, Converted> done = new IdentityHashMap<>();
    /** Values of the document with every alias expanded, and values written in it. */
    private long expanded;
    private long written;

    private record Converted(YNode node, long size) {
    }

    NodeConverter(String label, ScalarValues values, long maxAliasExpansion, Vault vault) {
        this.label = label;
        this.values = values;
        this.maxAliasExpansion = maxAliasExpansion;
        this.vault = vault;
    }

    YNode convert(Node node) {
        Converted seen = done.get(node);
        if (seen != null) return reuse(node, seen);
        if (!inProgress.add(node)) {
            throw new UserError(origin(node), "recursive YAML alias", "an alias (*name) cannot refer to a node that contains it");
        }
        long before = expanded;
        expanded++;
        written++;
        try {
            YNode y;
            if (node instanceof ScalarNode s) y = scalar(s);
            else if (node instanceof SequenceNode seq) y = list(seq);
            else y = map((MappingNode) node);
            done.put(node, new Converted(y, expanded - before));
            return y;
        } finally {
            inProgress.remove(node);
        }
    }

    /** An alias: its anchor's YNode, counted as if expanded. */
    private YNode reuse(Node anchor, Converted seen) {
        expanded += seen.size();
        if (expanded - written > maxAliasExpansion) {
            String name = anchor.getAnchor() == null ? "" : " &" + anchor.getAnchor();
            throw new UserError(origin(anchor), String.format("YAML aliases expand this document by more than %,d values "
                            + "(the anchor%s here holds %,d values once its own aliases are expanded)", maxAliasExpansion, name, seen.size()),
                    "this looks like an alias bomb (\"billion laughs\"); reuse smaller anchors fewer times, or write the values out");
        }
        return seen.node();
    }

    private YScalar scalar(ScalarNode node) {
        if (VaultData.TAG.equals(node.getTag().getValue())) {
            String plain = VaultData.decryptInline(node.getValue(), origin(node), vault);
            return new YScalar(plain, plain, true, origin(node));
        }
        DumperOptions.ScalarStyle style = node.getScalarStyle();
        boolean quoted = style == DumperOptions.ScalarStyle.SINGLE_QUOTED || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED;
        Object value;
        try {
            value = values.valueOf(node);
        } catch (RuntimeException e) {
            throw new UserError(origin(node), "invalid " + node.getTag().getValue() + " value '" + node.getValue() + "'",
                    "quote it to keep it as text");
        }
        return new YScalar(node.getValue(), value, quoted, origin(node));
    }

    private YList list(SequenceNode node) {
        List<YNode> items = new ArrayList<>(node.getValue().size());
        for (Node item : node.getValue()) items.add(convert(item));
        return new YList(items, origin(node));
    }

    private YMap map(MappingNode node) {
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, Origin> keyOrigins = new LinkedHashMap<>();
        List<YMap> merged = new ArrayList<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (isMergeKey(keyNode)) {
                merged.addAll(mergeSources(tuple.getValueNode()));
                continue;
            }
            String key = keyText(keyNode, node);
            Origin keyOrigin = origin(keyNode);
            if (entries.containsKey(key)) {
                throw new UserError(keyOrigin, "duplicate key '" + key + "' (first defined at line " + keyOrigins.get(key).line() + ")",
                        "remove one of them; YAML keeps only one value per key");
            }
            entries.put(key, convert(tuple.getValueNode()));
            keyOrigins.put(key, keyOrigin);
        }
        for (YMap source : merged) {
            source.entries().forEach((k, v) -> {
                if (!entries.containsKey(k)) {
                    entries.put(k, v);
                    keyOrigins.put(k, source.keyOrigin(k));
                }
            });
        }
        return new YMap(entries, keyOrigins, origin(node));
    }

    private static boolean isMergeKey(Node keyNode) {
        return keyNode instanceof ScalarNode s && Tag.MERGE.equals(s.getTag()) && MERGE_KEY.equals(s.getValue());
    }

    private List<YMap> mergeSources(Node value) {
        List<YMap> sources = new ArrayList<>();
        if (value instanceof MappingNode) {
            sources.add((YMap) convert(value));
        } else if (value instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode)) throw notAMergeSource(item);
                sources.add((YMap) convert(item));
            }
        } else {
            throw notAMergeSource(value);
        }
        return sources;
    }

    private UserError notAMergeSource(Node node) {
        return new UserError(origin(node), "a merge key '<<' needs a mapping or a list of mappings",
                "write '<<: *anchor' where the anchor is a mapping");
    }

    private String keyText(Node keyNode, MappingNode map) {
        if (keyNode instanceof ScalarNode s) return s.getValue();
        if (keyNode instanceof MappingNode && map.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            // "msg: {{ x }}" reads as a mapping whose key is a mapping: an unquoted template.
            throw new UserError(origin(map), "a value that starts with '{{' must be quoted", "write it as \"{{ ... }}\", e.g. msg: \"{{ x }}\"");
        }
        throw new UserError(origin(keyNode), "a mapping key must be a plain value, not a list or mapping",
                "use a string key, or quote it");
    }

    private Origin origin(Node node) {
        Mark mark = node.getStartMark();
        return mark == null ? Origin.of(label) : new Origin(label, mark.getLine() + 1, mark.getColumn() + 1);
    }
}

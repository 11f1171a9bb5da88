package meshplay.engine.vars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** YAML text (JSON included) as YNode values with origins, for extra vars given on the command line. */
final class YamlValues {
    private YamlValues() {
    }

    /** Exposes snakeyaml's YAML 1.1 scalar resolution (yes/no booleans, 0644 octal, ...). */
    private static final class Scalars extends SafeConstructor {
        Scalars() {
            super(new LoaderOptions());
        }

        Object value(ScalarNode n) {
            return constructObject(n);
        }
    }

    static YNode parse(String text, String source) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            throw new UserError(m == null ? Origin.of(source) : new Origin(source, m.getLine() + 1, m.getColumn() + 1),
                "invalid YAML/JSON: " + e.getProblem(), null, ExitCode.BAD_OPTIONS);
        } catch (YAMLException e) {
            throw new UserError(Origin.of(source), "invalid YAML/JSON: " + e.getMessage(), null, ExitCode.BAD_OPTIONS);
        }
        return root == null ? null : convert(root, source, new Scalars());
    }

    private static Origin origin(Node n, String source) {
        Mark m = n.getStartMark();
        return m == null ? Origin.of(source) : new Origin(source, m.getLine() + 1, m.getColumn() + 1);
    }

    private static YNode convert(Node n, String source, Scalars scalars) {
        Origin at = origin(n, source);
        if (n instanceof ScalarNode s) {
            boolean quoted = s.getScalarStyle() != null && s.getScalarStyle().getChar() != null
                && (s.getScalarStyle().getChar() == '\'' || s.getScalarStyle().getChar() == '"');
            Object value = n.getTag().equals(Tag.STR) || quoted ? s.getValue() : scalars.value(s);
            return new YScalar(s.getValue(), value, quoted, at);
        }
        if (n instanceof SequenceNode seq) {
            List<YNode> items = new ArrayList<>();
            for (Node c : seq.getValue()) items.add(convert(c, source, scalars));
            return new YList(items, at);
        }
        MappingNode map = (MappingNode) n;
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, Origin> keys = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new UserError(origin(t.getKeyNode(), source), "a mapping key must be a plain value", null, ExitCode.BAD_OPTIONS);
            }
            if (entries.containsKey(k.getValue())) {
                throw new UserError(origin(k, source), "duplicate key '" + k.getValue() + "'", null, ExitCode.BAD_OPTIONS);
            }
            entries.put(k.getValue(), convert(t.getValueNode(), source, scalars));
            keys.put(k.getValue(), origin(k, source));
        }
        return new YMap(entries, keys, at);
    }
}

package meshplay.engine.yaml;

import java.math.BigInteger;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Resolves a composed scalar to its YAML 1.1 value with snakeyaml's own safe constructors, so that
 * {@code yes}, {@code 0644}, {@code 0x1F} and {@code 22:22} mean what they mean to PyYAML (and Ansible).
 * Timestamps stay strings: a date in a playbook is almost always meant as text.
 */
final class ScalarValues extends SafeConstructor {
    ScalarValues(LoaderOptions options) {
        super(options);
    }

    Object valueOf(ScalarNode node) {
        Tag tag = node.getTag();
        if (Tag.BOOL.equals(tag) || Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) || Tag.NULL.equals(tag)) {
            Construct construct = yamlConstructors.get(tag);
            Object value = construct.construct(node);
            // Numbers too large for a long are kept as text rather than as an unusual Java type.
            return value instanceof BigInteger ? node.getValue() : value;
        }
        return node.getValue();
    }
}

package meshplay.engine.model;

import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YNode;

/**
 * One keyword as written on a play, block, task, handler or role entry, resolved while loading:
 * either a literal already coerced to its type ({@link #literal()}), or a template that the runner
 * evaluates per host ({@link #templated()}). {@link #node()} is the value as written, with its origin.
 * A keyword written with no value ({@code run_once:}) has a null literal and is not templated.
 */
public record Keyword<T>(KeywordDef<T> def, YNode node, T literal) {

    /** Reads a node written for {@code def}: coerces a literal, keeps a template for run time. */
    static <T> Keyword<T> of(KeywordDef<T> def, YNode node) {
        if (def.structured()) {
            @SuppressWarnings("unchecked") T same = (T) node;
            return new Keyword<>(def, node, same);
        }
        if (Templates.isTemplate(node) || Templates.isNull(node)) return new Keyword<>(def, node, null);
        Object value = node.toJava();
        if (value == null) return new Keyword<>(def, node, null);
        try {
            return new Keyword<>(def, node, def.coerce(value));
        } catch (IllegalArgumentException e) {
            throw new meshplay.engine.error.UserError(node.origin(), def.name() + ": " + e.getMessage(), def.hint());
        }
    }

    public String name() {
        return def.name();
    }

    public Origin origin() {
        return node.origin();
    }

    /** True when the value is a template rendered at run time (a scalar keyword written as "{{ ... }}"). */
    public boolean templated() {
        return !def.structured() && Templates.isTemplate(node);
    }
}

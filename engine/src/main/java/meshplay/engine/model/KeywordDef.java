package meshplay.engine.model;

import java.util.List;
import java.util.function.Function;
import meshplay.engine.lang.Truth;
import meshplay.engine.yaml.YNode;

/**
 * The declaration of one keyword a play, block, task, handler or role entry accepts: its name, the
 * shape of its value, and how a value (a literal while loading, or a rendered template at run time)
 * becomes a {@code T}. Keywords whose value is structure (conditions, vars, loops, mappings) keep the
 * node as written ({@code T} is {@link YNode}); the runner renders or evaluates them where it uses them.
 */
public final class KeywordDef<T> {
    private final String name;
    private final KeywordType type;
    private final List<String> choices;
    private final Function<Object, T> coercion;

    private KeywordDef(String name, KeywordType type, List<String> choices, Function<Object, T> coercion) {
        this.name = name;
        this.type = type;
        this.choices = List.copyOf(choices);
        this.coercion = coercion;
    }

    static KeywordDef<Boolean> bool(String name) {
        return new KeywordDef<>(name, KeywordType.BOOL, List.of(), Truth::toBool);
    }

    static KeywordDef<Integer> integer(String name) {
        return new KeywordDef<>(name, KeywordType.INT, List.of(), KeywordDef::wholeNumber);
    }

    static KeywordDef<Double> number(String name) {
        return new KeywordDef<>(name, KeywordType.NUMBER, List.of(), v -> decimal(v, ""));
    }

    /** A whole number or "N%", read as the number (max_fail_percentage). */
    static KeywordDef<Double> percent(String name) {
        return new KeywordDef<>(name, KeywordType.PERCENT, List.of(), v -> decimal(v, "%"));
    }

    /** A scalar read as text: STRING, IDENTIFIER. */
    static KeywordDef<String> text(String name, KeywordType type) {
        return new KeywordDef<>(name, type, List.of(), String::valueOf);
    }

    static KeywordDef<String> choice(String name, String... choices) {
        return new KeywordDef<>(name, KeywordType.CHOICE, List.of(choices), v -> {
            String s = String.valueOf(v);
            if (!List.of(choices).contains(s)) {
                throw new IllegalArgumentException("'" + s + "' is not one of " + String.join(", ", choices));
            }
            return s;
        });
    }

    /** A keyword whose value is structure, kept as the node written. */
    static KeywordDef<YNode> node(String name, KeywordType type) {
        return new KeywordDef<>(name, type, List.of(), v -> (YNode) v);
    }

    public String name() {
        return name;
    }

    KeywordType type() {
        return type;
    }

    List<String> choices() {
        return choices;
    }

    /** True when the value is kept as the node written (conditions, vars, loops, mappings, lists of names). */
    public boolean structured() {
        return switch (type) {
            case BOOL, INT, NUMBER, PERCENT, STRING, IDENTIFIER, CHOICE -> false;
            default -> true;
        };
    }

    /**
     * A plain value as this keyword's type; the same rule for a literal read while loading and for a
     * template rendered at run time. Throws IllegalArgumentException saying what is wrong.
     */
    public T coerce(Object value) {
        return coercion.apply(value);
    }

    /** What a value must look like, for messages ("use true or false"). */
    public String hint() {
        return switch (type) {
            case BOOL -> "use true or false";
            case INT -> "write a whole number, e.g. " + name + ": 3";
            case NUMBER -> "write a number, e.g. " + name + ": 0.5";
            case PERCENT -> "write a number, e.g. " + name + ": 30";
            case CHOICE -> "use one of " + String.join(", ", choices);
            default -> "check the value of " + name;
        };
    }

    private static Integer wholeNumber(Object v) {
        if (v instanceof Number n) return n.intValue();
        try {
            return Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a whole number");
        }
    }

    private static Double decimal(Object v, String suffix) {
        if (v instanceof Number n) return n.doubleValue();
        String s = String.valueOf(v).trim();
        if (!suffix.isEmpty() && s.endsWith(suffix)) s = s.substring(0, s.length() - suffix.length()).trim();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a number");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

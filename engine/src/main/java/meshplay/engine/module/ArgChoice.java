package meshplay.engine.module;

/**
 * Implemented by an enum of argument choices whose playbook spelling is not its constant's name
 * (newline_sequence's {@code \n} for {@code LF}). Enums without it are matched by name: the choice
 * "no-subscription" or "no_subscription" binds to the constant {@code NO_SUBSCRIPTION}.
 * See {@link ArgBinder}.
 */
public interface ArgChoice {
    /** The choice exactly as the playbook writes it (and as {@link ArgSpec} lists it). */
    String value();

    /** The playbook spelling of a choice constant: its {@link #value()}, or its name in lower case with '_' as '-'. */
    static String valueOf(Enum<?> constant) {
        if (constant instanceof ArgChoice c) return c.value();
        return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether a playbook choice names this constant (its value, or its name ignoring case and '-' versus '_'). */
    static boolean names(Enum<?> constant, String choice) {
        if (constant instanceof ArgChoice c) return c.value().equals(choice);
        return constant.name().equalsIgnoreCase(choice.replace('-', '_'));
    }
}

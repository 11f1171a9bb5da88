package meshplay.engine.module;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's arguments: each with a type, required flag, default, choices, aliases and a description.
 * Also the module's own one-paragraph description and rules between arguments.
 */
public record ArgSpec(String description, Map<String, Arg> args, List<List<String>> mutuallyExclusive,
                      List<List<String>> requiredOneOf, String freeFormArg, boolean acceptsAnyArgs) {

    /** One argument. {@code elements} is the element type of a LIST. {@code secret} hides its value (no_log). */
    public record Arg(String name, ArgType type, boolean mandatory, Object defaultValue, List<String> choices,
                      List<String> aliases, ArgType elements, boolean secret, String description) {

        public Arg required() {
            return new Arg(name, type, true, defaultValue, choices, aliases, elements, secret, description);
        }

        /** The value used when the task does not give one; an enum constant stands for its choice. */
        public Arg defaultValue(Object v) {
            if (v instanceof Enum<?> e) v = ArgChoice.valueOf(e);
            return new Arg(name, type, mandatory, v, choices, aliases, elements, secret, description);
        }

        public Arg choices(String... c) {
            return new Arg(name, type, mandatory, defaultValue, List.of(c), aliases, elements, secret, description);
        }

        public Arg aliases(String... a) {
            return new Arg(name, type, mandatory, defaultValue, choices, List.of(a), elements, secret, description);
        }

        public Arg elements(ArgType t) {
            return new Arg(name, type, mandatory, defaultValue, choices, aliases, t, secret, description);
        }

        public Arg noLog() {
            return new Arg(name, type, mandatory, defaultValue, choices, aliases, elements, true, description);
        }

        public Arg doc(String text) {
            return new Arg(name, type, mandatory, defaultValue, choices, aliases, elements, secret, text);
        }
    }

    public static Arg arg(String name, ArgType type) {
        return new Arg(name, type, false, null, List.of(), List.of(), null, false, "");
    }

    /**
     * A string argument whose choices are the constants of {@code choices} (see {@link ArgChoice}
     * for their spelling), in declaration order; a module binds it to that enum.
     */
    public static Arg choice(String name, Class<? extends Enum<?>> choices) {
        String[] values = java.util.Arrays.stream(choices.getEnumConstants()).map(ArgChoice::valueOf).toArray(String[]::new);
        return arg(name, ArgType.STR).choices(values);
    }

    public static Builder builder(String description) {
        return new Builder(description);
    }

    /** Finds an argument by name or alias. */
    public Arg find(String nameOrAlias) {
        Arg a = args.get(nameOrAlias);
        if (a != null) return a;
        for (Arg candidate : args.values()) {
            if (candidate.aliases().contains(nameOrAlias)) return candidate;
        }
        return null;
    }

    /** Collects the arguments. */
    public static final class Builder {
        private final String description;
        private final Map<String, Arg> args = new LinkedHashMap<>();
        private final List<List<String>> exclusive = new ArrayList<>();
        private final List<List<String>> oneOf = new ArrayList<>();
        private String freeForm;
        private boolean anyArgs;

        private Builder(String description) {
            this.description = description;
        }

        public Builder add(Arg a) {
            args.put(a.name(), a);
            return this;
        }

        public Builder mutuallyExclusive(String... names) {
            exclusive.add(Arrays.asList(names));
            return this;
        }

        public Builder requiredOneOf(String... names) {
            oneOf.add(Arrays.asList(names));
            return this;
        }

        /** The argument that receives a free-form string ("command: ls -l" -> cmd). */
        public Builder freeForm(String argName) {
            freeForm = argName;
            return this;
        }

        /** For modules like set_fact whose arguments are arbitrary names. */
        public Builder acceptsAnyArgs() {
            anyArgs = true;
            return this;
        }

        public ArgSpec build() {
            return new ArgSpec(description, Map.copyOf(args).isEmpty() ? Map.of() : new LinkedHashMap<>(args),
                    List.copyOf(exclusive), List.copyOf(oneOf), freeForm, anyArgs);
        }
    }
}

package meshplay.engine.module;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binds validated {@link Args} into a module's own record of typed arguments. Each record component
 * is the argument of the same name in snake case ({@code persistentFile} is {@code persistent_file});
 * its Java type says how the value arrives:
 *
 * <ul>
 *   <li>{@code String} (STR and PATH arguments), {@code Integer}/{@code Long}/{@code Double},
 *       {@code Boolean}, {@link FileMode}, {@code Object} (RAW): the value, or null when absent;
 *   <li>{@code boolean}: false when absent; {@code int}, {@code long}, {@code double}: only for an
 *       argument that is required or has a default;
 *   <li>an enum: the constant the choice names (see {@link ArgChoice}); the spec's choices and the
 *       enum's constants must match one to one;
 *   <li>{@code List<T>} and {@code Map<String, Object>}: empty when absent;
 *   <li>{@code Optional<T>}: empty when absent, for an argument whose absence means something
 *       different from any value (kmod's {@code params: {}} removes the options, no params leaves them);
 *   <li>another record: bound from the same arguments, so a group of arguments shared by several
 *       modules (mode/owner/group) is one record.
 * </ul>
 *
 * A record and a spec that do not fit together (a component without an argument, an enum that misses
 * a choice, an unsupported type) are a programming error: {@link #of} throws IllegalStateException
 * when the module is created, so any test that creates the module finds it.
 */
public final class ArgBinder<A extends Record> {
    private final Class<A> type;
    private final Constructor<A> constructor;
    private final List<Function<Args, Object>> readers;

    private ArgBinder(Class<A> type, Constructor<A> constructor, List<Function<Args, Object>> readers) {
        this.type = type;
        this.constructor = constructor;
        this.readers = readers;
    }

    /** A binder for {@code type}, checked against {@code spec}. */
    public static <A extends Record> ArgBinder<A> of(Class<A> type, ArgSpec spec) {
        RecordComponent[] components = type.getRecordComponents();
        List<Function<Args, Object>> readers = new ArrayList<>();
        for (RecordComponent c : components) readers.add(reader(type, c, spec));
        try {
            Constructor<A> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return new ArgBinder<>(type, constructor, List.copyOf(readers));
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new IllegalStateException("cannot construct argument record " + type.getName() + ": " + e, e);
        }
    }

    public Class<A> type() {
        return type;
    }

    /** The record for these arguments. */
    public A bind(Args args) {
        Object[] values = new Object[readers.size()];
        for (int i = 0; i < values.length; i++) values[i] = readers.get(i).apply(args);
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct argument record " + type.getName(), e);
        }
    }

    /** The argument name of a record component: {@code persistentFile} -> {@code persistent_file}. */
    static String argName(String component) {
        StringBuilder out = new StringBuilder();
        for (char ch : component.toCharArray()) {
            if (Character.isUpperCase(ch)) out.append('_').append(Character.toLowerCase(ch));
            else out.append(ch);
        }
        return out.toString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<Args, Object> reader(Class<?> record, RecordComponent c, ArgSpec spec) {
        if (c.getType().isRecord()) {
            ArgBinder<?> nested = of((Class) c.getType(), spec);
            return nested::bind;
        }
        String name = argName(c.getName());
        ArgSpec.Arg arg = spec.args().get(name);
        if (arg == null) throw mismatch(record, c, "the module's spec has no argument '" + name + "'");
        Function<Object, Object> convert = converter(record, c, c.getGenericType(), arg);
        return args -> convert.apply(args.raw(name));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<Object, Object> converter(Class<?> record, RecordComponent c, Type t, ArgSpec.Arg arg) {
        Class<?> raw = rawClass(t);
        boolean always = arg.mandatory() || arg.defaultValue() != null;
        if (raw == Optional.class) {
            Function<Object, Object> inner = converter(record, c, typeArgument(record, c, t), arg);
            return v -> v == null ? Optional.empty() : Optional.ofNullable(inner.apply(v));
        }
        if (raw == List.class) {
            Type element = typeArgument(record, c, t);
            if (rawClass(element).isEnum()) throw mismatch(record, c, "a list of enum constants is not supported; use List<String>");
            return v -> v == null ? List.of() : v;
        }
        if (raw == Map.class) return v -> v == null ? Map.of() : v;
        if (raw == String.class) return v -> v == null ? null : v.toString();
        if (raw == boolean.class) return v -> v != null && (Boolean) v;
        if (raw == Boolean.class || raw == FileMode.class || raw == Object.class) return v -> v;
        if (raw.isEnum()) return enumConverter(record, c, (Class<? extends Enum<?>>) raw, arg);
        if (raw == int.class || raw == long.class || raw == double.class) {
            if (!always) throw mismatch(record, c, "argument '" + arg.name() + "' may be absent; use "
                    + (raw == int.class ? "Integer" : raw == long.class ? "Long" : "Double") + " or Optional");
        }
        if (raw == int.class || raw == Integer.class) return v -> v == null ? null : ((Number) v).intValue();
        if (raw == long.class || raw == Long.class) return v -> v == null ? null : ((Number) v).longValue();
        if (raw == double.class || raw == Double.class) return v -> v == null ? null : ((Number) v).doubleValue();
        throw mismatch(record, c, "type " + t.getTypeName() + " cannot hold a module argument");
    }

    private static Function<Object, Object> enumConverter(Class<?> record, RecordComponent c, Class<? extends Enum<?>> type,
                                                          ArgSpec.Arg arg) {
        Enum<?>[] constants = type.getEnumConstants();
        if (arg.choices().isEmpty()) throw mismatch(record, c, "argument '" + arg.name() + "' lists no choices for enum " + type.getSimpleName());
        for (String choice : arg.choices()) {
            if (Arrays.stream(constants).filter(k -> ArgChoice.names(k, choice)).count() != 1) {
                throw mismatch(record, c, "choice '" + choice + "' of argument '" + arg.name() + "' names no single constant of "
                        + type.getSimpleName());
            }
        }
        for (Enum<?> k : constants) {
            if (arg.choices().stream().noneMatch(choice -> ArgChoice.names(k, choice))) {
                throw mismatch(record, c, type.getSimpleName() + "." + k.name() + " is not a choice of argument '" + arg.name() + "'");
            }
        }
        return v -> {
            if (v == null) return null;
            String choice = v.toString();
            for (Enum<?> k : constants) if (ArgChoice.names(k, choice)) return k;
            throw new IllegalArgumentException("'" + choice + "' is not a choice of argument '" + arg.name() + "'");
        };
    }

    private static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return Object.class;
    }

    private static Type typeArgument(Class<?> record, RecordComponent c, Type t) {
        if (t instanceof ParameterizedType p) return p.getActualTypeArguments()[0];
        throw mismatch(record, c, "write the element type of " + t.getTypeName());
    }

    private static IllegalStateException mismatch(Class<?> record, RecordComponent c, String problem) {
        return new IllegalStateException("argument record " + record.getSimpleName() + ", component '" + c.getName() + "': " + problem);
    }
}

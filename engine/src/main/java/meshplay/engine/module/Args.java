package meshplay.engine.module;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.yaml.Origin;

/**
 * Validated arguments with typed getters. Absent optional arguments read as null (or their default).
 * Modules built on {@link BaseModule} do not read these by name: they receive the arguments bound
 * into their own record (see {@link #bound}).
 */
public final class Args {
    private final Map<String, Object> values;
    private final Map<String, Origin> origins;
    /** The record {@link #bound} made, kept so plan and apply share one binding. */
    private Object boundRecord;

    public Args(Map<String, Object> values) {
        this(values, Map.of());
    }

    /** {@code origins}: where each given argument was written, by its name (defaults have none). */
    public Args(Map<String, Object> values, Map<String, Origin> origins) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.origins = Map.copyOf(origins);
    }

    /** Where the argument was written (file:line:col), or null for a default or an unknown name. */
    public Origin origin(String name) {
        return origins.get(name);
    }

    /**
     * These arguments as the binder's record, bound on first use and then kept: the plan and the
     * apply of one task see the same record.
     */
    public synchronized <A extends Record> A bound(ArgBinder<A> binder) {
        if (binder.type().isInstance(boundRecord)) return binder.type().cast(boundRecord);
        A record = binder.bind(this);
        boundRecord = record;
        return record;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Object raw(String name) {
        return values.get(name);
    }

    public String str(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    public Integer integer(String name) {
        Object v = values.get(name);
        return v == null ? null : ((Number) v).intValue();
    }

    public Double number(String name) {
        Object v = values.get(name);
        return v == null ? null : ((Number) v).doubleValue();
    }

    public boolean bool(String name) {
        Object v = values.get(name);
        return v != null && (Boolean) v;
    }

    public Boolean boolOrNull(String name) {
        return (Boolean) values.get(name);
    }

    public FileMode mode(String name) {
        return (FileMode) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> list(String name) {
        Object v = values.get(name);
        return v == null ? List.of() : (List<T>) v;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> dict(String name) {
        Object v = values.get(name);
        return v == null ? Map.of() : (Map<String, Object>) v;
    }

    /** All values, for modules that accept arbitrary arguments (set_fact). */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

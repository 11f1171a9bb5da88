package meshplay.engine.module;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a module reports: changed, failed (with msg), and any data (rc, stdout, path, ...), which the
 * task can register. Data from the host is marked unsafe by the engine, never templated.
 */
public record ModuleResult(boolean changed, boolean failed, String msg, Map<String, Object> data) {
    public ModuleResult {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static ModuleResult ok(Map<String, Object> data) {
        return new ModuleResult(false, false, null, data);
    }

    public static ModuleResult failed(String msg, Map<String, Object> data) {
        return new ModuleResult(false, true, msg, data);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects a result while changes are applied. */
    public static final class Builder {
        private boolean changed;
        private boolean failed;
        private String msg;
        private final Map<String, Object> data = new LinkedHashMap<>();

        public Builder changed(boolean c) {
            changed = c;
            return this;
        }

        public Builder failed(String message) {
            failed = true;
            msg = message;
            return this;
        }

        public Builder msg(String message) {
            msg = message;
            return this;
        }

        public Builder put(String key, Object value) {
            data.put(key, value);
            return this;
        }

        public Builder putAll(Map<String, Object> values) {
            data.putAll(values);
            return this;
        }

        public boolean isFailed() {
            return failed;
        }

        public ModuleResult build() {
            return new ModuleResult(changed, failed, msg, data);
        }
    }
}

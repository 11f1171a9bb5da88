package meshplay.engine.module;

import java.util.Map;

/** Thrown by plan/apply when the task fails on this host (bad state, command failed, refused change). */
public class ModuleFailure extends Exception {
    private final Map<String, Object> data;

    public ModuleFailure(String message) {
        this(message, Map.of());
    }

    public ModuleFailure(String message, Map<String, Object> data) {
        super(message);
        this.data = data == null ? Map.of() : data;
    }

    public Map<String, Object> data() {
        return data;
    }
}

package meshplay.engine.template;

import java.util.Map;

/**
 * A map that is a complete set of variables (one host's variables, as seen through {@code hostvars}).
 * Templates read from it are rendered against the namespace itself, not against the current host.
 */
public interface VariableNamespace extends Map<String, Object> {
}

package meshplay.engine.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A mapping with string keys in source order; {@code keyOrigins} gives each key's position. */
public record YMap(Map<String, YNode> entries, Map<String, Origin> keyOrigins, Origin origin) implements YNode {
    public YMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        keyOrigins = Collections.unmodifiableMap(new LinkedHashMap<>(keyOrigins));
    }

    public YNode get(String key) {
        return entries.get(key);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Origin keyOrigin(String key) {
        return keyOrigins.getOrDefault(key, origin);
    }

    @Override
    public Map<String, Object> toJava() {
        Map<String, Object> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> out.put(k, v == null ? null : v.toJava()));
        return out;
    }
}

package meshplay.engine.exec.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;

/** Builds trusted YAML nodes from loaded nodes (include_vars name:). */
final class ArgLiteral {
    private ArgLiteral() {
    }

    static YMap mapOf(Map<String, Object> nodes) {
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        nodes.forEach((k, v) -> {
            entries.put(k, (YNode) v);
            if (v != null) origins.put(k, ((YNode) v).origin());
        });
        return new YMap(entries, origins, Origin.UNKNOWN);
    }
}

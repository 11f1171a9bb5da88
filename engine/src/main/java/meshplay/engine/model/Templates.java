package meshplay.engine.model;

import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/** Recognises values that are rendered at run time, so they are not type-checked while loading. */
final class Templates {
    private Templates() {
    }

    static boolean isTemplate(String text) {
        return text != null && (text.contains("{{") || text.contains("{%"));
    }

    static boolean isTemplate(YNode node) {
        return node instanceof YScalar s && isTemplate(s.text());
    }

    /** True when a template appears anywhere inside the node (keys or values). */
    static boolean containsTemplate(YNode node) {
        if (node instanceof YScalar s) return isTemplate(s.text());
        if (node instanceof YList l) return l.items().stream().anyMatch(Templates::containsTemplate);
        YMap m = (YMap) node;
        return m.entries().keySet().stream().anyMatch(Templates::isTemplate) || m.entries().values().stream().anyMatch(Templates::containsTemplate);
    }

    /** A scalar written as nothing, ~ or null: the keyword is treated as not given. */
    static boolean isNull(YNode node) {
        return node == null || (node instanceof YScalar s && s.value() == null && !s.quoted());
    }
}

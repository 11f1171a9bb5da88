package meshplay.engine.model;

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

    /** A scalar written as nothing, ~ or null: the keyword is treated as not given. */
    static boolean isNull(YNode node) {
        return node == null || (node instanceof YScalar s && s.value() == null && !s.quoted());
    }
}

package meshplay.engine.template;

import java.util.Set;

/** Filter name normalisation shared by the translator and the registry. */
public final class FilterNames {
    private static final String[] PREFIXES = {"ansible.builtin.", "ansible.utils.", "ansible.netcommon.",
        "community.general.", "ansible.legacy."};
    private static final Set<String> UNDEFINED_AWARE = Set.of("default", "d", "mandatory");

    private FilterNames() {
    }

    /** "ansible.utils.ipaddr" -> "ipaddr". */
    public static String strip(String name) {
        for (String p : PREFIXES) {
            if (name.startsWith(p)) return name.substring(p.length());
        }
        return name;
    }

    static boolean acceptsUndefined(String name) {
        return UNDEFINED_AWARE.contains(strip(name));
    }
}

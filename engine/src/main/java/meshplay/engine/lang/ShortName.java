package meshplay.engine.lang;

/**
 * The short name of a fully qualified collection name, as Ansible resolves it: "ansible.builtin.copy",
 * "ansible.legacy.copy" and "community.general.modprobe" name the modules "copy" and "modprobe";
 * "ansible.utils.ipaddr" the filter "ipaddr". The one rule for modules, engine actions, filters,
 * tests and lookups: a name with a namespace and a collection in front ("ns.collection.") loses them.
 */
public final class ShortName {
    private ShortName() {
    }

    /** "ansible.builtin.copy" -> "copy"; a name without a collection prefix is returned unchanged. */
    public static String of(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && name.indexOf('.') < dot ? name.substring(dot + 1) : name;
    }
}

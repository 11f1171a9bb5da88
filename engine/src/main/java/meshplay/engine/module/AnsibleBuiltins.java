package meshplay.engine.module;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The modules and actions of ansible-core's {@code ansible.builtin} collection (2.14, plus
 * deb822_repository of 2.15), so that a task naming one that meshplay does not implement gets an
 * error that says so and names the closest supported module, instead of "unknown module".
 */
public final class AnsibleBuiltins {
    private static final Set<String> NAMES = Set.of(
            "add_host", "apt", "apt_key", "apt_repository", "assemble", "assert", "async_status", "blockinfile", "command",
            "copy", "cron", "deb822_repository", "debconf", "debug", "dnf", "dpkg_selections", "expect", "fail", "fetch", "file",
            "find", "gather_facts", "get_url", "getent", "git", "group", "group_by", "hostname", "import_playbook", "import_role",
            "import_tasks", "include", "include_role", "include_tasks", "include_vars", "iptables", "known_hosts", "lineinfile",
            "meta", "package", "package_facts", "pause", "ping", "pip", "raw", "reboot", "replace", "rpm_key", "script",
            "service", "service_facts", "set_fact", "set_stats", "setup", "shell", "slurp", "stat", "subversion", "systemd",
            "systemd_service", "sysvinit", "tempfile", "template", "unarchive", "uri", "user", "validate_argument_spec",
            "wait_for", "wait_for_connection", "yum", "yum_repository");

    /** Builtins whose nearest supported module is one of similar purpose rather than of similar spelling. */
    private static final Map<String, String> SAME_PURPOSE = Map.ofEntries(
            Map.entry("dnf", "package"), Map.entry("yum", "package"), Map.entry("dpkg_selections", "apt"),
            Map.entry("rpm_key", "apt_key"), Map.entry("yum_repository", "deb822_repository"), Map.entry("sysvinit", "service"),
            Map.entry("systemd_service", "systemd"), Map.entry("gather_facts", "setup"), Map.entry("set_stats", "set_fact"),
            Map.entry("validate_argument_spec", "assert"), Map.entry("ping", "wait_for_connection"), Map.entry("assemble", "template"),
            Map.entry("include", "include_tasks"), Map.entry("git", "command"), Map.entry("subversion", "command"),
            Map.entry("pip", "command"), Map.entry("expect", "command"), Map.entry("iptables", "command"),
            Map.entry("async_status", "command"), Map.entry("getent", "command"), Map.entry("fetch", "slurp"),
            Map.entry("slurp", "stat"), Map.entry("raw", "command"), Map.entry("script", "shell"), Map.entry("replace", "lineinfile"),
            Map.entry("find", "stat"), Map.entry("tempfile", "file"), Map.entry("cron", "copy"), Map.entry("hostname", "copy"),
            Map.entry("known_hosts", "lineinfile"), Map.entry("user", "command"),
            Map.entry("group", "command"));

    /**
     * Builtins that Ansible runs as action plugins checking their own option names (or parses while
     * loading): an unknown one reads "Invalid options for debug: foo" there, not a module's
     * "Unsupported parameters" message.
     */
    private static final Set<String> OWN_OPTION_CHECK = Set.of("assert", "debug", "fail", "group_by", "reboot", "set_stats",
            "wait_for_connection", "include_tasks", "import_tasks", "include_role", "import_role");

    private AnsibleBuiltins() {
    }

    /**
     * Ansible's message for unknown argument names of a module or action ({@code supported}: its
     * argument names, as Ansible lists them): "Unsupported parameters for (ansible.legacy.copy) module:
     * mdoe. Supported parameters include: ...", or "Invalid options for debug: foo".
     */
    public static String unsupportedMessage(String name, java.util.SortedSet<String> unknown, String supported) {
        if (OWN_OPTION_CHECK.contains(name)) return "Invalid options for " + name + ": " + String.join(",", unknown);
        String shown = NAMES.contains(name) ? "ansible.legacy." + name : name;
        return "Unsupported parameters for (" + shown + ") module: " + String.join(", ", unknown) + ". Supported parameters include: "
                + supported + ".";
    }

    /** True for a name of ansible.builtin written bare ("yum") or with its collection ("ansible.builtin.yum", "ansible.legacy.yum"). */
    public static boolean isBuiltin(String key) {
        String name = key;
        if (key.startsWith("ansible.builtin.")) name = key.substring("ansible.builtin.".length());
        else if (key.startsWith("ansible.legacy.")) name = key.substring("ansible.legacy.".length());
        return NAMES.contains(name);
    }

    /**
     * The supported module closest to the builtin {@code name}: one of the same purpose when it is
     * supported, else the nearest by spelling ({@code nearest}, which may give null).
     */
    public static String closestSupported(String name, Predicate<String> supported, UnaryOperator<String> nearest) {
        String same = SAME_PURPOSE.get(name);
        if (same != null && supported.test(same)) return same;
        return nearest.apply(name);
    }

    /** The message for a task that names an unsupported builtin. */
    public static String message(String key) {
        return "'" + key + "' is an Ansible builtin module that meshplay does not support";
    }

    /** The hint: the closest supported module, or where to find the list. */
    public static String hint(String closest) {
        return closest != null ? "the closest supported module is '" + closest + "' (see `meshplay doc " + closest + "`)"
                : "`meshplay doc --list` shows the supported modules";
    }
}

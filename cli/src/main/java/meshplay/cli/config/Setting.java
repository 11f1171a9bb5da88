package meshplay.cli.config;

import java.util.List;

/**
 * The Ansible settings meshplay honours, each with Ansible 2.14's name, ansible.cfg keys, environment
 * variables, type and default (lib/ansible/config/base.yml and the ssh connection plugin's options),
 * and meshplay's own settings (named MESHPLAY_...).
 * The first key or variable listed wins when several are set, as in Ansible.
 */
public enum Setting {
    DEFAULT_HOST_LIST(Type.PATHLIST, "/etc/ansible/hosts", keys("defaults", "inventory"), env("ANSIBLE_INVENTORY"),
            "the inventory sources (comma-separated; relative to the config file)"),
    DEFAULT_FORKS(Type.INT, "5", keys("defaults", "forks"), env("ANSIBLE_FORKS"), "hosts run in parallel"),
    DEFAULT_REMOTE_USER(Type.STRING, null, keys("defaults", "remote_user"), env("ANSIBLE_REMOTE_USER"),
            "the SSH user when the inventory names none"),
    DEFAULT_PRIVATE_KEY_FILE(Type.PATH, null, keys("defaults", "private_key_file"), env("ANSIBLE_PRIVATE_KEY_FILE"),
            "the SSH key when the inventory names none"),
    HOST_KEY_CHECKING(Type.BOOL, "True", keys("defaults", "host_key_checking", "ssh_connection", "host_key_checking"),
            env("ANSIBLE_HOST_KEY_CHECKING", "ANSIBLE_SSH_HOST_KEY_CHECKING"),
            "False accepts unknown and changed host keys (StrictHostKeyChecking=no)"),
    DEFAULT_ROLES_PATH(Type.PATHSPEC, "~/.ansible/roles:/usr/share/ansible/roles:/etc/ansible/roles", keys("defaults", "roles_path"),
            env("ANSIBLE_ROLES_PATH"), "where roles are looked for after the playbook's roles/ (colon-separated)"),
    DEFAULT_TIMEOUT(Type.INT, "10", keys("defaults", "timeout", "ssh_connection", "timeout"), env("ANSIBLE_TIMEOUT", "ANSIBLE_SSH_TIMEOUT"),
            "SSH connection timeout in seconds"),
    DEFAULT_VAULT_PASSWORD_FILE(Type.PATH, null, keys("defaults", "vault_password_file"), env("ANSIBLE_VAULT_PASSWORD_FILE"),
            "the vault password file (or a script that prints the password)"),
    DEFAULT_ASK_PASS(Type.BOOL, "False", keys("defaults", "ask_pass"), env("ANSIBLE_ASK_PASS"), "ask for the SSH password"),
    DEFAULT_BECOME(Type.BOOL, "False", keys("privilege_escalation", "become"), env("ANSIBLE_BECOME"), "run tasks with become"),
    DEFAULT_BECOME_METHOD(Type.STRING, "sudo", keys("privilege_escalation", "become_method"), env("ANSIBLE_BECOME_METHOD"),
            "sudo or su"),
    DEFAULT_BECOME_USER(Type.STRING, "root", keys("privilege_escalation", "become_user"), env("ANSIBLE_BECOME_USER"),
            "the user to become"),
    DEFAULT_BECOME_ASK_PASS(Type.BOOL, "False", keys("privilege_escalation", "become_ask_pass"), env("ANSIBLE_BECOME_ASK_PASS"),
            "ask for the become password"),
    ERROR_ON_MISSING_HANDLER(Type.BOOL, "True", keys("defaults", "error_on_missing_handler"), env("ANSIBLE_ERROR_ON_MISSING_HANDLER"),
            "a change that notifies a handler the play does not have stops the run (False: only a warning)"),
    DEFAULT_FORCE_HANDLERS(Type.BOOL, "False", keys("defaults", "force_handlers"), env("ANSIBLE_FORCE_HANDLERS"),
            "run notified handlers even on hosts that failed (a play's force_handlers overrides it)"),
    DEFAULT_GATHERING(Type.STRING, "implicit", keys("defaults", "gathering"), env("ANSIBLE_GATHERING"),
            "implicit (gather unless gather_facts: false), explicit (only with gather_facts: true), smart (once per host per run)",
            "implicit", "explicit", "smart"),
    DEFAULT_STDOUT_CALLBACK(Type.STRING, "default", keys("defaults", "stdout_callback"), env("ANSIBLE_STDOUT_CALLBACK"),
            "default, yaml (results as YAML) or json (one JSON object per event)", "default", "yaml", "json"),
    DEFAULT_TRANSPORT(Type.STRING, "smart", keys("defaults", "transport"), env("ANSIBLE_TRANSPORT"),
            "connection type for hosts without ansible_connection: smart (ssh), ssh or local", "smart", "ssh", "local"),
    SSH_ARGS(Type.STRING, null, keys("ssh_connection", "ssh_args"), env("ANSIBLE_SSH_ARGS"),
            "ssh options: -o UserKnownHostsFile and -o StrictHostKeyChecking are used, others ignored"),
    SSH_COMMON_ARGS(Type.STRING, null, keys("ssh_connection", "ssh_common_args"), env("ANSIBLE_SSH_COMMON_ARGS"),
            "as ssh_args, after them (ansible_ssh_common_args overrides it per host)"),
    SSH_EXTRA_ARGS(Type.STRING, null, keys("ssh_connection", "ssh_extra_args"), env("ANSIBLE_SSH_EXTRA_ARGS"),
            "as ssh_args, last (ansible_ssh_extra_args overrides it per host)"),
    /** meshplay's own, not Ansible's: Ansible starts one ssh process per fork and has no such bound. */
    MESHPLAY_SSH_HANDSHAKES(Type.INT, String.valueOf(meshplay.engine.connect.ConnectionOptions.defaultHandshakes()),
            keys("ssh_connection", "handshakes"), env("MESHPLAY_SSH_HANDSHAKES"),
            "SSH logins (connect, key exchange, authentication) in flight at once, whatever the forks; the others wait their turn,"
                    + " and the timeout counts from a login's start (default: twice the processors, at least 8)");

    /** How a value is read: as Ansible's ensure_type(). */
    public enum Type { BOOL, INT, STRING, PATH, PATHLIST, PATHSPEC }

    /** One ansible.cfg place: [section] key. */
    public record Key(String section, String key) {
        @Override
        public String toString() {
            return "[" + section + "] " + key;
        }
    }

    public final Type type;
    /** The default as Ansible writes it, or null for none. */
    public final String defaultText;
    public final List<Key> keys;
    public final List<String> envVars;
    public final String description;
    /** The allowed values, or empty for any. */
    public final List<String> choices;

    Setting(Type type, String defaultText, List<Key> keys, List<String> envVars, String description, String... choices) {
        this.type = type;
        this.defaultText = defaultText;
        this.keys = keys;
        this.envVars = envVars;
        this.description = description;
        this.choices = List.of(choices);
    }

    private static List<Key> keys(String... sectionKeyPairs) {
        java.util.List<Key> out = new java.util.ArrayList<>();
        for (int i = 0; i < sectionKeyPairs.length; i += 2) out.add(new Key(sectionKeyPairs[i], sectionKeyPairs[i + 1]));
        return List.copyOf(out);
    }

    private static List<String> env(String... names) {
        return List.of(names);
    }

    /** The setting read from this ansible.cfg place, or null. */
    public static Setting at(String section, String key) {
        for (Setting s : values()) {
            for (Key k : s.keys) if (k.section.equals(section) && k.key.equals(key)) return s;
        }
        return null;
    }
}

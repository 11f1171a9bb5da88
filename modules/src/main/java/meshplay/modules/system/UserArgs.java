package meshplay.modules.system;

import java.util.ArrayList;
import java.util.List;
import meshplay.engine.module.Args;
import meshplay.engine.module.ModuleFailure;

/** The user module's arguments, typed: what plan reads, and nothing else. */
record UserArgs(String name, boolean present, Integer uid, boolean nonUnique, String comment, String group, List<String> groups,
                boolean append, String shell, String home, String skeleton, String password, boolean updateAlways,
                boolean createHome, boolean moveHome, boolean system, boolean force, boolean remove, Double expires,
                Boolean passwordLock, boolean local, String umask, Integer passwordExpireMax, Integer passwordExpireMin,
                SshKey sshKey) {

    /** generate_ssh_key and its settings; null when no key is asked for. */
    record SshKey(String type, Integer bits, String file, String comment, String passphrase) {
    }

    static UserArgs of(Args a) throws ModuleFailure {
        List<String> groups = null;
        if (a.raw("groups") != null) {
            groups = new ArrayList<>();
            for (Object g : a.list("groups")) {
                String s = String.valueOf(g).strip();
                if (!s.isEmpty() && !groups.contains(s)) groups.add(s);
            }
        }
        Integer uid = a.integer("uid");
        if (uid != null && uid < 0) throw new ModuleFailure("argument 'uid' must be 0 or more, got " + uid);
        String name = a.str("name");
        if (name.isBlank() || name.contains(":") || name.contains("\n")) {
            throw new ModuleFailure("argument 'name' is not a valid user name: '" + name + "'");
        }
        SshKey key = !a.bool("generate_ssh_key") ? null
                : new SshKey(a.str("ssh_key_type"), a.integer("ssh_key_bits"), a.str("ssh_key_file"), a.str("ssh_key_comment"),
                        a.str("ssh_key_passphrase"));
        return new UserArgs(name, "present".equals(a.str("state")), uid, a.bool("non_unique"), a.str("comment"), a.str("group"),
                groups, a.bool("append"), a.str("shell"), a.str("home"), a.str("skeleton"), a.str("password"),
                "always".equals(a.str("update_password")), a.bool("create_home"), a.bool("move_home"), a.bool("system"),
                a.bool("force"), a.bool("remove"), a.number("expires"), a.boolOrNull("password_lock"), a.bool("local"), a.str("umask"),
                a.integer("password_expire_max"), a.integer("password_expire_min"), key);
    }
}

package meshplay.modules.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;
import meshplay.engine.module.Presence;

/**
 * Ensures a local user account exists with the given properties (useradd, usermod) or is gone
 * (userdel), as Ansible's user module does on Linux. Secrets (the password hash, the key passphrase)
 * never appear in results or diffs.
 */
public final class UserModule extends BaseModule<UserArgs> {
    static final String HIDDEN_PASSWORD = "NOT_LOGGING_PASSWORD";
    private static final ArgSpec SPEC = ArgSpec.builder("Manage user accounts: create, change or remove a user with "
                    + "useradd, usermod and userdel, as Ansible's user module.")
            .add(ArgSpec.arg("name", ArgType.STR).required().aliases("user").doc("name of the user"))
            .add(ArgSpec.choice("state", Presence.class).defaultValue(Presence.PRESENT).doc("whether the account should exist"))
            .add(ArgSpec.arg("uid", ArgType.INT).doc("the user's UID"))
            .add(ArgSpec.arg("non_unique", ArgType.BOOL).defaultValue(false).doc("allow a UID that another user has (-o)"))
            .add(ArgSpec.arg("comment", ArgType.STR).doc("the GECOS field (full name)"))
            .add(ArgSpec.arg("group", ArgType.STR).doc("primary group, by name or GID; it must exist"))
            .add(ArgSpec.arg("groups", ArgType.LIST).elements(ArgType.STR).doc("supplementary groups; an empty string or list "
                    + "removes all of them unless append is true"))
            .add(ArgSpec.arg("append", ArgType.BOOL).defaultValue(false).doc("add the groups to the user's current ones instead of "
                    + "replacing them"))
            .add(ArgSpec.arg("shell", ArgType.STR).doc("login shell"))
            .add(ArgSpec.arg("home", ArgType.PATH).doc("home directory"))
            .add(ArgSpec.arg("skeleton", ArgType.PATH).doc("skeleton directory copied into a new home directory"))
            .add(ArgSpec.arg("password", ArgType.STR).noLog().doc("the crypted password (a hash such as $6$..., never plain text)"))
            .add(ArgSpec.choice("update_password", UserArgs.UpdatePassword.class).defaultValue(UserArgs.UpdatePassword.ALWAYS)
                    .doc("always: set the password when it differs; on_create: only for a new user"))
            .add(ArgSpec.arg("create_home", ArgType.BOOL).defaultValue(true).aliases("createhome")
                    .doc("create the home directory when the user is created or when it is missing"))
            .add(ArgSpec.arg("move_home", ArgType.BOOL).defaultValue(false).doc("move the contents when home changes"))
            .add(ArgSpec.arg("system", ArgType.BOOL).defaultValue(false).doc("create a system account (only on creation)"))
            .add(ArgSpec.arg("force", ArgType.BOOL).defaultValue(false).doc("with state=absent: userdel --force"))
            .add(ArgSpec.arg("remove", ArgType.BOOL).defaultValue(false).doc("with state=absent: also remove the home directory and mail spool"))
            .add(ArgSpec.arg("expires", ArgType.FLOAT).doc("expiry time in seconds since the epoch; a negative value removes the expiry"))
            .add(ArgSpec.arg("password_lock", ArgType.BOOL).doc("lock (true) or unlock (false) the password"))
            .add(ArgSpec.arg("local", ArgType.BOOL).defaultValue(false).doc("look the user up in the local files only"))
            .add(ArgSpec.arg("umask", ArgType.STR).doc("umask for the new home directory (useradd -K UMASK=)"))
            .add(ArgSpec.arg("password_expire_max", ArgType.INT).doc("maximum days between password changes (chage -M)"))
            .add(ArgSpec.arg("password_expire_min", ArgType.INT).doc("minimum days between password changes (chage -m)"))
            .add(ArgSpec.arg("generate_ssh_key", ArgType.BOOL).defaultValue(false).doc("generate an SSH key pair for the user when missing"))
            .add(ArgSpec.arg("ssh_key_type", ArgType.STR).defaultValue("rsa").doc("ssh-keygen -t"))
            .add(ArgSpec.arg("ssh_key_bits", ArgType.INT).doc("ssh-keygen -b"))
            .add(ArgSpec.arg("ssh_key_file", ArgType.PATH).doc("key file, relative to the home directory (default .ssh/id_TYPE)"))
            .add(ArgSpec.arg("ssh_key_comment", ArgType.STR).doc("key comment (default 'ansible-generated on HOSTNAME')"))
            .add(ArgSpec.arg("ssh_key_passphrase", ArgType.STR).noLog().doc("passphrase of the new key"))
            .build();

    public UserModule() {
        super("user", SPEC, UserArgs.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, UserArgs p) throws Exception {
        if (p.name().isBlank() || p.name().contains(":") || p.name().contains("\n")) {
            throw problem(ctx, "name", "'" + p.name() + "' is not a valid user name", "use a login name such as 'alice'");
        }
        if (p.uid() != null && p.uid() < 0) throw problem(ctx, "uid", "must be 0 or more, got " + p.uid(), "give a UID such as 1001");
        Optional<Accounts.User> current = Accounts.user(ctx, p.name());
        if (!p.present()) return planAbsent(p, current.isPresent());
        List<Accounts.Group> groups = Accounts.groups(ctx);
        Integer gid = p.group() == null ? null : gidOf(groups, p.group());
        if (p.groupList() != null) {
            for (String g : p.groupList()) gidOf(groups, g);
        }
        List<Change> changes = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", p.name());
        data.put("state", "present");
        if (current.isEmpty()) {
            changes.add(UserChanges.create(p, groups));
            data.put("system", p.system());
            data.put("create_home", p.createHome());
        } else {
            Accounts.User u = current.get();
            Optional<Accounts.Shadow> shadow = Accounts.shadow(ctx, p.name());
            changes.addAll(UserChanges.modify(p, u, gid, Accounts.membership(groups, p.name()), shadow));
            data.put("uid", u.uid());
            data.put("group", u.gid());
            data.put("comment", u.comment());
            data.put("home", u.home());
            data.put("shell", u.shell());
            data.put("move_home", p.moveHome());
            String home = p.home() != null ? p.home() : u.home();
            if (p.createHome() && ctx.connection().files().stat(home, true) == null) changes.add(UserChanges.createHome(p.name(), home, p.skeleton()));
        }
        if (current.isPresent()) data.put("append", p.append());
        if (p.groupList() != null) data.put("groups", String.join(",", p.groupList()));
        if (p.password() != null) data.put("password", HIDDEN_PASSWORD);
        if (p.sshKey() != null) {
            Change key = UserChanges.sshKey(ctx, p, current, data);
            if (key != null) changes.add(key);
        }
        return Plan.of(changes, data);
    }

    /** Applies the plan, then reports the account as it now is (a new user's UID, group and home). */
    @Override
    protected ModuleResult apply(ModuleContext ctx, UserArgs p, Plan plan) throws Exception {
        ModuleResult done = super.apply(ctx, p, plan);
        if (done.failed() || !"present".equals(done.data().get("state"))) return done;
        Optional<Accounts.User> now = Accounts.user(ctx, String.valueOf(done.data().get("name")));
        if (now.isEmpty()) return done;
        Accounts.User u = now.get();
        return Accounts.withData(done, "uid", u.uid(), "group", u.gid(), "comment", u.comment(), "home", u.home(), "shell", u.shell());
    }

    private static Plan planAbsent(UserArgs p, boolean exists) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", p.name());
        data.put("state", "absent");
        if (!exists) return Plan.noChange(data);
        data.put("force", p.force());
        data.put("remove", p.remove());
        List<String> argv = new ArrayList<>(List.of("userdel"));
        if (p.force()) argv.add("-f");
        if (p.remove()) argv.add("-r");
        argv.add(p.name());
        return Plan.of(List.of(new Change("remove user " + p.name(), Diff.state("user " + p.name(), "present", "absent"), (ctx, result) -> {
            String err = UserChanges.run(ctx, argv, null).stderr();
            if (!err.isEmpty()) result.put("stderr", err).put("stderr_lines", err.lines().toList());
        })), data);
    }

    /** The GID of a group given by name or number; Ansible's message when it does not exist. */
    static int gidOf(List<Accounts.Group> groups, String group) throws ModuleFailure {
        for (Accounts.Group g : groups) {
            if (g.name().equals(group)) return g.gid();
        }
        if (group.chars().allMatch(Character::isDigit)) {
            int gid = Integer.parseInt(group);
            for (Accounts.Group g : groups) {
                if (g.gid() == gid) return gid;
            }
        }
        throw new ModuleFailure("Group " + group + " does not exist");
    }

    /** useradd/usermod's -e value: a date, or empty to remove the expiry. */
    static String expiryDate(double seconds) {
        if (seconds < 0) return "";
        return LocalDate.ofInstant(Instant.ofEpochSecond((long) seconds), ZoneOffset.UTC).toString();
    }

    /** The expiry as shadow stores it: days since the epoch. */
    static long expiryDay(double seconds) {
        return LocalDate.ofInstant(Instant.ofEpochSecond((long) seconds), ZoneOffset.UTC).toEpochDay();
    }
}

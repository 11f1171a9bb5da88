package meshplay.modules.system;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.FileStat;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.FileMode;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.engine.module.Presence;
import meshplay.modules.support.FileAttributes;
import meshplay.modules.support.FileContent;

/**
 * Adds or removes SSH public keys in a user's authorized_keys file, as Ansible's authorized_key
 * module (ansible.posix): keys are matched by their body; options and comment count for present;
 * other lines are kept. Writing sets the file to 0600 and its directory to 0700, owned by the user.
 */
public final class AuthorizedKeyModule extends BaseModule<AuthorizedKeyModule.Arguments> {
    private static final ArgSpec SPEC = ArgSpec.builder("Add or remove SSH authorized keys of a user, as Ansible's "
                    + "authorized_key module. Keys given as a URL are not fetched: use a lookup or get_url first.")
            .add(ArgSpec.arg("user", ArgType.STR).required().doc("the user whose authorized_keys file is edited"))
            .add(ArgSpec.arg("key", ArgType.STR).required().doc("one key, or several on separate lines ('#' lines are skipped)"))
            .add(ArgSpec.arg("path", ArgType.PATH).doc("the file (default ~USER/.ssh/authorized_keys)"))
            .add(ArgSpec.arg("manage_dir", ArgType.BOOL).defaultValue(true).doc("create the file's directory and set it to 0700, owned by the user"))
            .add(ArgSpec.choice("state", Presence.class).defaultValue(Presence.PRESENT).doc("whether the keys should be in the file"))
            .add(ArgSpec.arg("key_options", ArgType.STR).doc("ssh options put before each key (e.g. 'no-port-forwarding,from=\"10.0.0.0/8\"')"))
            .add(ArgSpec.arg("exclusive", ArgType.BOOL).defaultValue(false).doc("remove every other key from the file"))
            .add(ArgSpec.arg("validate_certs", ArgType.BOOL).defaultValue(true).doc("accepted for compatibility (keys from URLs are not fetched)"))
            .add(ArgSpec.arg("comment", ArgType.STR).doc("comment written after each key instead of its own"))
            .add(ArgSpec.arg("follow", ArgType.BOOL).defaultValue(false).doc("edit the file a symbolic link points to instead of replacing the link"))
            .build();


    /** The typed arguments. */
    record Arguments(String user, String key, String path, boolean manageDir, Presence state, String keyOptions, boolean exclusive,
                     boolean validateCerts, String comment, boolean follow) {
    }

    public AuthorizedKeyModule() {
        super("authorized_key", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        if (a.key().startsWith("http")) {
            throw problem(ctx, "key", "keys from a URL are not fetched", "read them first, e.g. key: \"{{ lookup('url', ...) }}\" or get_url");
        }
        Optional<Accounts.User> user = Accounts.user(ctx, a.user());
        if (user.isEmpty()) throw new ModuleFailure("Failed to lookup user " + a.user() + ": getpwnam(): name not found: '" + a.user() + "'");
        String file = a.path() != null ? a.path() : user.get().home() + "/.ssh/authorized_keys";
        if (a.follow()) file = FileContent.resolveLinks(ctx, file);
        FileStat stat = ctx.connection().files().stat(file, true);
        byte[] before = stat == null ? null : FileContent.read(ctx, file);
        String existing = before == null ? "" : new String(before, java.nio.charset.StandardCharsets.UTF_8);
        LinkedHashMap<String, AuthorizedKeys.Entry> keys = AuthorizedKeys.parseFile(existing);
        boolean write = edit(a, keys);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user", a.user());
        data.put("key", a.key());
        data.put("path", a.path());
        data.put("manage_dir", a.manageDir());
        data.put("state", a.state().name().toLowerCase());
        data.put("key_options", a.keyOptions());
        data.put("exclusive", a.exclusive());
        data.put("validate_certs", a.validateCerts());
        data.put("comment", a.comment());
        data.put("follow", a.follow());
        data.put("keyfile", file);
        if (!write) return Plan.noChange(data);

        String group = Accounts.group(ctx, Integer.toString(user.get().gid())).map(Accounts.Group::name).orElse(null);
        String dir = FileContent.parentOf(file);
        List<Change> changes = new ArrayList<>();
        FileAttributes.Desired dirAttrs = new FileAttributes.Desired(FileMode.fromInteger(0700), a.user(), group);
        FileStat dirStat = ctx.connection().files().stat(dir, true);
        if (a.manageDir() && dirStat != null) changes.addAll(FileAttributes.changes(dir, dirStat, dirAttrs, false));
        FileContent.Options options = FileContent.Options.of(new FileAttributes.Desired(FileMode.fromInteger(0600), a.user(), group), false);
        if (dirStat == null) options = options.creatingParents(a.manageDir() ? new Attributes(0700, a.user(), group) : Attributes.NONE);
        String after = AuthorizedKeys.serialize(keys);
        changes.addAll(FileContent.plan(file, stat, before, after.getBytes(java.nio.charset.StandardCharsets.UTF_8), options));
        return Plan.of(changes, data);
    }

    /** Ansible's enforce_state on the parsed file: true when the file must be written. */
    private static boolean edit(Arguments a, LinkedHashMap<String, AuthorizedKeys.Entry> keys) throws ModuleFailure {
        List<String> wanted = a.key().lines().filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        int maxRank = keys.size();
        boolean write = false;
        Set<String> toExist = new HashSet<>();
        for (int rank = 0; rank < wanted.size(); rank++) {
            AuthorizedKeys.Entry key = AuthorizedKeys.parseKey(wanted.get(rank), rank);
            if (key == null || !key.isKey()) throw new ModuleFailure("invalid key specified: " + wanted.get(rank));
            if (a.keyOptions() != null) key = key.withOptions(AuthorizedKeys.options(a.keyOptions()));
            if (a.comment() != null) key = key.withComment(a.comment());
            AuthorizedKeys.Entry found = keys.get(key.body());
            boolean matched = found != null && (a.state() == Presence.ABSENT || found.isKey() && key.sameAs(found));
            if (a.state() == Presence.PRESENT) {
                toExist.add(key.body());
                if (found != null && !matched) {
                    keys.remove(key.body());
                    write = true;
                }
                if (!matched) {
                    keys.put(key.body(), key.withRank(maxRank + rank));
                    write = true;
                }
            } else if (matched) {
                keys.remove(key.body());
                write = true;
            }
        }
        if (a.state() == Presence.PRESENT && a.exclusive()) {
            write |= keys.keySet().removeIf(k -> !toExist.contains(k));
        }
        return write;
    }
}

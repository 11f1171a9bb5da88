package meshplay.modules.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;

/**
 * Reads the host's user and group database through getent (so NSS sources count, as with Python's
 * pwd and grp modules): one user, one group, every group, and a user's shadow entry.
 */
final class Accounts {
    /** One passwd line. */
    record User(String name, int uid, int gid, String comment, String home, String shell) {
    }

    /** One group line with its explicit members. */
    record Group(String name, int gid, List<String> members) {
    }

    /** One shadow line: the hash and the account's expiry day (days since 1970, -1 when none). */
    record Shadow(String hash, long expireDay, String maxDays, String minDays) {
    }

    private Accounts() {
    }

    static Optional<User> user(ModuleContext ctx, String name) throws Exception {
        return entry(ctx, "passwd", name).map(f -> new User(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), field(f, 4),
                field(f, 5), field(f, 6)));
    }

    static Optional<Group> group(ModuleContext ctx, String nameOrGid) throws Exception {
        return entry(ctx, "group", nameOrGid).map(Accounts::group);
    }

    static List<Group> groups(ModuleContext ctx) throws Exception {
        ExecResult r = ctx.run(ExecRequest.argv("getent", "group"));
        if (r.rc() != 0) throw failure("group", "", r);
        List<Group> out = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (!line.isBlank()) out.add(group(line.split(":", -1)));
        }
        return out;
    }

    /** The user's shadow entry, or empty when it cannot be read (not root, or no shadow database). */
    static Optional<Shadow> shadow(ModuleContext ctx, String name) throws Exception {
        ExecResult r = ctx.run(ExecRequest.argv("getent", "shadow", name));
        if (r.rc() != 0) return Optional.empty();
        String[] f = r.stdout().strip().split(":", -1);
        String expire = field(f, 7);
        return Optional.of(new Shadow(field(f, 1), expire.isEmpty() ? -1 : Long.parseLong(expire), field(f, 4), field(f, 3)));
    }

    /** The user's explicit supplementary groups, in database order. */
    static List<String> membership(List<Group> groups, String user) {
        List<String> out = new ArrayList<>();
        for (Group g : groups) {
            if (g.members().contains(user)) out.add(g.name());
        }
        return out;
    }

    private static Group group(String[] f) {
        String members = field(f, 3);
        return new Group(f[0], Integer.parseInt(f[2]), members.isEmpty() ? List.of() : List.of(members.split(",")));
    }

    private static Optional<String[]> entry(ModuleContext ctx, String database, String key) throws Exception {
        ExecResult r = ctx.run(ExecRequest.argv("getent", database, key));
        if (r.rc() == 2) return Optional.empty();
        if (r.rc() != 0) throw failure(database, key, r);
        String line = r.stdout().strip();
        return line.isEmpty() ? Optional.empty() : Optional.of(line.split(":", -1));
    }

    private static ModuleFailure failure(String database, String key, ExecResult r) {
        return new ModuleFailure("cannot read the " + database + " database (getent " + database + " " + key + ", rc=" + r.rc() + "): "
                + r.stderr().strip(), Map.of("rc", r.rc()));
    }

    private static String field(String[] f, int i) {
        return i < f.length ? f[i] : "";
    }

    /** {@code done} with the key/value pairs {@code fields} put into its data: what apply read back from the host. */
    static meshplay.engine.module.ModuleResult withData(meshplay.engine.module.ModuleResult done, Object... fields) {
        Map<String, Object> data = new java.util.LinkedHashMap<>(done.data());
        for (int i = 0; i < fields.length; i += 2) data.put((String) fields[i], fields[i + 1]);
        return new meshplay.engine.module.ModuleResult(done.changed(), done.failed(), done.msg(), data);
    }
}

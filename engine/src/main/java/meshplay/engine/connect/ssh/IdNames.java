package meshplay.engine.connect.ssh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.lang.ShellQuote;

/**
 * User and group names <-> numeric ids on one host. SFTP (version 3, as OpenSSH speaks it) carries
 * only numbers, so names are looked up with one {@code getent} command per batch of unknown keys and
 * cached for the life of the connection (accounts do not change during a run).
 */
final class IdNames {
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** Runs a command as the login user and returns its stdout; the connection supplies it. */
    interface Runner {
        OpenSession.Raw run(String command) throws ConnectionException;
    }

    private final Database users = new Database("passwd", "user");
    private final Database groups = new Database("group", "group");

    /**
     * The user and group names of a file's owner. When neither is known yet (a host's first stat),
     * one command asks for both: passwd lines have 7 fields, group lines 4.
     */
    Owner owner(int uid, int gid, Runner runner) throws ConnectionException {
        if (!users.knows(uid) && !groups.knows(gid)) {
            String both = ShellQuote.join(List.of("getent", "passwd", String.valueOf(uid))) + "; "
                    + ShellQuote.join(List.of("getent", "group", String.valueOf(gid)));
            for (String line : lines(runner.run(both))) {
                String[] f = line.split(":", -1);
                if (f.length == 7) users.record(f);
                else if (f.length == 4) groups.record(f);
            }
            users.settle(uid);
            groups.settle(gid);
        }
        return new Owner(userName(uid, runner), groupName(gid, runner));
    }

    record Owner(String user, String group) {
    }

    private static String[] lines(OpenSession.Raw r) {
        return new String(r.stdout(), StandardCharsets.UTF_8).split("\n");
    }

    String userName(int uid, Runner runner) throws ConnectionException {
        return users.name(uid, runner);
    }

    String groupName(int gid, Runner runner) throws ConnectionException {
        return groups.name(gid, runner);
    }

    /** The uid for a user name (or a number given as text). */
    int userId(String name, Runner runner) throws ConnectionException {
        return users.id(name, runner);
    }

    int groupId(String name, Runner runner) throws ConnectionException {
        return groups.id(name, runner);
    }

    /** One getent database (passwd or group) and what is known of it so far, both ways. */
    private static final class Database {
        private final String database;
        private final String kind;
        private final Map<String, Integer> ids = new ConcurrentHashMap<>();
        private final Map<Integer, String> names = new ConcurrentHashMap<>();

        Database(String database, String kind) {
            this.database = database;
            this.kind = kind;
        }

        /** The name for an id; the id as text when the host has no name for it. */
        String name(int id, Runner runner) throws ConnectionException {
            if (!knows(id)) {
                lookup(List.of(String.valueOf(id)), runner);
                settle(id);
            }
            return names.getOrDefault(id, String.valueOf(id));
        }

        boolean knows(int id) {
            return names.containsKey(id);
        }

        /** After a lookup: an id the host has no name for is shown as the number. */
        void settle(int id) {
            names.putIfAbsent(id, String.valueOf(id));
        }

        /** One getent line, split at ':' (name, password, id, ...). */
        void record(String[] fields) {
            if (!DIGITS.matcher(fields[2]).matches()) return;
            int id = Integer.parseInt(fields[2]);
            ids.putIfAbsent(fields[0], id);
            names.putIfAbsent(id, fields[0]);
        }

        int id(String name, Runner runner) throws ConnectionException {
            if (DIGITS.matcher(name).matches()) return Integer.parseInt(name);
            if (!ids.containsKey(name)) lookup(List.of(name), runner);
            Integer id = ids.get(name);
            if (id == null) throw new ConnectionException(kind + " '" + name + "' does not exist on the host");
            return id;
        }

        private void lookup(Collection<String> keys, Runner runner) throws ConnectionException {
            List<String> argv = new ArrayList<>(List.of("getent", database));
            argv.addAll(keys);
            // getent exits 2 when a key is unknown; the lines it did print are still good
            for (String line : lines(runner.run(ShellQuote.join(argv)))) {
                String[] f = line.split(":", -1);
                if (f.length >= 3) record(f);
            }
        }
    }
}

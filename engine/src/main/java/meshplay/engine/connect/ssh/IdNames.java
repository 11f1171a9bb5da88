package meshplay.engine.connect.ssh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ShellQuote;

/**
 * User and group names <-> numeric ids on one host. SFTP (version 3, as OpenSSH speaks it) carries
 * only numbers, so names are looked up with one {@code getent} command per batch of unknown keys and
 * cached for the life of the connection (accounts do not change during a run).
 */
final class IdNames {
    /** Runs a command as the login user and returns its stdout; the connection supplies it. */
    interface Runner {
        OpenSession.Raw run(String command) throws ConnectionException;
    }

    private final Map<String, Integer> userIds = new ConcurrentHashMap<>();
    private final Map<Integer, String> userNames = new ConcurrentHashMap<>();
    private final Map<String, Integer> groupIds = new ConcurrentHashMap<>();
    private final Map<Integer, String> groupNames = new ConcurrentHashMap<>();

    String userName(int uid, Runner runner) throws ConnectionException {
        if (!userNames.containsKey(uid)) {
            lookup("passwd", List.of(String.valueOf(uid)), runner);
            userNames.putIfAbsent(uid, String.valueOf(uid));
        }
        return userNames.getOrDefault(uid, String.valueOf(uid));
    }

    String groupName(int gid, Runner runner) throws ConnectionException {
        if (!groupNames.containsKey(gid)) {
            lookup("group", List.of(String.valueOf(gid)), runner);
            groupNames.putIfAbsent(gid, String.valueOf(gid));
        }
        return groupNames.getOrDefault(gid, String.valueOf(gid));
    }

    /** The uid for a user name (or a number given as text). */
    int userId(String name, Runner runner) throws ConnectionException {
        if (name.matches("\\d+")) return Integer.parseInt(name);
        if (!userIds.containsKey(name)) lookup("passwd", List.of(name), runner);
        Integer id = userIds.get(name);
        if (id == null) throw new ConnectionException("user '" + name + "' does not exist on the host");
        return id;
    }

    int groupId(String name, Runner runner) throws ConnectionException {
        if (name.matches("\\d+")) return Integer.parseInt(name);
        if (!groupIds.containsKey(name)) lookup("group", List.of(name), runner);
        Integer id = groupIds.get(name);
        if (id == null) throw new ConnectionException("group '" + name + "' does not exist on the host");
        return id;
    }

    private void lookup(String database, Collection<String> keys, Runner runner) throws ConnectionException {
        List<String> argv = new ArrayList<>(List.of("getent", database));
        argv.addAll(keys);
        // getent exits 2 when a key is unknown; the lines it did print are still good
        OpenSession.Raw r = runner.run(ShellQuote.join(argv));
        for (String line : new String(r.stdout(), StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length < 3 || !f[2].matches("\\d+")) continue;
            int id = Integer.parseInt(f[2]);
            if (database.equals("passwd")) {
                userIds.putIfAbsent(f[0], id);
                userNames.putIfAbsent(id, f[0]);
            } else {
                groupIds.putIfAbsent(f[0], id);
                groupNames.putIfAbsent(id, f[0]);
            }
        }
    }
}

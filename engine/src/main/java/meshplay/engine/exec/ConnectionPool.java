package meshplay.engine.exec;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.ConnectionProvider;
import meshplay.engine.connect.HostAddress;

/**
 * One connection per host for the whole run, opened on first use through the provider for the host's
 * ansible_connection (ServiceLoader, looked up only when first needed). Closed at the end of the run.
 */
public final class ConnectionPool implements AutoCloseable {
    private final ConnectionOptions options;
    private final Map<String, Connection> open = new ConcurrentHashMap<>();
    private final Map<String, ConnectionProvider> providers = new HashMap<>();
    private final Map<String, ConnectionProvider> given;
    private boolean loaded;

    public ConnectionPool(ConnectionOptions options) {
        this(options, Map.of());
    }

    /** {@code given} providers (tests) take precedence over those found with ServiceLoader. */
    public ConnectionPool(ConnectionOptions options, Map<String, ConnectionProvider> given) {
        this.options = options;
        this.given = given;
    }

    /** The host's connection of that type and user, opened the first time it is asked for and reused after. */
    public Connection get(String host, String type, HostAddress address) throws ConnectionException {
        String key = host + '\0' + type + '\0' + address.user();
        Connection c = open.get(key);
        if (c != null) return c;
        synchronized (this) {
            c = open.get(key);
            if (c == null) {
                c = provider(type).open(address, options);
                open.put(key, c);
            }
            return c;
        }
    }

    private ConnectionProvider provider(String type) throws ConnectionException {
        ConnectionProvider p = given.get(type);
        if (p != null) return p;
        if (!loaded) {
            providers.putAll(discovered());
            loaded = true;
        }
        p = providers.get(type);
        if (p == null) {
            throw new ConnectionException("no connection plugin for ansible_connection=" + type
                    + " (available: " + String.join(", ", providers.keySet()) + ")", true, null);
        }
        return p;
    }

    /** The connection types this build has ("local", "ssh", ...), for checking a type before a run. */
    public static Set<String> availableTypes() {
        return discovered().keySet();
    }

    /** The providers found with ServiceLoader, by type; the first one found for a type wins. */
    private static Map<String, ConnectionProvider> discovered() {
        Map<String, ConnectionProvider> found = new TreeMap<>();
        for (ConnectionProvider p : ServiceLoader.load(ConnectionProvider.class)) found.putIfAbsent(p.type(), p);
        return found;
    }

    @Override
    public synchronized void close() {
        for (Connection c : open.values()) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // closing is best effort at the end of a run
            }
        }
        open.clear();
        for (ConnectionProvider p : providers.values()) p.close();
        for (ConnectionProvider p : given.values()) p.close();
    }
}

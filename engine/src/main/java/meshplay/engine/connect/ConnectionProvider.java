package meshplay.engine.connect;

/**
 * Makes connections of one type ("local", "ssh"), selected by ansible_connection. Found with
 * ServiceLoader; one provider instance per run (it may hold shared state such as an SSH client).
 */
public interface ConnectionProvider extends AutoCloseable {
    /** The ansible_connection value this provider serves. */
    String type();

    /** Opens lazily: implementations may defer connecting until the first call on the connection. */
    Connection open(HostAddress address, ConnectionOptions options) throws ConnectionException;

    /**
     * Starts loading this provider's heavy classes on a background thread, so that a run pays for
     * them while it parses its playbook, not when its first host connects. Optional; does nothing
     * unless the provider has such classes.
     */
    default void warmUp() {
    }

    /** Starts the warm-up of every provider on the class path (see {@link #warmUp}); later calls do nothing more. */
    static void warmUpAll() {
        for (ConnectionProvider p : java.util.ServiceLoader.load(ConnectionProvider.class)) p.warmUp();
    }

    @Override
    default void close() {
    }
}

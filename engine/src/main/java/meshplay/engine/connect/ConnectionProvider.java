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

    @Override
    default void close() {
    }
}

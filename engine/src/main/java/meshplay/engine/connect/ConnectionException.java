package meshplay.engine.connect;

/** A transport failure: the host could not be reached or the session broke. */
public class ConnectionException extends Exception {
    private final boolean unreachable;

    public ConnectionException(String message, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    public ConnectionException(String message, Throwable cause) {
        this(message, false, cause);
    }

    public ConnectionException(String message) {
        this(message, false, null);
    }

    /** True when the host cannot be reached at all (reported UNREACHABLE, not failed). */
    public boolean unreachable() {
        return unreachable;
    }
}

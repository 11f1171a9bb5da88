package meshplay.engine.connect;

/** The outcome of a command. {@code timedOut} means it was killed after its timeout. */
public record ExecResult(int rc, String stdout, String stderr, boolean timedOut) {
    public ExecResult(int rc, String stdout, String stderr) {
        this(rc, stdout, stderr, false);
    }

    public boolean ok() {
        return rc == 0 && !timedOut;
    }
}

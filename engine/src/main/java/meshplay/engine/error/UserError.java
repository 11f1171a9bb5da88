package meshplay.engine.error;

import meshplay.engine.yaml.Origin;

/**
 * An error the user can fix: it names where (origin), what is wrong (message) and how to fix it (hint).
 * The CLI prints it with the offending source line and a caret; never a stack trace unless -vvv.
 */
public class UserError extends RuntimeException {
    private final Origin origin;
    private final String hint;
    private final ExitCode exitCode;

    public UserError(Origin origin, String message, String hint, ExitCode exitCode) {
        super(message);
        this.origin = origin == null ? Origin.UNKNOWN : origin;
        this.hint = hint;
        this.exitCode = exitCode;
    }

    public UserError(Origin origin, String message, String hint) {
        this(origin, message, hint, ExitCode.PARSE_ERROR);
    }

    public UserError(Origin origin, String message) {
        this(origin, message, null, ExitCode.PARSE_ERROR);
    }

    public Origin origin() {
        return origin;
    }

    public String hint() {
        return hint;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}

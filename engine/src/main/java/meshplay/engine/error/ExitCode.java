package meshplay.engine.error;

/** Process exit codes, as ansible-playbook uses them. */
public enum ExitCode {
    OK(0), ERROR(1), HOST_FAILED(2), HOST_UNREACHABLE(3), PARSE_ERROR(4), BAD_OPTIONS(5), INTERRUPTED(99);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}

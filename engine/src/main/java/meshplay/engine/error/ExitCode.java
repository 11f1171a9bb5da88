package meshplay.engine.error;

/**
 * Process exit codes, as ansible-playbook 2.14 uses them. An unreachable host and a parse error share
 * 4, as they do there (its task queue manager's RUN_UNREACHABLE_HOSTS is 4; 3 is not used).
 */
public enum ExitCode {
    OK(0), ERROR(1), HOST_FAILED(2), HOST_UNREACHABLE(4), PARSE_ERROR(4), BAD_OPTIONS(5), INTERRUPTED(99);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}

package meshplay.engine.error;

/**
 * A playbook error found while the run is under way, which ends the whole run as Ansible does: a task
 * file or role brought in by include_tasks/include_role that does not parse (an unknown module, a bad
 * keyword; exit code 4), or a change that notifies a handler the play does not have (exit code 1). No
 * rescue catches it; the run stops with the error's exit code and no recap.
 */
public final class RunAbort extends UserError {
    public RunAbort(UserError cause) {
        super(cause.origin(), cause.getMessage(), cause.hint(), cause.exitCode());
        initCause(cause);
    }
}

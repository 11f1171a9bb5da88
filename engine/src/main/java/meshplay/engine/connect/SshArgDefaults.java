package meshplay.engine.connect;

/**
 * Run-wide SSH settings from ansible.cfg or the environment that a host's variables can override:
 * host_key_checking (null: not set, strict) and the ssh_args / ssh_common_args / ssh_extra_args texts
 * (null: not set). Only their -o UserKnownHostsFile and -o StrictHostKeyChecking are used.
 */
public record SshArgDefaults(Boolean hostKeyChecking, String sshArgs, String commonArgs, String extraArgs) {
    public static final SshArgDefaults NONE = new SshArgDefaults(null, null, null, null);
}

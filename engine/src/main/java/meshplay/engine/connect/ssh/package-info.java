/**
 * The "ssh" connection (ansible_connection=ssh, the default for remote hosts) on Apache MINA SSHD.
 *
 * <ul>
 * <li><b>Sessions.</b> One {@code SshClient} per {@link meshplay.engine.connect.ssh.SshConnectionProvider}
 * (started on first use, stopped by {@code close()}); one authenticated session per host, opened on the
 * first call and reused for the run. Commands are exec channels on it, at most
 * {@code ansible_ssh_max_sessions} (default 10, OpenSSH's MaxSessions) at once per connection, the SFTP
 * channel included. argv run directly in the login shell, shell-quoted; shell lines under /bin/sh -c.</li>
 * <li><b>Timeouts.</b> A command with a timeout runs under coreutils {@code timeout} (its own process
 * group); on expiry the client signals it, closes the channel and returns rc -1, timedOut. Connect, key
 * exchange and authentication share one connect timeout (HostAddress, else ConnectionOptions, else 10 s),
 * counted from when the handshake starts. Keepalives every 15 s; four unanswered ones drop the session.</li>
 * <li><b>Logins under load.</b> At most {@code ConnectionOptions.handshakes()} handshakes are in flight at
 * once per provider (default twice the processors, at least 8), whatever the forks; the other hosts wait
 * their turn in order ({@code LoginGate}), and that wait is not part of their connect timeout.</li>
 * <li><b>Faults.</b> Every failure to reach a host is a {@code ConnectionException} with
 * {@code unreachable() == true} and the reason (refused, timed out, host key, authentication naming the
 * user and the keys tried). A session that broke is reopened once on the next call; if that fails the
 * call reports the host unreachable. {@code reconnect()} retries for the connect timeout,
 * {@code reconnect(Duration)} for as long as the caller allows (after a reboot).</li>
 * <li><b>Files.</b> SFTP as the login user over one shared client; writes are atomic (hidden temp file in
 * the target directory, fsync@openssh.com, owner then mode, posix-rename@openssh.com), and one guard
 * command per session deletes the temp file of a write the connection died in the middle of. {@code withBecome(become)} gives a
 * view whose file operations run as shell commands under sudo/su instead (SFTP cannot change user).
 * A server without an SFTP subsystem gets the same shell commands as the login user.</li>
 * <li><b>Host keys.</b> Strict: the --known-hosts files, then ~/.ssh/known_hosts (plain, [host]:port and
 * hashed entries). Unknown hosts are refused unless --accept-new-host-keys, which records the key in the
 * first file; changed or revoked keys are always refused, naming the file and line.</li>
 * <li><b>Authentication.</b> ansible_ssh_private_key_file, else IdentityFile from ~/.ssh/config, else
 * ~/.ssh/id_ed25519, id_ecdsa, id_rsa (OpenSSH or PEM; passphrase from ConnectionOptions or
 * MESHPLAY_KEY_PASSPHRASE); ssh-agent keys (SSH_AUTH_SOCK); then the password (ansible_password or
 * the one asked for). ~/.ssh/config supplies HostName, Port, User, IdentityFile and ProxyJump for
 * aliases; inventory values win.</li>
 * </ul>
 */
package meshplay.engine.connect.ssh;

# A private OpenSSH sshd for the probes (sourced, not run): its own host key, key-only root login on a
# port of its own on 127.0.0.1, MaxSessions 500 and MaxStartups 1000:30:2000 (a burst of logins is
# never dropped by the sshd itself), and SHLVL=1 in every session, so that root's bash, run by sshd,
# does not read ~/.bashrc for each command.
#
#   start_private_sshd WORK [PORT]   writes WORK/{host_key,client_key,known_hosts,sshd_config,sshd.log},
#                                    starts the sshd, sets sshd_pid, port and probe_work
#   probe_inventory N FILE           an INI inventory of N aliases (h001...) of that sshd, group "bench"
# The caller kills "$sshd_pid" when it is done.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_private_sshd() {
    local work=$1
    probe_work=$work
    port="${2:-$(free_port)}"
    ssh-keygen -q -t ed25519 -N '' -C probe-host -f "$work/host_key"
    ssh-keygen -q -t ed25519 -N '' -C probe-client -f "$work/client_key"
    cp "$work/client_key.pub" "$work/authorized_keys"
    printf '[127.0.0.1]:%s %s\n' "$port" "$(cut -d' ' -f1,2 "$work/host_key.pub")" >"$work/known_hosts"
    mkdir -p /run/sshd
    cat >"$work/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $port
HostKey $work/host_key
PidFile none
AuthorizedKeysFile $work/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
UseDNS no
PrintMotd no
MaxSessions 500
MaxStartups 1000:30:2000
SetEnv SHLVL=1
Subsystem sftp internal-sftp
EOF
    /usr/sbin/sshd -t -f "$work/sshd_config"
    /usr/sbin/sshd -D -e -f "$work/sshd_config" 2>>"$work/sshd.log" &
    sshd_pid=$!
    for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
}

probe_inventory() {
    local n=$1 file=$2
    { echo "[bench]"; for i in $(seq 1 "$n"); do printf 'h%03d\n' "$i"; done
      echo "[bench:vars]"
      echo "ansible_host=127.0.0.1"
      echo "ansible_port=$port"
      echo "ansible_user=root"
      echo "ansible_ssh_private_key_file=$probe_work/client_key"; } >"$file"
}

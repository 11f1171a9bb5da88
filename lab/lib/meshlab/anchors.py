"""The idle processes that anchor the lab: a node's init and the host helper.

A node's init (`meshplay-lab-init-NODE`) holds the node's namespaces; its PID, recorded in the state
directory's run/pids, is what node sessions enter. Nodes reach back to the host (emulated reboot,
a module load that plugs TB links) by entering the namespaces of the host helper
(`meshplay-lab-host`), because PID 1's may not be enterable.
"""
import os
import subprocess

from meshlab import namespaces, proc
from meshlab.context import LabError

HOST_HELPER = "meshplay-lab-host"


def _detached(argv, name=None):
    """Starts ARGV in a session of its own (named NAME if given); returns its PID. It is never waited for."""
    return subprocess.Popen([name or argv[0]] + argv[1:], executable=argv[0], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True).pid


def ensure_host_anchor(lab):
    pid = namespaces.anchor_pid(lab, "host")
    if pid and namespaces.ns_link(pid, "mnt") == os.readlink("/proc/self/ns/mnt") \
            and HOST_HELPER in proc.read("/proc/%s/cmdline" % pid):
        return
    os.makedirs(lab.run_dir("pids"), exist_ok=True)
    pid = _detached(["/bin/sleep", "infinity"], HOST_HELPER)
    proc.write(lab.run_dir("pids", "host.pid"), "%d\n" % pid)
    namespaces.ensure_rundir(lab)
    proc.write(os.path.join(lab.rundir, "host.pid"), "%d\n" % pid)


def stop_host_anchor(lab):
    for pid in {namespaces.anchor_pid(lab, "host"), proc.read(os.path.join(lab.rundir, "host.pid")).strip()}:
        if pid and HOST_HELPER in proc.read("/proc/%s/cmdline" % pid):
            try:
                os.kill(int(pid), 15)
            except OSError:
                pass
            proc.wait_for(lambda: not proc.read("/proc/%s/cmdline" % pid), tries=40)
    for path in (lab.run_dir("pids", "host.pid"), os.path.join(lab.rundir, "host.pid")):
        try:
            os.remove(path)
        except OSError:
            pass


def start_node_init(lab, node):
    """Starts the node's init inside its namespaces and records its PID (also in the node's own /run)."""
    own = os.path.join(lab.node_root(node), "run/meshplay-lab-init.pid")
    os.makedirs(lab.run_dir("pids"), exist_ok=True)
    for path in (lab.run_dir("pids", node + ".pid"), own):
        try:
            os.remove(path)
        except OSError:
            pass
    # nsenter enters the namespaces and execs bash, which execs sleep under the init's name: one PID.
    pid = _detached(["nsenter", "--net=" + lab.netns_path(node), "--mount=" + lab.handle(node, "mnt"),
                     "--uts=" + lab.handle(node, "uts"), "--",
                     "/bin/bash", "-c", 'exec -a "meshplay-lab-init-$0" sleep infinity', node])
    if not proc.wait_for(lambda: namespaces.ns_link(pid, "net") == namespaces.ns_id("net", lab.netns_path(node))):
        raise LabError("%s: node init did not start" % node)
    with open(own, "w") as f:
        f.write("%d\n" % pid)
    proc.write(lab.run_dir("pids", node + ".pid"), "%d\n" % pid)

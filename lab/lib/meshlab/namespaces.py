"""A node's namespaces on the host: whether it runs, running a command inside it, its interfaces,
powering it off.

A node is a network namespace (ip netns NAME-NODE) plus a mount and a UTS namespace whose handles
are bind-mounted in the lab's run directory. There is no PID namespace: a node's processes are host
processes whose mount or network namespace is the node's.
"""
import os
import signal
import time

from meshlab import proc
from meshlab.context import NODE_PATH, LabError, log


# The lab's switch namespace holds one bridge per network: (bridge, the node's NIC, the switch port's prefix).
SWITCHES = [("br0", "nic0", "sw-"),      # management (vmbr0)
            ("br1", "nic1", "sp-")]      # public network (vmbr1, Ceph's public network), for nodes with a public_ip


def anchor_pid(lab, node):
    """The PID of the node's init (or of the host helper for NODE "host"), "" when none is recorded."""
    return proc.read(lab.run_dir("pids", node + ".pid")).strip()


def ns_link(pid, kind):
    try:
        return os.readlink("/proc/%s/ns/%s" % (pid, kind))
    except OSError:
        return ""


def ns_id(kind, path):
    try:
        return "%s:[%d]" % (kind, os.stat(path).st_ino)
    except OSError:
        return None


def node_running(lab, node):
    """A node runs while its init lives in the node's network namespace and its handles exist."""
    pid = anchor_pid(lab, node)
    if not pid or not os.path.exists(lab.handle(node, "mnt")) or not os.path.exists(lab.netns_path(node)):
        return False
    return ns_link(pid, "net") == ns_id("net", lab.netns_path(node))


def lab_namespaces(lab):
    """Names of the host's network namespaces that belong to this lab (its nodes and its switch)."""
    names = [line.split()[0] for line in proc.output(["ip", "netns", "list"]).splitlines() if line.split()]
    return [n for n in names if n.startswith(lab.netns_prefix)]


def links(lab, node):
    """(ifindex, name, rest of the line) of each interface of the node (`ip -o link`)."""
    return parse_links(proc.output(["ip", "-n", lab.netns(node), "-o", "link", "show"]))


def parse_links(text):
    """(ifindex, name, rest of the line) of each line of `ip -o link` output ("5: en05@if4: <...> mtu ...")."""
    out = []
    for line in text.splitlines():
        parts = line.split(": ", 2)
        if len(parts) >= 2:
            out.append((parts[0].strip(), parts[1].split("@")[0], parts[2] if len(parts) > 2 else ""))
    return out


def ensure_rundir(lab):
    """The run directory is a private mount, so the namespace handles in it stay on the host."""
    os.makedirs(lab.rundir, exist_ok=True)
    if not proc.is_mountpoint(lab.rundir):
        proc.run(["mount", "--bind", lab.rundir, lab.rundir], check=True)
        proc.run(["mount", "--make-private", lab.rundir], check=True)
    with open(os.path.join(lab.rundir, "owner"), "w") as f:
        f.write(lab.state + "\n")


def check_owner(lab):
    """Namespace names and ports are global: a lab of the same name must be this state directory's."""
    owner = proc.read(os.path.join(lab.rundir, "owner")).strip()
    if owner and owner != lab.state and lab_namespaces(lab):
        raise LabError("a lab with state %s is running; stop it first (MESHPLAY_LAB_STATE=%s lab/lab down)"
                       % (owner, owner))


def exec_argv(lab, node, argv):
    """The command line that runs ARGV inside NODE: its namespaces and a clean root environment."""
    return (["nsenter", "--net=" + lab.netns_path(node), "--mount=" + lab.handle(node, "mnt"),
             "--uts=" + lab.handle(node, "uts"), "--",
             "env", "-i", "PATH=" + NODE_PATH, "HOME=/root", "SHELL=/bin/bash", "USER=root", "LOGNAME=root",
             "LANG=C.UTF-8", "MESHPLAY_LAB=1", "MESHPLAY_LAB_NODE=" + node] + list(argv))


def node_exec(lab, node, argv, out=None, **kw):
    """Runs ARGV inside NODE and returns its exit code (OUT: a file for its output)."""
    return proc.run(exec_argv(lab, node, argv), out=out, **kw)


def node_pids(lab, node):
    """PIDs of the processes living in any of the node's namespaces (this process excluded)."""
    ids = {i for i in (ns_id("mnt", lab.handle(node, "mnt")), ns_id("net", lab.netns_path(node))) if i}
    if not ids:
        return []
    me = str(os.getpid())
    pids = []
    for p in os.listdir("/proc"):
        if p.isdigit() and p != me and (ns_link(p, "mnt") in ids or ns_link(p, "net") in ids):
            pids.append(int(p))
    return pids


def _alive(pid):
    # a zombie (empty cmdline) is gone: reaping it is the machine init's job
    return bool(proc.read("/proc/%d/cmdline" % pid))


def kill_node_processes(lab, node):
    """TERM first, then KILL; the node's processes are read again each round (watchfrr respawns daemons)."""
    pids = []
    for round_ in range(1, 21):
        pids = [p for p in node_pids(lab, node) if _alive(p)]
        if not pids:
            return
        sig = signal.SIGTERM if round_ <= 8 else signal.SIGKILL
        for p in pids:
            try:
                os.kill(p, sig)
            except OSError:
                pass
        time.sleep(0.2)
    log("%s: processes still running: %s" % (node, " ".join(map(str, pids))))


def teardown_node(lab, node):
    """Powers a node off: every process, mount and interface of it disappears. Its cables' peer
    ends vanish with it, as a TB4 peer's interface does when the peer powers off."""
    kill_node_processes(lab, node)
    # Its interfaces go first, each with its veth peer: the kernel frees a deleted network namespace
    # (and the far ends of its cables) later, in the background, so a peer end could otherwise still
    # hold its name (en05) when the node boots again and plugs a new cable, and the peer's udev could
    # not give the new interface that name.
    for _, name, _ in links(lab, node):
        if name != "lo":
            proc.quiet(["ip", "-n", lab.netns(node), "link", "del", name])
    for kind in ("mnt", "uts"):
        proc.unmount(lab.handle(node, kind))
    for path in (lab.handle(node, "mnt"), lab.handle(node, "uts"), lab.run_dir("pids", node + ".pid")):
        try:
            os.remove(path)
        except OSError:
            pass
    proc.quiet(["ip", "netns", "del", lab.netns(node)])
    for _, _, port in SWITCHES:
        proc.quiet(["ip", "-n", lab.switch_ns, "link", "del", port + node])

"""A node's power cycle on the host: tear down, a fresh /run and /tmp, its mounts, its management
NIC, then the boot sequence inside it (modules, TB links, udev, sysctl, ifup, units) and its sshd.
"""
import glob
import os
import time

from meshlab import anchors, cabling, namespaces, proc
from meshlab.context import NODE_PATH, LabError, log

SSHD_CONFIG = """# sshd of lab node {node}: listens on the host's loopback only; sessions enter the node.
ListenAddress 127.0.0.1:{port}
HostKey /etc/ssh/ssh_host_ed25519_key
HostKey /etc/ssh/ssh_host_rsa_key
PidFile /run/sshd.pid
PermitRootLogin prohibit-password
PubkeyAuthentication yes
AuthorizedKeysFile .ssh/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PrintMotd no
PrintLastLog no
X11Forwarding no
AllowTcpForwarding no
PermitUserEnvironment no
AcceptEnv LANG LC_*
MaxStartups 64:30:200
MaxSessions 64
LogLevel ERROR
Subsystem sftp /usr/lib/openssh/sftp-server
ForceCommand /run/meshplay-lab/node-session
"""

# The boot steps inside the node, in order: (log heading, command).
BOOT_STEPS = [
    ("modules", ["modprobe", "--lab-boot"]),
    ("thunderbolt links", None),            # cabling.attach, on the host
    ("udev", ["udevadm", "--lab-boot"]),
    ("sysctl", ["sysctl", "--system"]),
    ("networking", ["ifup", "-a"]),
    ("units", ["systemctl", "--lab-boot"]),
]


def write_lab_dir(lab, node):
    """The lab's private files inside a node (read-only at /run/meshplay-lab): env, sshd_config, node-session."""
    d = os.path.join(lab.node_dir(node), "lab")
    os.makedirs(os.path.join(d, "pids"), exist_ok=True)
    with open(os.path.join(d, "env"), "w") as f:
        f.write("LAB_DIR=%s\nLAB_NAME=%s\nLAB_STATE=%s\nLAB_INVENTORY=%s\nLAB_NODE=%s\nLAB_NODES=\"%s\"\n" % (
            lab.lab_dir, lab.name, lab.state, lab.inventory, node, "".join(n + " " for n in lab.topology.names)))
    with open(os.path.join(d, "sshd_config"), "w") as f:
        f.write(SSHD_CONFIG.format(node=node, port=lab.topology.node(node).ssh_port))
    proc.run(["install", "-m", "0755", os.path.join(lab.lab_dir, "lib/node-session"), os.path.join(d, "node-session")],
             check=True)


def install_into_node(lab, node):
    """The emulated tools into the node's /usr/local/sbin, the ip wrapper and labnode.py beside them."""
    r = lab.node_root(node)
    sbin, lib = os.path.join(r, "usr/local/sbin"), os.path.join(r, "usr/local/lib/meshplay-lab")
    os.makedirs(sbin, exist_ok=True)
    os.makedirs(lib, exist_ok=True)
    # -r: the emulators import their package pvelab/
    proc.run(["cp", "-rfP"] + sorted(glob.glob(os.path.join(lab.lab_dir, "emulators/*"))) + [sbin + "/"], check=True)
    for f in glob.glob(os.path.join(sbin, "*")):
        try:
            os.chmod(f, 0o755)
        except OSError:
            pass
    libdir = os.path.join(lab.lab_dir, "lib")
    proc.run(["install", "-m", "0755", "/usr/bin/ip", os.path.join(lib, "ip.real")], check=True)
    proc.run(["install", "-m", "0755", os.path.join(libdir, "node-ip"), os.path.join(lib, "ip")], check=True)
    for module in ("labnode.py", "labceph.py"):
        proc.run(["install", "-m", "0644", os.path.join(libdir, module), os.path.join(lib, module)], check=True)


def ensure_switch(lab):
    """The switches: bridges br0 (management) and br1 (public network) in their own namespace."""
    ns = lab.switch_ns
    if not os.path.exists("/run/netns/" + ns):
        proc.run(["ip", "netns", "add", ns], check=True)
    proc.run(["ip", "-n", ns, "link", "set", "lo", "up"], check=True)
    for bridge, _, _ in namespaces.SWITCHES:
        if not proc.quiet(["ip", "-n", ns, "link", "show", bridge]):
            proc.run(["ip", "-n", ns, "link", "add", bridge, "type", "bridge"], check=True)
        proc.run(["ip", "-n", ns, "link", "set", bridge, "up"], check=True)


def plug_nics(lab, node):
    """The node's NICs, each cabled to its switch: nic0 always, nic1 when the node has a public address."""
    ns = lab.netns(node)
    for bridge, nic, prefix in namespaces.SWITCHES:
        if nic == "nic1" and not lab.topology.node(node).public_ip:
            continue
        proc.run(["ip", "-n", lab.switch_ns, "link", "add", prefix + node, "type", "veth",
                  "peer", "name", nic, "netns", ns], check=True)
        proc.run(["ip", "-n", lab.switch_ns, "link", "set", prefix + node, "master", bridge, "up"], check=True)


def reset_volatile(lab, node):
    """A fresh boot: the node's /run and /tmp are empty (tmpfs on a real node), no module is loaded,
    no unit is active, and every interface is created anew."""
    S, r = lab.node_dir(node), lab.node_root(node)
    for d in ("run", "tmp"):
        proc.remove_tree_contents(os.path.join(r, d))
    os.makedirs(os.path.join(r, "tmp"), exist_ok=True)
    os.chmod(os.path.join(r, "tmp"), 0o1777)
    for d in ("sshd", "network", "lock", "udev/data", "frr", "meshplay-lab", "systemd/network"):
        os.makedirs(os.path.join(r, "run", d), exist_ok=True)
    os.chmod(os.path.join(r, "run/sshd"), 0o755)
    proc.chown_frr(os.path.join(r, "run/frr"))
    proc.quiet(["rm", "-rf", os.path.join(S, "kernel"), os.path.join(S, "devstage")])
    os.makedirs(os.path.join(S, "kernel/sysmodule"))
    open(os.path.join(S, "kernel/modules"), "w").close()
    for m in os.listdir("/sys/module"):
        os.makedirs(os.path.join(S, "kernel/sysmodule", m), exist_ok=True)
    proc.remove_tree_contents(os.path.join(r, "var/lib/meshplay-lab/systemd/active"))


def start_sshd(lab, node):
    port = lab.topology.node(node).ssh_port
    if proc.listening(port):
        raise LabError("%s: port %d on 127.0.0.1 is already in use" % (node, port))
    # Host network namespace (so it listens on the host's 127.0.0.1), node mount + UTS namespaces.
    if proc.run(["nsenter", "--mount=" + lab.handle(node, "mnt"), "--uts=" + lab.handle(node, "uts"), "--",
                 "env", "-i", "PATH=" + NODE_PATH, "/usr/sbin/sshd", "-f", "/run/meshplay-lab/sshd_config"]) != 0:
        raise LabError("%s: sshd did not start" % node)


def boot_node(lab, node):
    """Powers NODE off if it runs, then boots it; its boot log is STATE/log/NODE.boot.log."""
    S = lab.node_dir(node)
    os.makedirs(os.path.join(lab.state, "log"), exist_ok=True)
    blog_path = os.path.join(lab.state, "log", node + ".boot.log")
    with open(blog_path, "a") as blog:
        blog.write("=== boot %s\n" % time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
        blog.flush()
        namespaces.teardown_node(lab, node)
        reset_volatile(lab, node)
        write_lab_dir(lab, node)
        os.makedirs(lab.run_dir("pids"), exist_ok=True)
        install_into_node(lab, node)
        namespaces.ensure_rundir(lab)
        ensure_switch(lab)
        proc.run(["ip", "netns", "add", lab.netns(node)], check=True)
        for kind in ("mnt", "uts"):
            open(lab.handle(node, kind), "a").close()
        mounts = ["nsenter", "--net=" + lab.netns_path(node), "--",
                  "unshare", "--mount=" + lab.handle(node, "mnt"), "--uts=" + lab.handle(node, "uts"),
                  "--propagation", "private", "/bin/bash", os.path.join(lab.lab_dir, "lib/node-mounts.sh"),
                  node, S, os.path.join(lab.state, "pve"), lab.run_dir("pids")]
        if proc.run(mounts, out=blog) != 0:
            raise LabError("%s: building the node's mounts failed (see %s)" % (node, blog_path))
        anchors.start_node_init(lab, node)
        ns = lab.netns(node)
        proc.run(["ip", "-n", ns, "link", "set", "lo", "up"], check=True)
        plug_nics(lab, node)
        for heading, argv in BOOT_STEPS:
            blog.write("--- %s\n" % heading)
            blog.flush()
            if argv is None:
                cabling.attach(lab, node, "boot", out=blog)
            else:
                namespaces.node_exec(lab, node, argv, out=blog)
    start_sshd(lab, node)
    log("%s: up (ssh -p %d root@127.0.0.1)" % (node, lab.topology.node(node).ssh_port))


def wait_ssh(lab):
    """Waits (up to 5 s per node) until every node's sshd listens."""
    for n in lab.topology.nodes:
        proc.wait_for(lambda: proc.listening(n.ssh_port))

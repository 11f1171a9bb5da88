"""A fresh node's files, the cluster's shared /etc/pve, the lab's SSH key and known_hosts.

A node is seeded once (its state directory then holds `.seeded`); `lab down --purge` removes it.
"""
import glob
import json
import os
import shutil
import subprocess

from meshlab import proc
from meshlab.context import LabError, log

HOSTS_TAIL = """
# The following lines are desirable for IPv6 capable hosts
::1     ip6-localhost ip6-loopback
fe00::0 ip6-localnet
ff00::0 ip6-mcastprefix
ff02::1 ip6-allnodes
ff02::2 ip6-allrouters
ff02::3 ip6-allhosts
"""

ETC_MODULES = """# /etc/modules: kernel modules to load at boot time.
#
# This file contains the names of kernel modules that should be loaded
# at boot time, one per line. Lines beginning with "#" are ignored.
# Parameters can be specified after the module name.

"""

# Units a fresh PVE node has enabled (state only in the lab).
ENABLED_UNITS = ["ssh.service", "networking.service", "systemd-udevd.service", "pve-cluster.service",
                 "pvedaemon.service", "pveproxy.service", "corosync.service"]


def interfaces(ip, prefix, public_ip=""):
    """/etc/network/interfaces in the PVE installer's layout: nic0 in vmbr0 with the management address,
    and (when the node has a public address) nic1 in vmbr1 with it, the bridge of the Ceph public network."""
    gateway = ip.rsplit(".", 1)[0] + ".1"
    public = ""
    if public_ip:
        public = ("iface nic1 inet manual\n\nauto vmbr1\niface vmbr1 inet static\n\taddress %s/%s\n"
                  "\tbridge-ports nic1\n\tbridge-stp off\n\tbridge-fd 0\n\n" % (public_ip, prefix))
    return ("auto lo\niface lo inet loopback\n\niface nic0 inet manual\n\nauto vmbr0\niface vmbr0 inet static\n"
            "\taddress %s/%s\n\tgateway %s\n\tbridge-ports nic0\n\tbridge-stp off\n\tbridge-fd 0\n\n%s\n"
            "source /etc/network/interfaces.d/*\n") % (ip, prefix, gateway, public)


def corosync_conf(topology):
    nodes = "".join("  node {\n    name: %s\n    nodeid: %d\n    quorum_votes: 1\n    ring0_addr: %s\n  }\n"
                    % (n.name, n.nodeid, n.ip) for n in topology.nodes)
    return ("logging {\n  debug: off\n  to_syslog: yes\n}\n\nnodelist {\n%s}\n\nquorum {\n  provider: corosync_votequorum\n}\n\n"
            "totem {\n  cluster_name: %s\n  config_version: %d\n  interface {\n    linknumber: 0\n  }\n"
            "  ip_version: ipv4-6\n  link_mode: passive\n  secauth: on\n  version: 2\n}\n") % (
        nodes, topology.cluster_name, len(topology.nodes))


def disk_file(disk):
    """The file name under the node's disks/ of an inventory disk path (/dev/nvme0n1 -> nvme0n1)."""
    if not disk.startswith("/dev/") or len(disk) == len("/dev/"):
        return None
    return disk[len("/dev/"):].replace("/", "__")


def _mkdirs(root, *paths):
    for p in paths:
        os.makedirs(os.path.join(root, p), exist_ok=True)


def _remove(*paths):
    for p in paths:
        if os.path.isdir(p) and not os.path.islink(p):
            shutil.rmtree(p)
        elif os.path.lexists(p):
            os.remove(p)


def _write(path, text, mode=None):
    with open(path, "w") as f:
        f.write(text)
    if mode is not None:
        os.chmod(path, mode)


def seed_node(lab, node):
    """Makes a fresh PVE 9 node's files from the host's /etc, /etc/skel and /var/lib (once)."""
    S = lab.node_dir(node)
    r = lab.node_root(node)
    if os.path.isfile(os.path.join(S, ".seeded")):
        return
    info = lab.topology.node(node)
    log("%s: seeding a fresh node in %s" % (node, S))
    _remove(S)
    _mkdirs(r, "etc", "root", "var/lib", "var/log", "var/tmp", "var/cache", "var/spool", "usr/local", "run", "tmp")
    _mkdirs(S, "disks", "kernel", "lab")
    proc.run(["cp", "-a", "/etc/.", r + "/etc/"], check=True)
    etc = os.path.join(r, "etc")
    _write(os.path.join(etc, "hostname"), node + "\n")
    _write(os.path.join(etc, "hosts"), "127.0.0.1 localhost.localdomain localhost\n%s %s.lab.local %s\n%s"
           % (info.ip, node, node, HOSTS_TAIL))
    _mkdirs(etc, "network/interfaces.d")
    proc.remove_tree_contents(os.path.join(etc, "network/interfaces.d"))
    _write(os.path.join(etc, "network/interfaces"), interfaces(info.ip, lab.topology.mgmt_prefix, info.public_ip))
    _write(os.path.join(etc, "modules"), ETC_MODULES)
    emptied = ["modules-load.d", "systemd/network", "udev/rules.d", "sysctl.d"]
    _mkdirs(etc, "network", *emptied)
    for d in emptied:
        proc.remove_tree_contents(os.path.join(etc, d))
    _remove(os.path.join(etc, "sysctl.conf"),          # Debian 13 (PVE 9) no longer ships it
            os.path.join(etc, "systemd/system/multi-user.target.wants/frr.service"),
            os.path.join(etc, "pve"), os.path.join(etc, "frr"))
    os.mkdir(os.path.join(etc, "pve"))
    # /etc/frr as the frr package installs it (daemons all "no", a minimal frr.conf).
    proc.run(["cp", "-a", "/etc/frr", os.path.join(etc, "frr")], check=True)
    _write(os.path.join(etc, "machine-id"), os.urandom(16).hex() + "\n")
    _remove(*glob.glob(os.path.join(etc, "ssh/ssh_host_*")))
    for kind, extra in (("ed25519", []), ("rsa", ["-b", "3072"])):
        proc.run(["ssh-keygen", "-q", "-t", kind] + extra + ["-N", "", "-C", "root@" + node,
                  "-f", os.path.join(etc, "ssh/ssh_host_%s_key" % kind)], check=True)

    home = os.path.join(r, "root")
    proc.run(["cp", "-a", "/etc/skel/.", home + "/"], check=True)
    os.chmod(home, 0o700)
    os.makedirs(os.path.join(home, ".ssh"), exist_ok=True)
    os.chmod(os.path.join(home, ".ssh"), 0o700)
    keys = [proc.read(os.path.join(lab.state, "id_ed25519.pub"))]
    keys += [proc.read(k) for k in sorted(glob.glob("/root/.ssh/id_*.pub"))]
    _write(os.path.join(home, ".ssh/authorized_keys"), "".join(keys), 0o600)

    tar = subprocess.Popen(["tar", "-C", "/var/lib", "--exclude=./apt/lists", "--exclude=./postgresql",
                            "--exclude=./meshplay-lab", "-cf", "-", "."], stdout=subprocess.PIPE)
    untar = subprocess.run(["tar", "-C", os.path.join(r, "var/lib"), "-xf", "-"], stdin=tar.stdout)
    tar.stdout.close()
    if tar.wait() != 0 or untar.returncode != 0:
        raise LabError("%s: copying /var/lib into the node failed" % node)
    units = "var/lib/meshplay-lab/systemd"
    _mkdirs(r, units + "/enabled", units + "/active", "var/log/frr", "var/lib/frr")
    proc.chown_frr(os.path.join(r, "var/log/frr"), os.path.join(r, "var/lib/frr"))
    for u in ENABLED_UNITS:
        _write(os.path.join(r, units, "enabled", u), "")
    _mkdirs(r, *("usr/local/" + d for d in ("bin", "sbin", "lib", "share", "etc", "include", "src")))
    # The installer's initramfs holds no .link file yet.
    _mkdirs(r, "var/lib/meshplay-lab/initramfs/" + os.uname().release)
    for d in ("tmp", "var/tmp"):
        os.chmod(os.path.join(r, d), 0o1777)

    for disk in info.disks:
        name = disk_file(disk)
        if name is None:
            raise LabError("%s: disk %s must be a path under /dev" % (node, disk))
        proc.run(["truncate", "-s", lab.topology.disk_size, os.path.join(S, "disks", name)], check=True)
    _write(os.path.join(S, ".seeded"), "")


def seed_pve(lab):
    """/etc/pve, shared by every node (as pmxcfs is): the cluster's corosync.conf and node dirs."""
    pve = os.path.join(lab.state, "pve")
    _mkdirs(pve, ".lab", "nodes", "priv", "sdn")
    proc.write(os.path.join(pve, ".lab/cluster.json"), json.dumps(lab.topology.cluster(), indent=1) + "\n")
    conf = corosync_conf(lab.topology)
    corosync = os.path.join(pve, "corosync.conf")
    if proc.read(corosync, None) != conf:
        proc.write(corosync, conf)
    for n in lab.topology.names:
        _mkdirs(os.path.join(pve, "nodes", n), "qemu-server", "lxc", "priv")


def ensure_key(lab):
    """The key every node accepts (lab/.state/id_ed25519)."""
    os.makedirs(lab.state, exist_ok=True)
    os.chmod(lab.state, 0o700)
    key = os.path.join(lab.state, "id_ed25519")
    if not os.path.isfile(key):
        proc.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "meshplay-lab", "-f", key], check=True)


def known_hosts(lab):
    """known_hosts lines ("[127.0.0.1]:PORT TYPE KEY") of every seeded node's host keys."""
    lines = []
    for n in lab.topology.nodes:
        ssh = os.path.join(lab.node_root(n.name), "etc/ssh")
        if not os.path.isfile(os.path.join(ssh, "ssh_host_ed25519_key.pub")):
            continue
        for k in sorted(glob.glob(os.path.join(ssh, "ssh_host_*_key.pub"))):
            kind, key = proc.read(k).split()[:2]
            lines.append("[127.0.0.1]:%d %s %s\n" % (n.ssh_port, kind, key))
    return "".join(lines)


def write_known_hosts(lab):
    proc.write(os.path.join(lab.state, "known_hosts"), known_hosts(lab))

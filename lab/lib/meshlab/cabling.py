"""The TB4 ring: plugging a node's cables (veth pairs with kernel names and an emulated udev record),
finding a port's interface whatever it is called now, and the cut/heal state of cables.

Port en05 is `thunderbolt0` at PCI 0000:00:0d.2, en06 is `thunderbolt1` at 0000:00:0d.3 (labinv's
table); a node's udev renames them at boot or hotplug as its .link files say.
"""
import fcntl
import glob
import os

from meshlab import namespaces, proc
from meshlab.context import log


def module_loaded(lab, node):
    return os.path.isfile(os.path.join(lab.node_dir(node), "kernel/sysmodule/thunderbolt_net/initstate"))


def cuts(lab):
    """The cut cable ends, "NODE:PORT", in the order they were cut."""
    return [line for line in proc.read(lab.run_dir("cuts")).splitlines() if line]


def is_cut(lab, node, port):
    return "%s:%s" % (node, port) in cuts(lab)


def add_cut(lab, node, port):
    if not is_cut(lab, node, port):
        os.makedirs(lab.run_dir(), exist_ok=True)
        with open(lab.run_dir("cuts"), "a") as f:
            f.write("%s:%s\n" % (node, port))


def remove_cuts(lab, *ends):
    if os.path.isfile(lab.run_dir("cuts")):
        proc.write(lab.run_dir("cuts"), "".join(c + "\n" for c in cuts(lab) if c not in ends))


def find_port(lab, node, pci):
    """Name of the node's interface whose emulated PCI path is PCI, or None."""
    want = "E:ID_PATH=pci-" + pci
    for f in sorted(glob.glob(os.path.join(lab.node_root(node), "run/udev/data/n*"))):
        if not os.path.isfile(f) or want not in proc.read(f).splitlines():
            continue
        idx = os.path.basename(f)[1:]
        for i, name, _ in namespaces.links(lab, node):
            if i == idx:
                return name
    return None


def record(lab, node, ifname, pci, port):
    """The udev database entry of an emulated TB interface (by ifindex, as /run/udev/data/n<ifindex>)."""
    idx = next((i for i, name, _ in namespaces.links(lab, node) if name == ifname), "")
    tag = pci.replace(":", "_").replace(".", "_")
    with open(os.path.join(lab.node_root(node), "run/udev/data/n" + idx), "w") as f:
        f.write("E:ID_PATH=pci-%s\nE:ID_PATH_TAG=pci-%s\nE:ID_NET_DRIVER=thunderbolt-net\nE:ID_BUS=thunderbolt\n"
                "E:MESHPLAY_LAB_PORT=%s\nE:MESHPLAY_LAB_KERNEL_NAME=%s\n" % (pci, tag, port, ifname))


def attach(lab, node, mode="hotplug", out=None):
    """Plugs in the cables of NODE whose far end is up with thunderbolt-net loaded. Both ends appear
    with kernel names; the far end is hotplugged (renamed by its node's .link files, then its udev
    rules run). MODE "boot" leaves the near end to the node's boot udev."""
    os.makedirs(lab.run_dir(), exist_ok=True)
    with open(lab.run_dir("links.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for c in lab.topology.cables(node):
            if not namespaces.node_running(lab, c.other):
                continue
            if not (module_loaded(lab, node) and module_loaded(lab, c.other)):
                continue
            if is_cut(lab, node, c.port) or is_cut(lab, c.other, c.other_port):
                continue
            if find_port(lab, node, c.pci):     # already cabled
                continue
            if proc.run(["ip", "-n", lab.netns(node), "link", "add", c.kernel, "type", "veth",
                         "peer", "name", c.other_kernel, "netns", lab.netns(c.other)], out=out) != 0:
                log("%s: cable %s <-> %s:%s could not be plugged" % (node, c.port, c.other, c.other_port))
                continue
            record(lab, node, c.kernel, c.pci, c.port)
            record(lab, c.other, c.other_kernel, c.other_pci, c.other_port)
            namespaces.node_exec(lab, c.other, ["udevadm", "--lab-hotplug", c.other_kernel], out=out)
            if mode != "boot":
                namespaces.node_exec(lab, node, ["udevadm", "--lab-hotplug", c.kernel], out=out)


def port_iface(lab, node, port):
    """The name of port PORT's interface on NODE, whatever it is called now (en05, thunderbolt0 ...)."""
    return find_port(lab, node, lab.topology.port_pci(port))


def set_port(lab, node, port, state):
    """Sets port PORT's interface of NODE up or down; False when the interface does not exist."""
    ifc = port_iface(lab, node, port)
    if ifc is None:
        return False
    proc.run(["ip", "-n", lab.netns(node), "link", "set", ifc, state])
    return True

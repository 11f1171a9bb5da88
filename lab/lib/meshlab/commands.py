"""The lab's commands: up, down, status, reboot, cut, heal, exec (and the hooks nodes call back)."""
import os
import re

from meshlab import anchors, boot, cabling, namespaces, proc, seed
from meshlab.context import LabError, log


def need_root():
    if os.geteuid() != 0:
        raise LabError("must run as root (namespaces, mounts and veth need it)")


def _known_node(lab, node):
    if lab.topology.node(node) is None:
        raise LabError("unknown node %s" % node)


def _running_node(lab, node):
    _known_node(lab, node)
    if not namespaces.node_running(lab, node):
        raise LabError("%s is not running" % node)


def up(lab, args):
    need_root()
    namespaces.check_owner(lab)
    seed.ensure_key(lab)
    cleanup_stale(lab)
    anchors.ensure_host_anchor(lab)
    seed.seed_pve(lab)
    for node in lab.topology.names:
        seed.seed_node(lab, node)
    seed.write_known_hosts(lab)
    for n in lab.topology.nodes:
        if namespaces.node_running(lab, n.name) and proc.listening(n.ssh_port):
            log("%s: already up" % n.name)
            boot.install_into_node(lab, n.name)
            continue
        boot.boot_node(lab, n.name)
    boot.wait_ssh(lab)
    return 0


def cleanup_stale(lab):
    """Removes what a crashed lab left: namespaces of nodes no longer in the inventory or whose init
    is gone (the next boot rebuilds them)."""
    for ns in namespaces.lab_namespaces(lab):
        node = ns[len(lab.netns_prefix):]
        if ns == lab.switch_ns:
            continue
        if lab.topology.node(node) is None or not namespaces.node_running(lab, node):
            namespaces.teardown_node(lab, node)
    if os.path.isdir(lab.rundir):
        for f in sorted(os.listdir(lab.rundir)):
            if f.endswith(".mnt") and not namespaces.node_running(lab, f[:-len(".mnt")]):
                namespaces.teardown_node(lab, f[:-len(".mnt")])


def down(lab, args):
    need_root()
    purge = bool(args) and args[0] == "--purge"
    for node in lab.topology.names:
        namespaces.teardown_node(lab, node)
    # Anything else the lab made (its switch), even for nodes no longer in the inventory.
    for ns in namespaces.lab_namespaces(lab):
        namespaces.teardown_node(lab, ns[len(lab.netns_prefix):])
    anchors.stop_host_anchor(lab)
    if os.path.isdir(lab.rundir):
        for f in os.listdir(lab.rundir):
            path = os.path.join(lab.rundir, f)
            proc.unmount(path)
            proc.quiet(["rm", "-f", path])
        for _ in range(20):
            if not proc.is_mountpoint(lab.rundir):
                break
            proc.unmount(lab.rundir)
        try:
            os.rmdir(lab.rundir)
        except OSError:
            pass
    anchors.stop_host_anchor(lab)
    proc.quiet(["rm", "-rf", lab.run_dir()])
    if purge:
        proc.quiet(["rm", "-rf", lab.state])
        log("down; state removed")
    else:
        log("down (node disks and files kept in %s; --purge removes them)" % lab.state)
    return 0


def tb_links(links):
    """ "NAME(up|down,mtu N)" for each TB interface (en05/en06 or thunderbolt0/1) among LINKS (namespaces.links)."""
    out = []
    for _, name, rest in links:
        if not re.fullmatch(r"en0[56]|thunderbolt[0-9]", name):
            continue
        words = rest.split()
        mtu = words[words.index("mtu") + 1] if "mtu" in words[:-1] else ""
        out.append("%s(%s,mtu %s)" % (name, "up" if "LOWER_UP" in rest else "down", mtu))
    return out


def status(lab, args):
    row = "%-6s %-8s %-6s %-10s %s"
    print(row % ("NODE", "STATE", "SSH", "FRR", "TB LINKS"))
    rc = 0
    for n in lab.topology.nodes:
        if namespaces.node_running(lab, n.name):
            ssh = str(n.ssh_port) if proc.listening(n.ssh_port) else "down"
            frr = "running" if proc.quiet(namespaces.exec_argv(lab, n.name, ["systemctl", "is-active", "--quiet", "frr"])) \
                else "stopped"
            links = "".join(l + " " for l in tb_links(namespaces.links(lab, n.name)))
            print(row % (n.name, "running", ssh, frr, links or "-"))
        else:
            print(row % (n.name, "down", "-", "-", "-"))
            rc = 3
    cut = cabling.cuts(lab)
    if cut:
        print("cut: " + "".join(c + " " for c in cut))
    return rc


def reboot(lab, nodes):
    need_root()
    if not nodes:
        raise LabError("usage: lab reboot NODE...")
    namespaces.check_owner(lab)
    for node in nodes:
        _known_node(lab, node)
    anchors.ensure_host_anchor(lab)
    # All named nodes go down first, then come back (a simultaneous power cycle).
    for node in nodes:
        log("%s: rebooting" % node)
        namespaces.teardown_node(lab, node)
    for node in nodes:
        boot.boot_node(lab, node)
    boot.wait_ssh(lab)
    return 0


def _cable_end(lab, args, verb):
    """The running node, port and the cable's far end named by one "NODE:IFACE" argument."""
    if len(args) != 1:
        raise LabError("usage: lab %s NODE:IFACE" % verb)
    if ":" not in args[0]:
        raise LabError("want NODE:IFACE (e.g. n2:en05), got %s" % args[0])
    node, port = args[0].split(":", 1)
    _running_node(lab, node)
    cable = lab.topology.cable(node, port)
    if cable is None:
        raise LabError("%s has no cable in port %s (ports: %s; cabling in %s)"
                       % (node, port, ", ".join(sorted(lab.topology.tb_ports)), lab.inventory))
    return node, port, cable


def cut(lab, args):
    need_root()
    node, port, c = _cable_end(lab, args, "cut")
    cabling.add_cut(lab, node, port)
    # Both ends lose carrier, as with a pulled cable; addresses stay configured.
    cabling.set_port(lab, node, port, "down")
    if namespaces.node_running(lab, c.other):
        cabling.set_port(lab, c.other, c.other_port, "down")
    log("cut %s:%s <-> %s:%s" % (node, port, c.other, c.other_port))
    return 0


def heal(lab, args):
    need_root()
    node, port, c = _cable_end(lab, args, "heal")
    cabling.remove_cuts(lab, "%s:%s" % (node, port), "%s:%s" % (c.other, c.other_port))
    if cabling.set_port(lab, node, port, "up"):
        if namespaces.node_running(lab, c.other):
            cabling.set_port(lab, c.other, c.other_port, "up")
    else:
        # The cable was unplugged while a node rebooted: plug it in (hotplug on both ends).
        cabling.attach(lab, node, "hotplug")
    log("healed %s:%s <-> %s:%s" % (node, port, c.other, c.other_port))
    return 0


def exec_(lab, args):
    need_root()
    if len(args) < 2:
        raise LabError("usage: lab exec NODE CMD [ARGS...]")
    node, argv = args[0], args[1:]
    _running_node(lab, node)
    return namespaces.node_exec(lab, node, ["/bin/bash", "-c", argv[0]] if len(argv) == 1 else argv)


def poweroff(lab, node):
    """A node's emulated poweroff: it stays down until the next `lab up`."""
    namespaces.teardown_node(lab, node)
    return 0

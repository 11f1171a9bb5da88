"""The emulated 3-node Thunderbolt 4 mesh on one machine (see lab/README.md).

`lab/lab` runs this package. Its modules, in the order a `lab up` uses them:

- context:    the lab's names and paths (inventory, state directory, namespace prefix), errors
- topology:   the nodes, ports and cables, read from the lab inventory (lab/lib/labinv.py)
- proc:       running host commands, listening ports, mount points
- namespaces: a node's namespaces: is it running, entering it, its interfaces, powering it off
- anchors:    the idle processes that hold a node's namespaces and the host's (reboots reach back through it)
- seed:       a fresh node's files, the shared /etc/pve, the SSH key and known_hosts
- boot:       a node's power cycle: mounts, management NIC, modules, TB links, udev, network, units, sshd
- cabling:    the TB4 ring: plugging cables, the emulated udev database, cut and heal
- commands:   up, down, status, reboot, cut, heal, exec
- cli:        the command line of lab/lab
"""

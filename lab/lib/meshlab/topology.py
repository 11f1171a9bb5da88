"""The lab's nodes, TB4 ports and cables, as the lab inventory describes them (via labinv)."""
from collections import namedtuple

import labinv

Node = namedtuple("Node", "name nodeid ip public_ip ssh_port disks pve_version")

# One cable seen from one of its ends: this node's port, the far node and port, the kernel names
# and emulated PCI paths of both ends.
Cable = namedtuple("Cable", "port other other_port kernel other_kernel pci other_pci")


class TopologyError(Exception):
    pass


class Topology:
    """The lab model of labinv.load(): nodes in inventory order, cables, TB ports, cluster values."""

    def __init__(self, model):
        self.model = model
        self.nodes = [Node(n["name"], n["nodeid"], n["ip"], n["public_ip"], n["ssh_port"], list(n["disks"]),
                           n["pve_version"]) for n in model["nodes"]]
        self.tb_ports = model["tb_ports"]
        self.links = [((a["node"], a["port"]), (b["node"], b["port"])) for a, b in model["links"]]
        self.cluster_name = model["cluster_name"]
        self.mgmt_prefix = model["mgmt_prefix"]
        self.disk_size = model["disk_size"]

    @classmethod
    def load(cls, path):
        try:
            return cls(labinv.load(path))
        except (labinv.YamlError, OSError) as e:
            raise TopologyError("inventory: %s" % e) from e

    @property
    def names(self):
        return [n.name for n in self.nodes]

    def node(self, name):
        for n in self.nodes:
            if n.name == name:
                return n
        return None

    def cables(self, node):
        """The cables plugged into NODE, each seen from NODE's end, in inventory order."""
        out = []
        for a, b in self.links:
            for me, other in ((a, b), (b, a)):
                if me[0] == node:
                    mine, theirs = self.tb_ports[me[1]], self.tb_ports[other[1]]
                    out.append(Cable(me[1], other[0], other[1], mine["kernel"], theirs["kernel"],
                                     mine["pci"], theirs["pci"]))
        return out

    def cable(self, node, port):
        """The cable in PORT of NODE, or None."""
        for c in self.cables(node):
            if c.port == port:
                return c
        return None

    def port_pci(self, port):
        return self.tb_ports[port]["pci"] if port in self.tb_ports else None

    def cluster(self):
        """What /etc/pve/.lab/cluster.json holds: the cluster name and the nodes as the emulators read them."""
        return {"cluster_name": self.cluster_name, "nodes": self.model["nodes"]}

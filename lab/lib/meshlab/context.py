"""The lab's identity: its name, inventory, state directory and the host paths derived from them.

Several labs run side by side when each has its own MESHPLAY_LAB_NAME, MESHPLAY_LAB_STATE and an
inventory with other ports (MESHPLAY_LAB_INVENTORY).
"""
import os
import re
import sys

from meshlab.topology import Topology

NODE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
LAB_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class LabError(Exception):
    """A failure the user can act on; lab/lab prints "lab: MESSAGE" and exits with `code`."""

    def __init__(self, message, code=1):
        super().__init__(message)
        self.code = code


def log(message):
    """A progress line on stderr, as every lab command reports."""
    sys.stderr.write("lab: %s\n" % message)
    sys.stderr.flush()


class Lab:
    """Names and paths of one lab, from the environment; the topology is read on first use."""

    def __init__(self, env=None):
        env = os.environ if env is None else env
        self.lab_dir = LAB_DIR
        self.repo = os.path.dirname(LAB_DIR)
        self.inventory = env.get("MESHPLAY_LAB_INVENTORY") or os.path.join(self.repo, "inventories/lab/hosts.yml")
        self.state = env.get("MESHPLAY_LAB_STATE") or os.path.join(LAB_DIR, ".state")
        self.name = env.get("MESHPLAY_LAB_NAME") or "mpl"
        if not re.fullmatch(r"[a-z0-9]+", self.name):
            raise LabError("MESHPLAY_LAB_NAME must be lowercase letters and digits", code=2)
        # host side: the persisted namespace handles (a private mount)
        self.rundir = "/run/meshplay-lab" if self.name == "mpl" else "/run/meshplay-lab-" + self.name
        self.netns_prefix = self.name + "-"
        self.switch_ns = self.netns_prefix + "mgmt"   # the management switch the nodes' nic0 plug into
        self._topology = None

    @property
    def topology(self):
        if self._topology is None:
            self._topology = Topology.load(self.inventory)
        return self._topology

    def node_dir(self, node):
        return os.path.join(self.state, "nodes", node)

    def node_root(self, node):
        return os.path.join(self.node_dir(node), "root")

    def run_dir(self, *parts):
        """The state directory's volatile part (pids, cuts, locks), removed by `lab down`."""
        return os.path.join(self.state, "run", *parts)

    def netns(self, node):
        return self.netns_prefix + node

    def netns_path(self, node):
        return "/run/netns/" + self.netns(node)

    def handle(self, node, kind):
        """The persisted handle of a node's mount ("mnt") or UTS ("uts") namespace."""
        return os.path.join(self.rundir, "%s.%s" % (node, kind))

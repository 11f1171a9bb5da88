"""Where an emulator runs: the node, its file system root, the cluster, locking and logging.

Every absolute path goes through path(): MESHPLAY_TEST_ROOT (unit tests) prefixes it, inside a lab
node it is used as is. /etc/pve is shared by all lab nodes, so cluster-wide state lives there and is
changed only under cluster_lock().
"""
import contextlib
import fcntl
import json
import os
import shutil
import socket
import subprocess
import sys
import time


class Die(Exception):
    """A Perl-style die: the message goes to stderr and the tool exits with `code` (255 like Perl)."""

    def __init__(self, message, code=255):
        super().__init__(message)
        self.code = code


def test_root():
    return os.environ.get("MESHPLAY_TEST_ROOT") or ""


def in_lab():
    return os.environ.get("MESHPLAY_LAB") == "1"


def path(p):
    """The local path for an absolute target path."""
    root = test_root()
    return root.rstrip("/") + p if root else p


def node_name():
    return os.environ.get("MESHPLAY_LAB_NODE") or socket.gethostname().split(".")[0]


def read_text(p, default=None):
    try:
        with open(path(p), encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return default


def write_text(p, text, mode=0o644):
    """Atomic write: temp file in the same directory, fsync, rename."""
    target = path(p)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    tmp = "%s.tmp.%d" % (target, os.getpid())
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(tmp, mode)
    os.replace(tmp, target)


def read_json(p, default=None):
    text = read_text(p)
    if text is None or not text.strip():
        return default
    return json.loads(text)


def write_json(p, data):
    write_text(p, json.dumps(data, indent=1, sort_keys=True) + "\n")


def exists(p):
    return os.path.lexists(path(p))


def remove(p):
    target = path(p)
    if os.path.isdir(target) and not os.path.islink(target):
        shutil.rmtree(target)
    elif os.path.lexists(target):
        os.remove(target)


def mkdirs(p):
    os.makedirs(path(p), exist_ok=True)


@contextlib.contextmanager
def cluster_lock(name="cluster"):
    """An exclusive fcntl lock on /etc/pve/.lab/<name>.lock: lab nodes run commands concurrently."""
    lock_path = path("/etc/pve/.lab/%s.lock" % name)
    os.makedirs(os.path.dirname(lock_path), exist_ok=True)
    with open(lock_path, "a") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def cluster():
    """The lab cluster description; without one (a bare test root) the local node alone."""
    data = read_json("/etc/pve/.lab/cluster.json")
    if data is None:
        data = {"cluster_name": "lab", "nodes": [{"name": node_name(), "nodeid": 1, "ip": "127.0.0.1", "disks": []}]}
    return data


def cluster_nodes():
    return [n["name"] for n in cluster()["nodes"]]


def node_info(name):
    for n in cluster()["nodes"]:
        if n["name"] == name:
            return n
    return None


DEFAULT_PVE_VERSION = "9.0.10"


def pve_version(name=None):
    """The Proxmox VE release NODE runs (`pve_version` in cluster.json, written from the inventory's
    `lab_pve_version`; default 9.0.10), as text."""
    info = node_info(name or node_name()) or {}
    return str(info.get("pve_version") or DEFAULT_PVE_VERSION)


def release_at_least(version, wanted):
    """Whether the dotted VERSION ("9.1.2") is at least WANTED ((9, 1))."""
    parts = []
    for p in version.split("."):
        digits = "".join(ch for ch in p if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts[:len(wanted)]) >= tuple(wanted)


def node_exec():
    """The command that runs something inside another lab node, or None.

    In a lab node it is `lab-node-exec` from PATH. Under a test root it is only what
    MESHPLAY_LAB_NODE_EXEC names (a stand-in), never the real one: a unit test must not reach
    into a running lab."""
    if test_root():
        return os.environ.get("MESHPLAY_LAB_NODE_EXEC") or None
    return shutil.which("lab-node-exec")


def can_fan_out():
    return node_exec() is not None


def record_action(argv):
    """Under a test root, host-changing commands are recorded instead of run."""
    log = path("/var/log/meshplay-lab/actions.log")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    with open(log, "a", encoding="utf-8") as f:
        f.write(" ".join(argv) + "\n")


def run_host_action(argv, timeout=120):
    """Runs a command that changes the node (ifreload, systemctl): recorded only under a test root,
    where it fails (exit 1, the file's text on stderr) when /var/lib/meshplay-lab/test-fail/<command>
    exists, so tests can make e.g. ifreload fail on one node."""
    if test_root():
        record_action(argv)
        failure = read_text("/var/lib/meshplay-lab/test-fail/" + os.path.basename(argv[0]))
        return (1, "", failure) if failure is not None else (0, "", "")
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except FileNotFoundError:
        return 127, "", "%s: command not found\n" % argv[0]
    except subprocess.TimeoutExpired:
        return 124, "", "%s: timed out after %ds\n" % (argv[0], timeout)


def node_addresses():
    """The node's IPv4 addresses from `ip -j addr` (inside a lab node: its own netns).

    Under a test root the addresses come from /etc/pve/.lab/addresses.json {"node": ["ip/len", ...]}
    (absent: none), so tests can state what the node has without touching the host's network.
    """
    if test_root():
        data = read_json("/etc/pve/.lab/addresses.json", {})
        return [a.split("/")[0] for a in data.get(node_name(), [])]
    try:
        out = subprocess.run(["ip", "-j", "addr"], capture_output=True, text=True, timeout=10).stdout
        result = []
        for link in json.loads(out or "[]"):
            if "UP" not in link.get("flags", []) and link.get("ifname") != "lo":
                continue
            for a in link.get("addr_info", []):
                if a.get("family") == "inet":
                    result.append(a["local"])
        return result
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return []


def now():
    return int(time.time())


def main_wrapper(fn, argv):
    """Runs fn(argv); a Die becomes stderr text and its exit code."""
    try:
        rc = fn(argv)
        sys.stdout.flush()
        return rc or 0
    except Die as e:
        sys.stdout.flush()
        msg = str(e)
        sys.stderr.write(msg if msg.endswith("\n") else msg + "\n")
        return e.code
    except BrokenPipeError:
        return 141

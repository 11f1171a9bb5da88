"""Helpers shared by the lab's Python emulators, inside a node.

Installed in each node as /usr/local/lib/meshplay-lab/labnode.py.
"""
import os
import subprocess
import sys

LAB_ENV = "/run/meshplay-lab/env"
VOLATILE = "/run/meshplay-lab-state"          # node /run: empty after every boot
PERSISTENT = "/var/lib/meshplay-lab"          # node /var/lib: survives reboots


def lab_env():
    env = {}
    try:
        with open(LAB_ENV) as f:
            for line in f:
                k, sep, v = line.rstrip("\n").partition("=")
                if sep:
                    env[k] = v.strip('"')
    except OSError:
        pass
    return env


def node_name():
    return lab_env().get("LAB_NODE") or os.environ.get("MESHPLAY_LAB_NODE") or os.uname().nodename


def atomic_write(path, text, mode=0o644):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = "%s.tmp.%d" % (path, os.getpid())
    with open(tmp, "w") as f:
        f.write(text)
    os.chmod(tmp, mode)
    os.replace(tmp, path)


def read(path, default=""):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return default


def host_lab(*args):
    """Runs lab/lab on the lab's host (outside every node namespace) and waits for it."""
    env = lab_env()
    host = read("/run/meshplay-lab/pids/host.pid").strip() or "1"
    cmd = ["nsenter", "--target", host, "--mount", "--net", "--uts", "--",
           "env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
           "MESHPLAY_LAB_NAME=" + env.get("LAB_NAME", "mpl"),
           "MESHPLAY_LAB_STATE=" + env.get("LAB_STATE", ""),
           "MESHPLAY_LAB_INVENTORY=" + env.get("LAB_INVENTORY", ""),
           "/bin/bash", os.path.join(env.get("LAB_DIR", "/nonexistent"), "lab")] + list(args)
    return subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          universal_newlines=True)


def err(prog, msg):
    sys.stderr.write("%s: %s\n" % (prog, msg))

"""pveceph's steps on the lab's real Ceph 16 daemons (inside a lab node, when the machine has Ceph).

pveceph keeps its own behaviour (parameters, checks, tasks, exit codes) and its bookkeeping in
/etc/pve/.lab/ceph/state.json (for pvesh's listings), but in a lab node the daemons it creates are
real: these functions run the machine's ceph-authtool, monmaptool, ceph-mon, ceph-osd and the ceph
CLI inside the node, as pve-manager's PVE/API2/Ceph/{MON,MGR,OSD,Pool}.pm and PVE/Ceph/Tools.pm and
ceph-volume do. Under a test root (unit tests) none of this runs: active() is false there.
"""
import base64
import json
import os
import re
import struct
import subprocess
import sys
import time

from . import env
from .env import Die

LAB_LIB = "/usr/local/lib/meshplay-lab"
MON_KEYRING = "/etc/pve/priv/ceph.mon.keyring"        # PVE::Ceph::Tools pve_mon_key_path
ADMIN_KEYRING = "/etc/pve/priv/ceph.client.admin.keyring"
MONMAP = "/tmp/monmap"
ERROR_PREFIX = re.compile(r"^Error E[A-Z]+:\s*")


def labceph():
    if LAB_LIB not in sys.path:
        sys.path.insert(0, LAB_LIB)
    import labceph as module
    return module


def active():
    """Real daemons only inside a lab node of a machine that has Ceph, never under a test root."""
    if env.test_root() or not env.in_lab():
        return False
    try:
        return labceph().available()
    except ImportError:
        return False


def new_key():
    """A cephx secret as ceph-authtool --gen-print-key makes it: type 1 (AES), creation time,
    16 random bytes, base64."""
    now = time.time()
    return base64.b64encode(struct.pack("<HIIH", 1, int(now), int((now % 1) * 1e9), 16) + os.urandom(16)).decode()


def run(argv, stdin=None, timeout=120):
    try:
        p = subprocess.run(argv, input=stdin, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return 110, "", "%s: timed out after %ds\n" % (argv[0], timeout)


def checked(task, argv, stdin=None, timeout=120):
    """run_command: logs the command, dies with PVE's `command '...' failed: exit code N`."""
    rc, out, err = run(argv, stdin, timeout)
    if rc != 0:
        task.log((out + err).rstrip())
        raise Die("command '%s' failed: exit code %d" % (" ".join(argv), rc))
    return out


def mon_command(argv, stdin=None, timeout=60):
    """A `ceph` call as PVE::RADOS->mon_command: the mon's own message on failure, as
    `mon_command failed - <message>`."""
    rc, out, err = run(["/usr/bin/ceph"] + argv, stdin, timeout)
    if rc != 0:
        raise Die("mon_command failed - %s" % ERROR_PREFIX.sub("", err.strip()).strip())
    return out


def ensure_admin_keyring():
    """PVE::Ceph::Tools::get_or_create_admin_keyring: client.admin with every cap."""
    if not env.exists(ADMIN_KEYRING):
        env.write_text(ADMIN_KEYRING, "[client.admin]\n\tkey = %s\n\tcaps mds = \"allow *\"\n\tcaps mgr = \"allow *\"\n"
                                      "\tcaps mon = \"allow *\"\n\tcaps osd = \"allow *\"\n" % new_key(), 0o600)


def mon_mkfs(task, monid, addr, first, fsid):
    """MON.pm createmon: the mon. keyring (with client.admin imported), the monmap (new for the
    first monitor, else the cluster's `mon getmap` plus this one), `ceph-mon --mkfs`."""
    ensure_admin_keyring()
    if not env.exists(MON_KEYRING):
        task.log("creating new monitor keyring")
        env.write_text(MON_KEYRING, "[mon.]\n\tkey = %s\n\tcaps mon = \"allow *\"\n" % new_key()
                       + env.read_text(ADMIN_KEYRING), 0o600)
    addrv = "[v2:%s:3300,v1:%s:6789]" % (addr, addr)
    tool = ["monmaptool", "--clobber", "--addv", monid, addrv, "--print", MONMAP]
    if first:
        checked(task, tool + ["--create", "--fsid", fsid])
    else:
        mon_command(["mon", "getmap", "-o", MONMAP])
        checked(task, tool)
    mondir = "/var/lib/ceph/mon/ceph-%s" % monid
    try:
        checked(task, ["ceph-mon", "--mkfs", "-i", monid, "--monmap", MONMAP, "--keyring", MON_KEYRING]
                + labceph().options("mon"))
    except Die:
        env.remove(mondir)
        raise
    finally:
        env.remove(MONMAP)


def mgr_keyring(mgrid):
    """PVE::Ceph::Services::create_mgr: `auth get-or-create mgr.ID` into the manager's keyring."""
    return mon_command(["auth", "get-or-create", "mgr." + mgrid, "mon", "allow profile mgr", "osd", "allow *",
                        "mds", "allow *"])


def osd_create(task, dev, osd_fsid, device_class):
    """What `ceph-volume lvm create --data DEV` does, with the node's disk file as BlueStore's
    block instead of an LV: `osd new` with a fresh cephx secret, the OSD directory with `block`
    linked to the disk, `ceph-osd --mkfs`, the device class. Returns the OSD id."""
    secret = new_key()
    osd_id = int(mon_command(["osd", "new", osd_fsid, "-i", "-"], stdin=json.dumps({"cephx_secret": secret})).strip())
    directory = "/var/lib/ceph/osd/ceph-%d" % osd_id
    env.mkdirs(directory)
    link = env.path(directory + "/block")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink(dev, link)
    env.write_text(directory + "/keyring", "[osd.%d]\n\tkey = %s\n" % (osd_id, secret), 0o600)
    task.log("Running command: /usr/bin/ceph-osd --cluster ceph --osd-objectstore bluestore --mkfs -i %d "
             "--osd-data %s/ --osd-uuid %s --setuser ceph --setgroup ceph" % (osd_id, directory, osd_fsid))
    checked(task, ["ceph-osd", "--cluster", "ceph", "--mkfs", "-i", str(osd_id), "--osd-uuid", osd_fsid,
                   "--osd-objectstore", "bluestore", "--key", secret] + labceph().options("osd"), timeout=300)
    if device_class:
        mon_command(["osd", "crush", "rm-device-class", "osd.%d" % osd_id])
        mon_command(["osd", "crush", "set-device-class", device_class, "osd.%d" % osd_id])
    return osd_id


def pool_create(name, pg_num):
    """PVE::Ceph::Tools::create_pool: `osd pool create` (the mon's error passes through)."""
    mon_command(["osd", "pool", "create", name, str(pg_num)])


def pool_set(name, key, value):
    """Pool.pm set_pool: one `osd pool set` (or `application enable`) per setting."""
    if key == "application":
        mon_command(["osd", "pool", "application", "enable", name, value])
    else:
        mon_command(["osd", "pool", "set", name, key, str(value)])


def pool_delete(name):
    mon_command(["osd", "pool", "rm", name, name, "--yes-i-really-really-mean-it"])


def exec_tool(tool, argv):
    """The `ceph` and `rados` commands of a lab node: the real client with the node's
    /etc/ceph/ceph.conf and the admin keyring it names, after `pveceph install` (before it, the
    tool does not exist on the node: exit 127). `ceph --version` answers for the package that
    pveceph install put on the node (the emulated Squid), since the client binary is Pacific's;
    every answer of the cluster comes from the real daemons."""
    from . import cephstate as cs
    cs.require_binary(tool)
    if tool == "ceph" and argv in (["--version"], ["-v"]):
        print(cs.VERSION_LINE)
        return 0
    sys.stdout.flush()
    os.execv("/usr/bin/" + tool, [tool] + argv)

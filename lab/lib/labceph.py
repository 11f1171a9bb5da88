"""The lab's real Ceph inside a node: which daemons run, with which lab-only options.

Installed in each node as /usr/local/lib/meshplay-lab/labceph.py, beside labnode.py. The node's
emulated systemctl runs the ceph-mon@, ceph-mgr@ and ceph-osd@ units with these command lines, and
the pveceph emulator uses the same options for `ceph-mon --mkfs` and `ceph-osd --mkfs`.

The daemons are Debian's Ceph 16 binaries of the machine (/usr/bin/ceph-mon ...), run as root in the
node's namespaces. They read the node's /etc/ceph/ceph.conf (the link to /etc/pve/ceph.conf that
pveceph writes) and keep every file under the node's own /var/lib/ceph, /var/log/ceph and /run/ceph,
which are the node's directories in the lab's state. The lab's options below are given on the
command line, so /etc/pve/ceph.conf stays the file PVE writes; a command-line option also outranks
the configuration database, so a playbook's `ceph config set osd osd_memory_target 8G` is stored
and shown by `ceph config dump` but the lab's OSDs keep their small cache.
"""
import os
import re

BINARIES = {"mon": "/usr/bin/ceph-mon", "mgr": "/usr/bin/ceph-mgr", "osd": "/usr/bin/ceph-osd"}
UNIT = re.compile(r"^ceph-(mon|mgr|osd)@([A-Za-z0-9_.-]+)\.service$")
# The daemons' admin sockets and logs: ceph-common's tmpfiles.d makes /run/ceph at every boot and
# the packages make /var/log/ceph; a node's /run is emptied at boot and its /var/log is its own.
RUNTIME_DIRS = ("/run/ceph", "/var/log/ceph")
TARGETS = {"ceph.target": ("mon", "mgr", "osd"), "ceph-mon.target": ("mon",),
           "ceph-mgr.target": ("mgr",), "ceph-osd.target": ("osd",)}

# Small memory and a quiet health on a shared 2-core machine (see lab/README.md "Real Ceph").
COMMON = {
    "mon_data_avail_warn": "5",                       # HEALTH_WARN MON_DISK_LOW on a fuller root otherwise
    "osd_pool_default_pg_autoscale_mode": "off",      # the autoscaler would merge PGs under a bench
    "mon_cluster_log_file": "default=/var/log/ceph/ceph.$channel.log cluster=/var/log/ceph/ceph.log",
    "mgr_initial_modules": "iostat",                  # no dashboard (not installed), no restful
    # OSD_SLOW_PING_TIME_BACK/FRONT: by default a heartbeat slower than 5 % of osd_heartbeat_grace
    # (1 s) in any of the last 1/5/15 minutes' averages; the veth pings of a busy 2-core machine pass
    # that, and a 15-minute average keeps the cluster HEALTH_WARN long after. The lab warns at 10 s
    # (half the grace); the mark-down at the grace itself is unchanged.
    "mon_warn_on_slow_ping_time": "10000",
}
DAEMON_OPTIONS = {
    "mon": {},
    "mgr": {},
    "osd": {
        "osd_memory_target": "939524096",              # Ceph 16's minimum; a lower value is ignored
        "bluestore_fsck_on_mkfs": "false",
        "bluestore_fsck_on_mount": "false",
        "bluestore_block_create": "false",             # the block is the node's disk, never a new file
    },
}


def available():
    """True when the machine has the Ceph daemons (Debian's ceph-mon, ceph-mgr, ceph-osd)."""
    return all(os.access(b, os.X_OK) for b in BINARIES.values())


def options(kind):
    """The lab's options for a daemon kind as command-line arguments."""
    merged = dict(COMMON, **DAEMON_OPTIONS[kind])
    return ["--%s=%s" % (k, v) for k, v in sorted(merged.items())]


def unit_daemon(unit):
    """(kind, id) for ceph-mon@ID / ceph-mgr@ID / ceph-osd@ID service units, else None."""
    m = UNIT.match(unit)
    return (m.group(1), m.group(2)) if m else None


def daemon_argv(kind, ident):
    """The command line of the package's unit (ceph-X -f --cluster ceph --id ID), run as root, plus
    the lab's options."""
    return [BINARIES[kind], "-f", "--cluster", "ceph", "--id", ident] + options(kind)


def target_kinds(unit):
    """The daemon kinds a Ceph target stands for (its units are PartOf it), or None."""
    return TARGETS.get(unit)

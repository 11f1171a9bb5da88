"""The emulated Ceph cluster: its shared state (/etc/pve/.lab/ceph/state.json), ceph.conf, the
per-node install marker, and what the cluster reports (PG states, health, status)."""
import ipaddress
import json
import os
import time
import uuid

from . import env
from .env import Die

STATE = "/etc/pve/.lab/ceph/state.json"
CEPH_CONF = "/etc/pve/ceph.conf"
INSTALLED = "/var/lib/meshplay-lab/ceph-installed"
VERSION = "19.2.3"
VERSION_LINE = "ceph version 19.2.3 (c92aebb279828e9c3c1f5d24613efca272649e62) squid (stable)"
CEPH_BINARIES = ("/usr/bin/ceph", "/usr/bin/ceph-mon", "/usr/bin/ceph-mgr", "/usr/bin/ceph-osd", "/usr/bin/ceph-mds", "/usr/sbin/ceph-volume")


# ---------------------------------------------------------------- install / availability

def installed():
    return env.exists(INSTALLED)


def require_binary(tool):
    """Before `pveceph install` the ceph CLI tools do not exist on the node."""
    if not installed():
        raise Die("%s: command not found" % tool, 127)


def check_installed():
    if not installed():
        raise Die("binary not installed: /usr/bin/ceph-mon")


# ---------------------------------------------------------------- ceph.conf

def read_conf():
    """ceph.conf as {section: {key: value}} (keys with spaces normalised to '_')."""
    conf = {}
    section = None
    for raw in (env.read_text(CEPH_CONF, "") or "").splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            conf.setdefault(section, {})
        elif "=" in line and section is not None:
            k, v = line.split("=", 1)
            conf[section][k.strip().replace(" ", "_")] = v.strip()
    return conf


def write_conf(conf):
    """Section order and key sorting of PVE's CephConfig::write_ceph_config."""
    def rank(name):
        order = ["global", "client", "client.", "mds", "mds.", "mon", "mon.", "osd", "osd.", "mgr", "mgr."]
        for i, prefix in enumerate(order):
            if name == prefix or (prefix.endswith(".") and name.startswith(prefix)):
                return (i, name)
        return (len(order), name)
    out = []
    for section in sorted(conf, key=rank):
        out.append("[%s]\n" % section)
        for k in sorted(conf[section]):
            out.append("\t%s = %s\n" % (k, conf[section][k]))
        out.append("\n")
    env.write_text(CEPH_CONF, "".join(out), 0o640)


def conf_fsid():
    return read_conf().get("global", {}).get("fsid")


def check_inited():
    if not conf_fsid():
        raise Die("pveceph configuration not initialized")


# ---------------------------------------------------------------- state

def empty_state():
    return {"mons": {}, "mgrs": {}, "active_mgr": None, "osds": {}, "pools": {}, "next_pool": 1,
            "config": [], "flags": [], "epoch": 1, "pool_objects": {}}


def load():
    return env.read_json(STATE, None) or empty_state()


def save(state):
    state["epoch"] = int(state.get("epoch", 1)) + 1
    env.write_json(STATE, state)


def require_cluster(state):
    """A client needs a ceph.conf and a monitor to talk to."""
    if not env.exists(CEPH_CONF):
        raise Die("Error initializing cluster client: ObjectNotFound('RADOS object not found (error calling conf_read_file)')", 1)
    if not state["mons"]:
        raise Die("[errno 2] RADOS object not found (error connecting to the cluster)", 1)


def new_uuid():
    return str(uuid.uuid4())


def conf_value(name, default=None):
    conf = read_conf()
    for section in ("global",):
        if name in conf.get(section, {}):
            return conf[section][name]
    return default


def networks():
    g = read_conf().get("global", {})
    return g.get("public_network"), g.get("cluster_network")


def address_in(cidr_list, addresses):
    """The first address inside any of the comma-separated networks."""
    if not cidr_list:
        return None
    nets = [ipaddress.ip_network(c.strip(), strict=False) for c in cidr_list.replace(" ", ",").split(",") if c.strip()]
    for a in addresses:
        ip = ipaddress.ip_address(a)
        if any(ip in n for n in nets):
            return a
    return None


# ---------------------------------------------------------------- derived cluster state

def up_in_osds(state):
    return [o for o in state["osds"].values() if o["up"] and o["in"]]


def pool_pg_state(state, pool):
    """PG states of a pool with CRUSH failure domain host: enough hosts with up+in OSDs -> clean."""
    osds = up_in_osds(state)
    hosts = {o["host"] for o in osds}
    n = pool["pg_num"]
    if not osds:
        return {"unknown": n}
    if len(hosts) >= pool["size"]:
        return {"active+clean": n}
    if len(hosts) >= pool["min_size"]:
        return {"active+undersized": n}
    return {"undersized+peered": n}


def pg_summary(state):
    total = {}
    for pool in state["pools"].values():
        for k, v in pool_pg_state(state, pool).items():
            total[k] = total.get(k, 0) + v
    return total


def health_checks(state):
    checks = {}

    def add(code, severity, message, count=1, detail=()):
        checks[code] = {"severity": severity, "summary": {"message": message, "count": count},
                        "detail": [{"message": d} for d in detail], "muted": False}
    if not state["mgrs"]:
        add("MGR_DOWN", "HEALTH_WARN", "no active mgr")
    flags = state.get("flags", [])
    if flags:
        add("OSDMAP_FLAGS", "HEALTH_WARN", "%s flag(s) set" % ",".join(flags))
    down = [o for o in state["osds"].values() if not o["up"]]
    if down:
        add("OSD_DOWN", "HEALTH_WARN", "%d osds down" % len(down), len(down),
            ["osd.%d (root=default,host=%s) is down" % (o["id"], o["host"]) for o in down])
    default_size = int(conf_value("osd_pool_default_size", "3"))
    if len(state["osds"]) < default_size:
        add("TOO_FEW_OSDS", "HEALTH_WARN", "OSD count %d < osd_pool_default_size %d" % (len(state["osds"]), default_size))
    pgs = pg_summary(state)
    inactive = sum(v for k, v in pgs.items() if "active" not in k.split("+"))
    if inactive:
        add("PG_AVAILABILITY", "HEALTH_WARN", "Reduced data availability: %d pgs inactive" % inactive, inactive)
    undersized = sum(v for k, v in pgs.items() if "undersized" in k)
    if undersized:
        add("PG_DEGRADED", "HEALTH_WARN", "Degraded data redundancy: %d pgs undersized" % undersized, undersized)
    no_app = [p for p, v in state["pools"].items() if not v.get("application_metadata")]
    if no_app:
        add("POOL_APP_NOT_ENABLED", "HEALTH_WARN", "%d pool(s) do not have an application enabled" % len(no_app), len(no_app),
            ["application not enabled on pool '%s'" % p for p in no_app])
    return checks


def health(state):
    checks = health_checks(state)
    status = "HEALTH_OK"
    if any(c["severity"] == "HEALTH_ERR" for c in checks.values()):
        status = "HEALTH_ERR"
    elif checks:
        status = "HEALTH_WARN"
    return {"status": status, "checks": checks, "mutes": []}


def age(ts):
    secs = max(0, int(time.time()) - int(ts))
    if secs < 120:
        return "%ds" % secs
    if secs < 7200:
        return "%dm" % (secs // 60)
    if secs < 172800:
        return "%dh" % (secs // 3600)
    return "%dd" % (secs // 86400)


def bytes_h(n):
    for unit in ("B", "KiB", "MiB", "GiB", "TiB", "PiB"):
        if n < 1024 or unit == "PiB":
            return ("%d %s" % (n, unit)) if unit == "B" else ("%.1f %s" % (n, unit)).replace(".0 ", " ")
        n /= 1024.0


def disk_size(devpath):
    """Size of an emulated disk file on this node (0 when it is not visible here)."""
    try:
        p = env.path(devpath)
        with open(p, "rb") as f:
            f.seek(0, os.SEEK_END)
            return f.tell()
    except OSError:
        return 0


def usage(state):
    raw = sum(o.get("size", 0) for o in state["osds"].values())
    used = 0
    objects = 0
    for name, objs in state.get("pool_objects", {}).items():
        size = state["pools"].get(name, {}).get("size", 1)
        for o in objs:
            used += o["size"] * size
            objects += 1
    return raw, used, objects


def logical_bytes(state):
    """Bytes stored in objects, before replication."""
    return sum(o["size"] for objs in state.get("pool_objects", {}).values() for o in objs)


def status_json(state):
    h = health(state)
    mons = sorted(state["mons"].values(), key=lambda m: m["rank"])
    osds = state["osds"].values()
    raw, used, objects = usage(state)
    pgs = pg_summary(state)
    return {
        "fsid": conf_fsid(),
        "health": h,
        "election_epoch": 2 * len(mons) + 1,
        "quorum": [m["rank"] for m in mons],
        "quorum_names": [m["name"] for m in mons],
        "quorum_age": int(time.time()) - min([m["created"] for m in mons] or [int(time.time())]),
        "monmap": {"epoch": len(mons), "min_mon_release_name": "squid", "num_mons": len(mons)},
        "osdmap": {"epoch": state["epoch"], "num_osds": len(osds), "num_up_osds": sum(1 for o in osds if o["up"]),
                   "osd_up_since": max([o.get("up_since", 0) for o in osds] or [0]),
                   "num_in_osds": sum(1 for o in osds if o["in"]), "osd_in_since": max([o.get("in_since", 0) for o in osds] or [0]),
                   "num_remapped_pgs": 0},
        "pgmap": {"pgs_by_state": [{"state_name": k, "count": v} for k, v in sorted(pgs.items())],
                  "num_pgs": sum(pgs.values()), "num_pools": len(state["pools"]), "num_objects": objects,
                  "data_bytes": logical_bytes(state), "bytes_used": used, "bytes_avail": max(0, raw - used), "bytes_total": raw},
        "mgrmap": {"available": bool(state["mgrs"]), "num_standbys": max(0, len(state["mgrs"]) - 1),
                   "modules": ["iostat", "nfs", "restful"], "services": {}},
        "servicemap": {"epoch": 1, "modified": "0.000000", "services": {}},
        "progress_events": {},
    }


def status_text(state):
    h = health(state)
    mons = sorted(state["mons"].values(), key=lambda m: m["rank"])
    lines = ["  cluster:", "    id:     %s" % conf_fsid(), "    health: %s" % h["status"]]
    for c in h["checks"].values():
        lines.append("            %s" % c["summary"]["message"])
    lines += ["", "  services:"]
    if mons:
        lines.append("    mon: %d daemons, quorum %s (age %s)" % (len(mons), ",".join(m["name"] for m in mons),
                                                                 age(max(m["created"] for m in mons))))
    active = state.get("active_mgr")
    if active:
        standbys = sorted(m for m in state["mgrs"] if m != active)
        line = "    mgr: %s(active, since %s)" % (active, age(state["mgrs"][active]["created"]))
        if standbys:
            line += ", standbys: %s" % ", ".join(standbys)
        lines.append(line)
    else:
        lines.append("    mgr: no daemons active")
    osds = list(state["osds"].values())
    up = [o for o in osds if o["up"]]
    inn = [o for o in osds if o["in"]]
    if osds:
        lines.append("    osd: %d osds: %d up (since %s), %d in (since %s)" % (
            len(osds), len(up), age(max([o.get("up_since", 0) for o in up] or [time.time()])),
            len(inn), age(max([o.get("in_since", 0) for o in inn] or [time.time()]))))
    else:
        lines.append("    osd: 0 osds: 0 up, 0 in")
    if state.get("flags"):
        lines.append("         flags %s" % ",".join(state["flags"]))
    raw, used, objects = usage(state)
    pgs = pg_summary(state)
    lines += ["", "  data:", "    pools:   %d pools, %d pgs" % (len(state["pools"]), sum(pgs.values())),
              "    objects: %d objects, %s" % (objects, bytes_h(logical_bytes(state))),
              "    usage:   %s used, %s / %s avail" % (bytes_h(used), bytes_h(max(0, raw - used)), bytes_h(raw))]
    if pgs:
        first = True
        for k, v in sorted(pgs.items(), key=lambda kv: -kv[1]):
            lines.append(("    pgs:     " if first else "             ") + "%d %s" % (v, k))
            first = False
    else:
        lines.append("    pgs:     ")
    return "\n".join(lines) + "\n \n"


def osd_tree(state):
    hosts = {}
    for o in sorted(state["osds"].values(), key=lambda o: o["id"]):
        hosts.setdefault(o["host"], []).append(o)
    nodes = []
    host_ids = {}
    for i, h in enumerate(sorted(hosts, key=lambda h: min(o["id"] for o in hosts[h]))):
        host_ids[h] = -3 - 2 * i
    nodes.append({"id": -1, "name": "default", "type": "root", "type_id": 11, "children": sorted(host_ids.values(), reverse=True)})
    for h, hid in host_ids.items():
        nodes.append({"id": hid, "name": h, "type": "host", "type_id": 1, "pool_weights": {},
                      "children": sorted((o["id"] for o in hosts[h]), reverse=True)})
    for o in sorted(state["osds"].values(), key=lambda o: o["id"]):
        nodes.append({"id": o["id"], "device_class": o["device_class"], "name": "osd.%d" % o["id"], "type": "osd",
                      "type_id": 0, "crush_weight": o["crush_weight"], "depth": 2, "pool_weights": {}, "exists": 1,
                      "status": "up" if o["up"] else "down", "reweight": 1.0 if o["in"] else 0.0, "primary_affinity": 1.0})
    return {"nodes": nodes, "stray": []}, host_ids


def osd_by_id(state, osd_id):
    o = state["osds"].get(str(osd_id))
    return o


def json_out(data, pretty=False):
    if pretty:
        print(json.dumps(data, indent=4))
    else:
        print(json.dumps(data, separators=(",", ":")))

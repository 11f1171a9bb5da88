"""The `ceph` CLI: status/health, osd, pool, mon/mgr dumps, the config database, daemon sockets.
Errors are printed as the mon returns them ("Error EINVAL: ...") and the exit code is the errno."""
import json
import sys

from . import cephstate as cs
from . import env, options, pools
from .env import Die

EINVAL, ENOENT, EBUSY = 22, 2, 16
VALID_WHO = ("global", "mon", "mgr", "osd", "mds", "client")


def main(argv):
    cs.require_binary("ceph")
    fmt = "plain"
    args = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-f", "--format") and i + 1 < len(argv):
            fmt = argv[i + 1]
            i += 2
            continue
        if a.startswith("--format="):
            fmt = a.split("=", 1)[1]
        elif a in ("-v", "--version"):
            print(cs.VERSION_LINE)
            return 0
        elif a in ("-s",):
            args.append("status")
        else:
            args.append(a)
        i += 1
    if not args:
        raise Die("ceph: interactive mode is not available in the lab", 1)
    if args == ["version"]:
        print(cs.VERSION_LINE if fmt == "plain" else json.dumps({"version": cs.VERSION_LINE}))
        return 0
    if args[0] == "daemon":
        return daemon(args[1:], fmt)
    state = cs.load()
    cs.require_cluster(state)
    return dispatch(state, args, fmt)


def out(data, fmt, plain):
    if fmt in ("json", "json-pretty"):
        cs.json_out(data, pretty=fmt == "json-pretty")
    else:
        text = plain() if callable(plain) else plain
        if text:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")


def err(text):
    sys.stderr.write(text + "\n")


def dispatch(state, a, fmt):
    cmd = " ".join(a[:2])
    if a[0] == "status":
        out(cs.status_json(state), fmt, lambda: cs.status_text(state))
        return 0
    if a[0] == "health":
        h = cs.health(state)
        detail = len(a) > 1 and a[1] == "detail"

        def plain():
            lines = [h["status"] + ("" if not h["checks"] else " " + "; ".join(c["summary"]["message"] for c in h["checks"].values()))]
            if detail:
                for code, c in h["checks"].items():
                    lines.append("[WRN] %s: %s" % (code, c["summary"]["message"]))
                    lines += ["    " + d["message"] for d in c["detail"]]
            return "\n".join(lines)
        out(h, fmt, plain)
        return 0
    if a[0] == "osd":
        return osd(state, a[1:], fmt)
    if cmd == "mon dump":
        return mon_dump(state, fmt)
    if a[0] == "quorum_status":
        mons = sorted(state["mons"].values(), key=lambda m: m["rank"])
        data = {"election_epoch": 2 * len(mons) + 1, "quorum": [m["rank"] for m in mons],
                "quorum_names": [m["name"] for m in mons], "quorum_leader_name": mons[0]["name"],
                "quorum_age": env.now() - min(m["created"] for m in mons), "monmap": monmap(state)}
        cs.json_out(data, pretty=fmt == "json-pretty")
        return 0
    if cmd == "mgr dump":
        active = state.get("active_mgr")
        data = {"epoch": state["epoch"], "active_gid": 1 if active else 0, "active_name": active or "",
                "active_addr": ("%s:6800/0" % state["mgrs"][active]["addr"]) if active else "", "available": bool(active),
                "standbys": [{"gid": i + 2, "name": m} for i, m in enumerate(sorted(x for x in state["mgrs"] if x != active))],
                "modules": ["iostat", "nfs", "restful"]}
        cs.json_out(data, pretty=fmt == "json-pretty")
        return 0
    if a[0] == "config":
        return config(state, a[1:], fmt)
    if a[0] == "df":
        raw, used, objects = cs.usage(state)
        out({"stats": {"total_bytes": raw, "total_used_bytes": used, "total_avail_bytes": raw - used},
             "pools": [{"name": p, "id": v["pool"], "stats": {"objects": len(state["pool_objects"].get(p, []))}}
                       for p, v in state["pools"].items()]}, fmt,
            "--- RAW STORAGE ---\nTOTAL  %s  %s used\n" % (cs.bytes_h(raw), cs.bytes_h(used)))
        return 0
    raise Die("no valid command found; 10 closest matches:\nstatus\nhealth\nosd tree\nosd dump\nconfig dump", EINVAL)


def monmap(state):
    mons = sorted(state["mons"].values(), key=lambda m: m["rank"])
    return {"epoch": len(mons), "fsid": cs.conf_fsid(), "min_mon_release": 19, "min_mon_release_name": "squid",
            "election_strategy": 1, "disallowed_leaders": "", "stretch_mode": False,
            "mons": [{"rank": m["rank"], "name": m["name"],
                      "public_addrs": {"addrvec": [{"type": "v2", "addr": "%s:3300" % m["addr"], "nonce": 0},
                                                   {"type": "v1", "addr": "%s:6789" % m["addr"], "nonce": 0}]},
                      "addr": "%s:6789/0" % m["addr"], "public_addr": "%s:6789/0" % m["addr"], "priority": 0, "weight": 0,
                      "crush_location": "{}"} for m in mons],
            "quorum": [m["rank"] for m in mons]}


def mon_dump(state, fmt):
    mm = monmap(state)

    def plain():
        lines = ["epoch %d" % mm["epoch"], "fsid %s" % mm["fsid"], "min_mon_release 19 (squid)", "election_strategy: 1"]
        lines += ["%d: [v2:%s:3300/0,v1:%s:6789/0] mon.%s" % (m["rank"], m["addr"].split(":")[0], m["addr"].split(":")[0], m["name"])
                  for m in mm["mons"]]
        return "\n".join(lines)
    out(mm, fmt, plain)
    err("dumped monmap epoch %d" % mm["epoch"])
    return 0


# ---------------------------------------------------------------- osd

def osd(state, a, fmt):
    if not a:
        raise Die("Invalid command: missing required parameter", EINVAL)
    sub = a[0]
    if sub == "tree":
        tree, host_ids = cs.osd_tree(state)
        out(tree, fmt, lambda: tree_text(state, tree))
        return 0
    if sub == "ls":
        ids = sorted(o["id"] for o in state["osds"].values())
        out(ids, fmt, "\n".join(str(i) for i in ids))
        return 0
    if sub == "dump":
        data = osd_dump(state)
        out(data, fmt, lambda: "\n".join(["epoch %d" % data["epoch"], "fsid %s" % data["fsid"], "flags %s" % data["flags"]]
                                         + [pools.detail_line(p) for p in state["pools"].values()]
                                         + ["osd.%d %s %s weight %s %s %s" % (o["osd"], "up" if o["up"] else "down",
                                                                               "in" if o["in"] else "out", o["weight"],
                                                                               o["public_addr"], o["cluster_addr"])
                                            for o in data["osds"]]))
        return 0
    if sub == "metadata":
        if len(a) > 1:
            o = _osd(state, a[1])
            out(metadata(o), fmt, lambda: json.dumps(metadata(o), indent=4))
        else:
            data = [metadata(o) for o in sorted(state["osds"].values(), key=lambda o: o["id"])]
            out(data, fmt, lambda: json.dumps(data, indent=4))
        return 0
    if sub == "find":
        o = _osd(state, a[1] if len(a) > 1 else "")
        data = {"osd": o["id"], "addrs": {"addrvec": [{"type": "v2", "addr": "%s:6802" % o["front_addr"], "nonce": 0}]},
                "osd_fsid": o["osd_fsid"], "host": o["host"], "crush_location": {"host": o["host"], "root": "default"}}
        cs.json_out(data, pretty=fmt != "json")
        return 0
    if sub in ("out", "in"):
        with env.cluster_lock("ceph"):
            st = cs.load()
            msgs = []
            for ident in a[1:]:
                o = _osd(st, ident)
                if o["in"] == (sub == "in"):
                    msgs.append("osd.%d is already %s. " % (o["id"], sub))
                else:
                    o["in"] = sub == "in"
                    o["in_since"] = env.now()
                    msgs.append("marked %s osd.%d. " % (sub, o["id"]))
            cs.save(st)
        err("".join(msgs).rstrip())
        return 0
    if sub == "ok-to-stop":
        return ok_to_stop(state, a[1:], fmt)
    if sub in ("set", "unset"):
        flag = a[1] if len(a) > 1 else ""
        if flag not in ("noout", "noin", "nodown", "noup", "norebalance", "norecover", "nobackfill", "noscrub", "nodeep-scrub", "pause"):
            raise Die("Invalid command: %s not in full|pause|noup|nodown|noout|noin|nobackfill|norebalance|norecover|noscrub|"
                      "nodeep-scrub|notieragent|nosnaptrim|pglog_hardlimit|noautoscale" % flag, EINVAL)
        with env.cluster_lock("ceph"):
            st = cs.load()
            flags = [f for f in st.get("flags", []) if f != flag]
            if sub == "set":
                flags.append(flag)
            st["flags"] = flags
            cs.save(st)
        err("%s is %s" % (flag, "set" if sub == "set" else "unset"))
        return 0
    if sub == "pool":
        return pool(state, a[1:], fmt)
    raise Die("no valid command found; 10 closest matches:\nosd tree\nosd dump\nosd ls", EINVAL)


def _osd(state, ident):
    ident = str(ident)
    if ident.startswith("osd."):
        ident = ident[4:]
    o = cs.osd_by_id(state, ident)
    if o is None:
        raise Die("Error ENOENT: osd.%s does not exist" % ident, ENOENT)
    return o


def tree_text(state, tree):
    total = sum(o["crush_weight"] for o in state["osds"].values())
    lines = ["ID  CLASS  WEIGHT   TYPE NAME      STATUS  REWEIGHT  PRI-AFF", "%-3d %-6s %-8.5f root default" % (-1, "", total)]
    by_id = {n["id"]: n for n in tree["nodes"]}
    for hid in by_id[-1]["children"]:
        host = by_id[hid]
        hw = sum(by_id[c]["crush_weight"] for c in host["children"])
        lines.append("%-3d %-6s %-8.5f     host %s" % (hid, "", hw, host["name"]))
        for c in sorted(host["children"]):
            n = by_id[c]
            lines.append("%2d  %-6s %-8.5f         osd.%d  %8s  %8.5f  1.00000" % (
                n["id"], n["device_class"], n["crush_weight"], n["id"], n["status"], n["reweight"]))
    return "\n".join(lines)


def osd_dump(state):
    return {"epoch": state["epoch"], "fsid": cs.conf_fsid(),
            "flags": ",".join(state.get("flags", []) + ["sortbitwise", "recovery_deletes", "purged_snapdirs", "pglog_hardlimit"]),
            "pools": [pools.detail_entry(p) for p in state["pools"].values()],
            "osds": [{"osd": o["id"], "uuid": o["osd_fsid"], "up": 1 if o["up"] else 0, "in": 1 if o["in"] else 0,
                      "weight": 1.0 if o["in"] else 0.0, "primary_affinity": 1.0,
                      "public_addr": "%s:6801/0" % o["front_addr"], "cluster_addr": "%s:6803/0" % o["back_addr"]}
                     for o in sorted(state["osds"].values(), key=lambda o: o["id"])]}


def metadata(o):
    kname = o["devpath"].split("/")[-1]
    return {"id": o["id"], "hostname": o["host"], "arch": "x86_64", "ceph_version": cs.VERSION_LINE, "ceph_version_short": cs.VERSION,
            "ceph_release": "squid", "osd_objectstore": "bluestore", "osd_data": "/var/lib/ceph/osd/ceph-%d" % o["id"],
            "devices": kname, "device_ids": "%s=LAB-%s-%s" % (kname, o["host"], kname), "device_paths": "%s=%s" % (kname, o["devpath"]),
            "bluestore_bdev_dev_node": o["devpath"], "bluefs_db_dev_node": o.get("db_dev") or "",
            "bluefs_wal_dev_node": "", "bluefs_dedicated_db": "1" if o.get("db_dev") else "0", "bluefs_dedicated_wal": "0",
            "front_addr": "[v2:%s:6800/0,v1:%s:6801/0]" % (o["front_addr"], o["front_addr"]),
            "back_addr": "[v2:%s:6802/0,v1:%s:6803/0]" % (o["back_addr"], o["back_addr"]),
            "default_device_class": o["device_class"], "rotational": "0"}


def ok_to_stop(state, ids, fmt):
    targets = [_osd(state, i) for i in ids]
    remaining = [o for o in cs.up_in_osds(state) if o not in targets]
    hosts = {o["host"] for o in remaining}
    bad = 0
    for p in state["pools"].values():
        if any(t["up"] and t["in"] for t in targets) and len(hosts) < p["min_size"]:
            bad += p["pg_num"]
    if bad:
        raise Die("Error EBUSY: unsafe to stop osd(s) at this time (%d PGs are or would become offline)" % bad, EBUSY)
    cs.json_out({"ok_to_stop": True, "osds": [t["id"] for t in targets], "num_ok_pgs": sum(p["pg_num"] for p in state["pools"].values()),
                 "num_not_ok_pgs": 0})
    err("OSD(s) %s are ok to stop without reducing availability or risking data, provided there are no other concurrent "
        "failures or interventions." % ",".join(str(t["id"]) for t in targets))
    return 0


# ---------------------------------------------------------------- pools

def pool(state, a, fmt):
    sub = a[0] if a else ""
    if sub == "ls":
        if len(a) > 1 and a[1] == "detail":
            data = [pools.detail_entry(p) for p in state["pools"].values()]
            out(data, fmt, lambda: "\n".join(pools.detail_line(p) for p in state["pools"].values()))
        else:
            names = [p for p in state["pools"]]
            out(names, fmt, "\n".join(names))
        return 0
    if len(a) < 2:
        raise Die("Invalid command: missing required parameter pool(<poolname>)", EINVAL)
    name = a[1]
    if sub == "get":
        p = pools.get(state, name)
        key = a[2] if len(a) > 2 else "all"
        keys = ("size", "min_size", "pg_num", "pgp_num", "crush_rule", "pg_autoscale_mode") if key == "all" else (key,)
        for k in keys:
            if k not in p:
                raise Die("Error EINVAL: invalid variable '%s'" % k, EINVAL)
        values = {k: ("replicated_rule" if k == "crush_rule" else p[k]) for k in keys}
        if fmt in ("json", "json-pretty"):
            cs.json_out(dict({"pool": name, "pool_id": p["pool"]}, **values), fmt == "json-pretty")
        else:
            print("\n".join("%s: %s" % kv for kv in values.items()))
        return 0
    with env.cluster_lock("ceph"):
        st = cs.load()
        if sub == "create":
            msg = pools.create(st, name, a[2] if len(a) > 2 else None, a[3] if len(a) > 3 else None)
        elif sub == "set":
            if len(a) < 4:
                raise Die("Invalid command: missing required parameter val(<string>)", EINVAL)
            if a[2] == "crush_rule":
                pools.set_crush_rule_name(st, name, a[3])
                msg = "set pool %d crush_rule to %s" % (st["pools"][name]["pool"], a[3])
            else:
                msg = pools.set_value(st, name, a[2], a[3])
        elif sub == "application" and name == "enable":
            if len(a) < 4:
                raise Die("Invalid command: missing required parameter app(<string>)", EINVAL)
            msg = pools.enable_application(st, a[2], a[3])
        elif sub in ("delete", "rm"):
            msg = pools.delete(st, name, a[2] if len(a) > 2 else None, a[3] if len(a) > 3 else None)
        else:
            raise Die("no valid command found; 10 closest matches:\nosd pool ls\nosd pool create\nosd pool set", EINVAL)
        cs.save(st)
    err(msg)
    return 0


# ---------------------------------------------------------------- config database

def _check_who(who):
    base = who.split("/")[0]
    kind = base.split(".")[0]
    if kind not in VALID_WHO:
        raise Die("Error EINVAL: unrecognized config target '%s'" % who, EINVAL)


def _check_name(name, code=EINVAL, errname="EINVAL"):
    if name not in options.OPTIONS:
        raise Die("Error %s: unrecognized config option '%s'" % (errname, name), code)


def config_dump_entries(state):
    result = []
    for e in sorted(state["config"], key=lambda e: (_section_rank(e["section"]), e["section"], e["name"])):
        typ, default, level, runtime, _ = options.OPTIONS.get(e["name"], ("str", "", "advanced", True, ""))
        result.append({"section": e["section"], "name": e["name"], "value": e["value"], "level": level,
                       "can_update_at_runtime": runtime, "mask": ""})
    return result


def _section_rank(section):
    order = ["global", "mon", "mgr", "osd", "mds", "client"]
    kind = section.split(".")[0]
    return order.index(kind) if kind in order else len(order)


def effective(state, who, name):
    """Value for a daemon: defaults < config DB (global < type < daemon) < local ceph.conf."""
    value = options.OPTIONS[name][1]
    kind = who.split(".")[0]
    for section in ("global", kind, who):
        for e in state["config"]:
            if e["section"] == section and e["name"] == name:
                value = e["value"]
    conf = cs.read_conf()
    for section in ("global", kind, who):
        if name in conf.get(section, {}):
            value = conf[section][name]
    return value


def config(state, a, fmt):
    sub = a[0] if a else ""
    if sub == "dump":
        entries = config_dump_entries(state)

        def plain():
            lines = ["%-8s %-5s %-9s %-40s %-32s %s" % ("WHO", "MASK", "LEVEL", "OPTION", "VALUE", "RO")]
            for e in entries:
                lines.append("%-8s %-5s %-9s %-40s %-32s %s" % (e["section"], e["mask"], e["level"], e["name"], e["value"],
                                                               "" if e["can_update_at_runtime"] else "*"))
            return "\n".join(lines)
        out(entries, fmt, plain)
        return 0
    if sub == "ls":
        names = sorted(options.OPTIONS)
        out(names, fmt, "\n".join(names))
        return 0
    if sub == "help":
        if len(a) < 2:
            raise Die("Invalid command: missing required parameter key(<string>)", EINVAL)
        if a[1] not in options.OPTIONS:
            # ConfigMonitor.cc `config help`: ENOENT with an empty message (Ceph 16.2 checked)
            raise Die("Error ENOENT: ", ENOENT)
        typ, default, level, runtime, desc = options.OPTIONS[a[1]]
        data = {"name": a[1], "type": typ, "level": level, "desc": desc, "default": default,
                "can_update_at_runtime": runtime, "enum_values": list(options.CHOICES.get(a[1], ()))}
        out(data, fmt, "%s - %s\n  (%s, %s)\n  Default: %s\n%s  Can update at runtime: %s" % (
            a[1], desc, typ, level, default,
            ("  Possible values:  %s\n" % " ".join(options.CHOICES[a[1]]) if a[1] in options.CHOICES else ""),
            "true" if runtime else "false"))
        return 0
    if sub == "get":
        if len(a) < 2:
            raise Die("Invalid command: missing required parameter who(<string>)", EINVAL)
        _check_who(a[1])
        if len(a) > 2:
            _check_name(a[2], ENOENT, "ENOENT")
            value = effective(state, a[1], a[2])
            out(value, fmt, value)
        else:
            values = {e["name"]: e["value"] for e in config_dump_entries(state)
                      if e["section"] in ("global", a[1].split(".")[0], a[1])}
            out(values, fmt, "\n".join("%s %s" % kv for kv in sorted(values.items())))
        return 0
    if sub == "set":
        if len(a) < 4:
            raise Die("Invalid command: missing required parameter value(<string>)", EINVAL)
        who, name, value = a[1], a[2], " ".join(a[3:])
        _check_who(who)
        _check_name(name)
        problem, value = options.parse_value(name, value)
        if problem:
            raise Die("Error EINVAL: error parsing value: %s" % problem, EINVAL)
        with env.cluster_lock("ceph"):
            st = cs.load()
            st["config"] = [e for e in st["config"] if not (e["section"] == who and e["name"] == name)]
            st["config"].append({"section": who, "name": name, "value": value})
            cs.save(st)
        return 0
    if sub == "rm":
        if len(a) < 3:
            raise Die("Invalid command: missing required parameter name(<string>)", EINVAL)
        _check_who(a[1])
        with env.cluster_lock("ceph"):
            st = cs.load()
            st["config"] = [e for e in st["config"] if not (e["section"] == a[1] and e["name"] == a[2])]
            cs.save(st)
        return 0
    raise Die("no valid command found; 10 closest matches:\nconfig set\nconfig get\nconfig dump\nconfig rm\nconfig help", EINVAL)


def daemon(a, fmt):
    """`ceph daemon osd.N config show|get`: the admin socket exists only on the OSD's own node."""
    if len(a) < 2:
        raise Die("Invalid command: missing daemon name or command", EINVAL)
    who = a[0]
    state = cs.load()
    sock = "/var/run/ceph/ceph-%s.asok" % who
    target = cs.osd_by_id(state, who[4:]) if who.startswith("osd.") else None
    if target is None or target["host"] != env.node_name() or not target["up"]:
        raise Die("admin_socket: exception getting command descriptions: [Errno 2] No such file or directory", EINVAL)
    cmd = " ".join(a[1:])
    if cmd == "config show":
        data = {name: effective(state, who, name) for name in sorted(options.OPTIONS)}
        data.update({"cluster_network": effective(state, who, "cluster_network"), "public_network": effective(state, who, "public_network")})
        print(json.dumps(data, indent=4))
        return 0
    if a[1] == "config" and len(a) > 3 and a[2] == "get":
        _check_name(a[3], ENOENT, "ENOENT")
        print(json.dumps({a[3]: effective(state, who, a[3])}, indent=4))
        return 0
    raise Die("no valid command found; admin socket of %s (%s) knows: config show, config get" % (who, sock), EINVAL)

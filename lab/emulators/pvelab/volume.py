"""ceph-volume lvm list [DEV] [--format json] and ceph-volume lvm zap DEV [--destroy]."""
import json
import sys

from . import cephstate as cs
from . import env, pveceph
from .env import Die


def lv_entries(state, node, dev=None):
    """{osd_id: [lv]} for the OSDs on this node, in the shape of ceph-volume's json output."""
    fsid = cs.conf_fsid() or ""
    result = {}
    for o in sorted(state["osds"].values(), key=lambda o: o["id"]):
        if o["host"] != node:
            continue
        devices = [o["devpath"]]
        if dev is not None and dev not in devices and dev != o.get("db_dev"):
            continue
        lv_path = "/dev/%s/%s" % (o["vg_name"], o["lv_name"])
        tags = {"ceph.block_device": lv_path, "ceph.block_uuid": o["lv_uuid"], "ceph.cephx_lockbox_secret": "",
                "ceph.cluster_fsid": fsid, "ceph.cluster_name": "ceph", "ceph.crush_device_class": o["device_class"],
                "ceph.encrypted": "1" if o["encrypted"] else "0", "ceph.osd_fsid": o["osd_fsid"], "ceph.osd_id": str(o["id"]),
                "ceph.osdspec_affinity": "", "ceph.type": "block", "ceph.vdo": "0"}
        entry = {"devices": devices, "lv_name": o["lv_name"], "lv_path": lv_path, "lv_size": str(o.get("size", 0)),
                 "lv_tags": ",".join("%s=%s" % kv for kv in sorted(tags.items())), "lv_uuid": o["lv_uuid"],
                 "name": o["lv_name"], "path": lv_path, "tags": tags, "type": "block", "vg_name": o["vg_name"]}
        result[str(o["id"])] = [entry]
    return result


def main(argv):
    cs.require_binary("ceph-volume")
    args = [a for a in argv]
    fmt = "pretty"
    if "--format" in args:
        i = args.index("--format")
        fmt = args[i + 1] if i + 1 < len(args) else "pretty"
        del args[i:i + 2]
    if args[:2] == ["lvm", "list"]:
        dev = pveceph.resolve_dev(args[2]) if len(args) > 2 else None
        data = lv_entries(cs.load(), env.node_name(), dev)
        if fmt == "json":
            print(json.dumps(data, indent=4, sort_keys=True))
            return 0
        if not data:
            raise Die("No valid Ceph lvm devices found", 1)
        for osd_id, lvs in data.items():
            print("\n\n====== osd.%s =======\n" % osd_id)
            for lv in lvs:
                t = lv["tags"]
                print("  [block]       %s\n" % lv["lv_path"])
                for k, v in (("block device", lv["lv_path"]), ("block uuid", lv["lv_uuid"]), ("cephx lockbox secret", ""),
                             ("cluster fsid", t["ceph.cluster_fsid"]), ("cluster name", "ceph"),
                             ("crush device class", t["ceph.crush_device_class"]), ("encrypted", t["ceph.encrypted"]),
                             ("osd fsid", t["ceph.osd_fsid"]), ("osd id", t["ceph.osd_id"]), ("osdspec affinity", ""),
                             ("type", "block"), ("vdo", "0"), ("devices", ",".join(lv["devices"]))):
                    print("      %-25s %s" % (k, v))
        return 0
    if args[:2] == ["lvm", "zap"] and len(args) > 2:
        dev = pveceph.resolve_dev(args[2])
        state = cs.load()
        if pveceph.osds_on(state, env.node_name(), dev):
            raise Die("-->  RuntimeError: Unable to proceed with a device that is part of an existing OSD: %s" % dev, 1)
        if not env.exists(dev):
            raise Die("-->  RuntimeError: Unable to proceed with non-existing device: %s" % dev, 1)
        pveceph._write_label(dev, None)
        if "--destroy" in args:
            env.remove(dev + ".used")
        sys.stderr.write("--> Zapping: %s\n--> Zapping successful for: <Raw Device: %s>\n" % (dev, dev))
        return 0
    raise Die("usage: ceph-volume lvm {list,zap} ...", 2)

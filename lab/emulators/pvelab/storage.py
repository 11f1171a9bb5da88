"""/etc/pve/storage.cfg (section config) for pvesh /storage and pvesm add/set/remove/status."""
import hashlib
import re

from . import env
from .env import Die

STORAGE_CFG = "/etc/pve/storage.cfg"
TYPES = ("rbd", "dir", "lvmthin", "lvm", "zfspool", "cephfs", "nfs")
KEYS = ("pool", "content", "krbd", "monhost", "username", "path", "nodes", "disable", "shared", "vgname", "thinpool",
        "data-pool", "namespace", "fs-name", "prune-backups")
CONTENT = ("images", "rootdir", "vztmpl", "iso", "backup", "snippets", "import")


def load():
    entries = {}
    current = None
    for raw in (env.read_text(STORAGE_CFG, "") or "").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not raw[0].isspace():
            stype, sid = [x.strip() for x in raw.split(":", 1)]
            current = {"storage": sid, "type": stype}
            entries[sid] = current
        else:
            k, _, v = raw.strip().partition(" ")
            current[k] = v.strip() if v.strip() else "1"
    return entries


def save(entries):
    out = []
    for sid, e in entries.items():
        out.append("%s: %s\n" % (e["type"], sid))
        for k in [k for k in e if k not in ("storage", "type")]:
            out.append("\t%s %s\n" % (k, e[k]))
        out.append("\n")
    env.write_text(STORAGE_CFG, "".join(out), 0o640)


def digest():
    return hashlib.sha1((env.read_text(STORAGE_CFG, "") or "").encode()).hexdigest()


def listing():
    d = digest()
    return [dict(e, digest=d) for e in load().values()]


def get(sid):
    entries = load()
    if sid not in entries:
        raise Die("storage '%s' does not exist" % sid)
    return dict(entries[sid], digest=digest())


def _check(sid, params, stype):
    if not re.fullmatch(r"[a-z][a-z0-9\-_.]*[a-z0-9]", sid, re.I):
        raise Die("400 Parameter verification failed.\nstorage: invalid format - storage ID '%s' contains illegal characters\n" % sid)
    for k in params:
        if k not in KEYS and k not in ("type", "digest", "delete"):
            raise Die("400 Parameter verification failed.\n%s: property is not defined in schema and the schema does not allow "
                      "additional properties\n" % k)
    if "content" in params:
        for c in params["content"].split(","):
            if c not in CONTENT:
                raise Die("400 Parameter verification failed.\ncontent: invalid format - invalid content type '%s'\n" % c)
        if stype == "rbd" and any(c not in ("images", "rootdir") for c in params["content"].split(",")):
            raise Die("400 Parameter verification failed.\ncontent: storage does not support content type '%s'\n" % params["content"])


def add(sid, params):
    stype = params.get("type")
    if stype not in TYPES:
        raise Die("400 Parameter verification failed.\ntype: value '%s' does not have a value in the enumeration '%s'\n"
                  % (stype, ", ".join(TYPES)))
    _check(sid, params, stype)
    with env.cluster_lock("storage"):
        entries = load()
        if sid in entries:
            raise Die("create storage failed: storage ID '%s' already defined" % sid)
        entry = {"storage": sid, "type": stype}
        entry.update({k: v for k, v in params.items() if k in KEYS})
        if stype == "rbd" and "content" not in entry:
            entry["content"] = "images"
        entries[sid] = entry
        save(entries)


def update(sid, params):
    with env.cluster_lock("storage"):
        entries = load()
        if sid not in entries:
            raise Die("update storage failed: storage '%s' does not exist" % sid)
        _check(sid, params, entries[sid]["type"])
        for k in params.get("delete", "").split(",") if isinstance(params.get("delete"), str) else params.get("delete", []):
            entries[sid].pop(k.strip(), None)
        entries[sid].update({k: v for k, v in params.items() if k in KEYS})
        save(entries)


def remove(sid):
    with env.cluster_lock("storage"):
        entries = load()
        if sid not in entries:
            raise Die("delete storage failed: storage '%s' does not exist" % sid)
        del entries[sid]
        save(entries)


def remove_for_pool(pool):
    with env.cluster_lock("storage"):
        entries = load()
        for sid in [s for s, e in entries.items() if e["type"] == "rbd" and e.get("pool", "rbd") == pool]:
            del entries[sid]
        save(entries)

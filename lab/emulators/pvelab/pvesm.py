"""pvesm add|set|remove|status: the storage CLI over /etc/pve/storage.cfg."""
from . import cli, storage
from .env import Die


def main(argv):
    if not argv:
        raise Die("ERROR: no command specified")
    cmd = argv[0]
    pos, opts = cli.parse(argv[1:], booleans=("krbd", "disable", "shared"), arrays=("delete",))
    if cmd == "add":
        if len(pos) != 2:
            raise Die("400 not enough arguments\npvesm add <type> <storage> [OPTIONS]")
        storage.add(pos[1], dict(opts, type=pos[0]))
        return 0
    if cmd == "set":
        if len(pos) != 1:
            raise Die("400 not enough arguments\npvesm set <storage> [OPTIONS]")
        storage.update(pos[0], opts)
        return 0
    if cmd in ("remove", "delete"):
        if len(pos) != 1:
            raise Die("400 not enough arguments\npvesm remove <storage>")
        storage.remove(pos[0])
        return 0
    if cmd == "status":
        rows = storage.listing()
        print("%-16s %-8s %-8s %14s %14s %14s %8s" % ("Name", "Type", "Status", "Total", "Used", "Available", "%"))
        for e in rows:
            if opts.get("storage") not in (None, e["storage"]):
                continue
            active, total, used = usage(e)
            print("%-16s %-8s %-8s %14d %14d %14d %7.2f%%" % (e["storage"], e["type"], "active" if active else "inactive",
                                                          total // 1024, used // 1024, (total - used) // 1024,
                                                          100.0 * used / total if total else 0.0))
        return 0
    raise Die("unknown command 'pvesm %s'" % cmd)


def usage(entry):
    """(active, total bytes, used bytes): rbd from the emulated cluster (OSD disk sizes / pool size,
    bytes of stored objects), dir from statvfs of its path; anything else is reported inactive."""
    import os
    from . import cephstate as cs, env
    if entry["type"] == "rbd":
        state = cs.load()
        pool = state["pools"].get(entry.get("pool", "rbd"))
        if pool is None or not state["osds"]:
            return False, 0, 0
        raw = sum(o.get("size", 0) for o in state["osds"].values())
        used = sum(o["size"] for o in state.get("pool_objects", {}).get(pool["pool_name"], []))
        return True, raw // max(1, pool["size"]), used
    if entry["type"] == "dir" and os.path.isdir(env.path(entry.get("path", "/nonexistent"))):
        st = os.statvfs(env.path(entry["path"]))
        return True, st.f_blocks * st.f_frsize, (st.f_blocks - st.f_bfree) * st.f_frsize
    return False, 0, 0

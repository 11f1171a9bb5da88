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
            print("%-16s %-8s %-8s %14d %14d %14d %7.2f%%" % (e["storage"], e["type"], "active", 0, 0, 0, 0.0))
        return 0
    raise Die("unknown command 'pvesm %s'" % cmd)

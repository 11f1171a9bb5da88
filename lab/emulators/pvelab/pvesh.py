"""pvesh get|ls|create|set|delete|usage PATH [OPTIONS]: the API paths a TB4 + Ceph build uses."""
import contextlib
import re

from . import cephstate as cs
from . import cli, env, network, pools, pveceph, sdn, storage, tasks
from .env import Die

FABRIC_OPTS = ("id", "protocol", "ip_prefix", "ip6_prefix", "hello_interval", "csnp_interval", "area", "digest", "lock-token")
NODE_OPTS = ("node_id", "protocol", "ip", "ip6", "interfaces", "digest", "lock-token")
VIEW_OPTS = ("pending", "running")
GLOBAL_OPTS = ("output-format", "noproxy", "quiet", "human-readable", "noborder", "noheader")
VERSION = {"version": "9.0.10", "release": "9.0", "repoid": "deb1ca707ec72a89"}
VERBS = {"get": "GET", "ls": "GET", "create": "POST", "set": "PUT", "delete": "DELETE", "usage": "USAGE"}

ROUTES = []


@contextlib.contextmanager
def sdn_locked(errmsg):
    """pve-network SDN.pm lock_sdn_config: the change runs under the SDN lock, and an error in it is
    reported as "<errmsg>: <error>" (e.g. "adding fabric failed: ..."). Parameter errors (400) are
    raised before the handler and keep their own text."""
    with env.cluster_lock("sdn"):
        try:
            yield
        except Die as e:
            if str(e).startswith("400 "):
                raise
            raise Die("%s: %s" % (errmsg, e), e.code)


def route(method, pattern, options=(), exit_code=False):
    """Registers a handler. exit_code: the handler ran a task and returns pvesh's exit code."""
    def register(fn):
        fn.exit_code = exit_code
        ROUTES.append((method, re.compile("^" + pattern + "$"), tuple(options), fn))
        return fn
    return register


def main(argv):
    if not argv or argv[0] not in VERBS:
        raise Die("ERROR: unknown command 'pvesh %s'\nUSAGE: pvesh <COMMAND> [ARGS] [OPTIONS]" % (argv[0] if argv else ""))
    verb, rest = argv[0], argv[1:]
    if not rest:
        raise Die("400 not enough arguments\npvesh %s <api_path> [OPTIONS]" % verb)
    api_path = "/" + rest[0].strip("/")
    method = VERBS[verb]
    if method == "USAGE":
        matches = [(m, opts) for m, rx, opts, _ in ROUTES if rx.match(api_path)]
        if not matches:
            raise Die("no such resource '%s'" % api_path)
        for m, opts in matches:
            print("USAGE: pvesh %s %s %s" % ({v: k for k, v in VERBS.items() if k != "ls"}[m], api_path,
                                             " ".join("[--%s <value>]" % o for o in opts)))
        return 0
    for m, rx, opts, fn in ROUTES:
        match = rx.match(api_path)
        if m == method and match:
            _, params = cli.parse(rest[1:], arrays=("interfaces", "delete"),
                                  booleans=("pending", "running", "regenerate-frr", "release-lock", "allow-pending", "force",
                                            "include-partitions", "skipsmart", "krbd"),
                                  allowed=tuple(opts) + GLOBAL_OPTS)
            fmt = params.pop("output-format", "text")
            for g in GLOBAL_OPTS:
                params.pop(g, None)
            result = fn(params, *match.groups())
            if fn.exit_code:
                return result
            if result is not None:
                cli.output(result, fmt)
            return 0
    if any(rx.match(api_path) for _, rx, _, _ in ROUTES):
        raise Die("Method '%s %s' not implemented" % (method, api_path), 255)
    raise Die("No '%s' handler defined for '%s'" % (verb, api_path))


def _flag(params, key):
    return params.get(key) == "1"


# ---------------------------------------------------------------- SDN fabrics

@route("GET", "/cluster/sdn")
def _sdn_index(params):
    return [{"id": x} for x in ("vnets", "zones", "controllers", "ipams", "dns", "fabrics")]


@route("PUT", "/cluster/sdn", ("lock-token", "release-lock"), exit_code=True)
def _apply(params):
    return network.apply_cluster(params)


@route("POST", "/cluster/sdn/rollback", ("lock-token", "release-lock"))
def _rollback(params):
    sdn.check_lock(params)
    with env.cluster_lock("sdn"):
        sdn.rollback()
    return None


@route("POST", "/cluster/sdn/lock", ("allow-pending",))
def _lock(params):
    with env.cluster_lock("sdn"):
        if env.exists(sdn.LOCK_FILE):
            raise Die("global SDN lock already exists")
        token = cs.new_uuid()
        env.write_text(sdn.LOCK_FILE, token + "\n")
    return token


@route("DELETE", "/cluster/sdn/lock", ("lock-token", "force"))
def _unlock(params):
    if not _flag(params, "force"):
        sdn.check_lock(params)
    env.remove(sdn.LOCK_FILE)
    return None


@route("GET", "/cluster/sdn/fabrics")
def _fabrics_index(params):
    return [{"subdir": "fabric"}, {"subdir": "node"}, {"subdir": "all"}]


@route("GET", "/cluster/sdn/fabrics/all", VIEW_OPTS)
def _all(params):
    return sdn.view("all", running=_flag(params, "running"), pending=_flag(params, "pending"))


@route("GET", "/cluster/sdn/fabrics/fabric", VIEW_OPTS)
def _fabric_list(params):
    return sdn.view("fabrics", running=_flag(params, "running"), pending=_flag(params, "pending"))


@route("POST", "/cluster/sdn/fabrics/fabric", FABRIC_OPTS)
def _fabric_create(params):
    with sdn_locked("adding fabric failed"):
        sdn.create_fabric(params)


@route("GET", "/cluster/sdn/fabrics/fabric/([^/]+)")
def _fabric_get(params, fid):
    cfg = sdn.Config.load()
    return dict(sdn.get_fabric_obj(cfg, fid), digest=cfg.digest())


@route("PUT", "/cluster/sdn/fabrics/fabric/([^/]+)", FABRIC_OPTS[1:] + ("delete",))
def _fabric_set(params, fid):
    with sdn_locked("updating fabric failed"):
        sdn.update_fabric(fid, params)


@route("DELETE", "/cluster/sdn/fabrics/fabric/([^/]+)", ("digest", "lock-token"))
def _fabric_delete(params, fid):
    with sdn_locked("deleting fabric failed"):
        sdn.delete_fabric(fid, params)


@route("GET", "/cluster/sdn/fabrics/node", VIEW_OPTS)
def _node_list_all(params):
    return sdn.view("nodes", running=_flag(params, "running"), pending=_flag(params, "pending"))


@route("GET", "/cluster/sdn/fabrics/node/([^/]+)", VIEW_OPTS)
def _node_list(params, fid):
    if not _flag(params, "running") and not _flag(params, "pending"):
        sdn.get_fabric_obj(sdn.Config.load(), fid)
    return sdn.view("nodes", fabric_id=fid, running=_flag(params, "running"), pending=_flag(params, "pending"))


@route("POST", "/cluster/sdn/fabrics/node/([^/]+)", NODE_OPTS)
def _node_create(params, fid):
    with sdn_locked("adding node failed"):
        sdn.create_node(fid, params)


@route("GET", "/cluster/sdn/fabrics/node/([^/]+)/([^/]+)")
def _node_get(params, fid, nid):
    cfg = sdn.Config.load()
    sdn.get_fabric_obj(cfg, fid)
    return dict(sdn.get_node_obj(cfg, fid, nid), digest=cfg.digest())


@route("PUT", "/cluster/sdn/fabrics/node/([^/]+)/([^/]+)", NODE_OPTS[1:] + ("delete",))
def _node_set(params, fid, nid):
    with sdn_locked("updating node failed"):
        sdn.update_node(fid, nid, params)


@route("DELETE", "/cluster/sdn/fabrics/node/([^/]+)/([^/]+)", ("digest", "lock-token"))
def _node_delete(params, fid, nid):
    with sdn_locked("deleting node failed"):
        sdn.delete_node(fid, nid, params)


# ---------------------------------------------------------------- cluster and nodes

@route("GET", "/cluster/status")
def _cluster_status(params):
    c = env.cluster()
    local = env.node_name()
    result = [{"type": "cluster", "id": "cluster", "name": c.get("cluster_name", "lab"), "nodes": len(c["nodes"]),
               "quorate": 1, "version": len(c["nodes"])}]
    for n in c["nodes"]:
        result.append({"type": "node", "id": "node/" + n["name"], "name": n["name"], "nodeid": n.get("nodeid", 0),
                       "ip": n.get("ip", ""), "online": 1, "local": 1 if n["name"] == local else 0, "level": ""})
    return result


@route("GET", "/version")
def _version(params):
    return dict(VERSION)


@route("GET", "/nodes")
def _nodes(params):
    return [{"node": n, "status": "online", "level": ""} for n in env.cluster_nodes()]


def _known_node(node):
    if node not in env.cluster_nodes():
        raise Die("hostname lookup '%s' failed - failed to get address info for: %s: Name or service not known" % (node, node))


@route("GET", "/nodes/([^/]+)/version")
def _node_version(params, node):
    _known_node(node)
    return dict(VERSION)


@route("GET", "/nodes/([^/]+)/tasks", ("typefilter", "since", "until", "limit", "start", "source", "errors",
                                        "userfilter", "vmid", "statusfilter"))
def _task_list(params, node):
    _known_node(node)
    return tasks.list_node(node, params.get("typefilter"), params.get("since"), params.get("limit", 50))


@route("GET", "/nodes/([^/]+)/tasks/([^/]+)/status")
def _task_status(params, node, upid):
    return tasks.status(upid)


@route("GET", "/nodes/([^/]+)/tasks/([^/]+)/log", ("start", "limit"))
def _task_log(params, node, upid):
    tasks.status(upid)
    return tasks.log(upid)


@route("PUT", "/nodes/([^/]+)/network", ("regenerate-frr",), exit_code=True)
def _node_network(params, node):
    _known_node(node)
    return network.reload_node_cli(node, params)


@route("GET", "/nodes/([^/]+)/network", ("type",))
def _node_network_list(params, node):
    _known_node(node)
    if params.get("type") not in (None, "fabric", "any_bridge", "any_local_bridge"):
        return []
    cfg = sdn.running_objects()
    result = []
    for fabric, _ in sdn.node_fabrics(cfg, node):
        entry = {"iface": fabric["id"], "type": "fabric", "active": 1}
        if "ip_prefix" in fabric:
            entry["cidr"] = fabric["ip_prefix"]
        if "ip6_prefix" in fabric:
            entry["cidr6"] = fabric["ip6_prefix"]
        result.append(entry)
    return result


@route("GET", "/nodes/([^/]+)/disks/list", ("include-partitions", "skipsmart", "type"))
def _disks(params, node):
    _known_node(node)
    return pveceph.disks_list(node)


# ---------------------------------------------------------------- ceph

def _ceph_state():
    cs.check_installed()
    cs.check_inited()
    state = cs.load()
    cs.require_cluster(state)
    return state


@route("GET", "/nodes/([^/]+)/ceph/mon")
def _mons(params, node):
    cs.check_installed()
    cs.check_inited()
    state = cs.load()
    return [{"name": m["name"], "host": m["host"], "addr": m["addr"], "rank": m["rank"], "quorum": 1, "state": "running",
             "direxists": 1 if m["host"] == node else 0, "service": 1, "ceph_version": cs.VERSION, "ceph_version_short": "19.2"}
            for m in sorted(state["mons"].values(), key=lambda m: m["rank"])]


@route("GET", "/nodes/([^/]+)/ceph/mgr")
def _mgrs(params, node):
    cs.check_installed()
    cs.check_inited()
    state = cs.load()
    return [{"name": m["name"], "host": m["host"], "addr": m["addr"],
             "state": "active" if state.get("active_mgr") == m["name"] else "standby"}
            for m in sorted(state["mgrs"].values(), key=lambda m: m["name"])]


@route("GET", "/nodes/([^/]+)/ceph/osd")
def _osds(params, node):
    state = _ceph_state()
    tree, host_ids = cs.osd_tree(state)
    hosts = []
    for h, hid in sorted(host_ids.items(), key=lambda kv: -kv[1]):
        children = []
        for o in sorted((o for o in state["osds"].values() if o["host"] == h), key=lambda o: o["id"]):
            children.append({"id": o["id"], "name": "osd.%d" % o["id"], "type": "osd", "leaf": 1, "host": h,
                             "status": "up" if o["up"] else "down", "in": 1 if o["in"] else 0, "crush_weight": o["crush_weight"],
                             "reweight": 1 if o["in"] else 0, "device_class": o["device_class"], "osdtype": "bluestore",
                             "blfsdev": "", "dbdev": o.get("db_dev") or "", "waldev": "", "ceph_version": cs.VERSION,
                             "ceph_version_short": "19.2", "total_space": o.get("size", 0), "bytes_used": 0, "percent_used": 0})
        hosts.append({"id": hid, "name": h, "type": "host", "leaf": 0, "children": children})
    result = {"root": {"id": -1, "name": "default", "type": "root", "leaf": 0, "children": hosts}}
    if state.get("flags"):
        result["flags"] = ",".join(state["flags"])
    return result


@route("POST", "/nodes/([^/]+)/ceph/osd/(\\d+)/(out|in)")
def _osd_inout(params, node, osd_id, what):
    with env.cluster_lock("ceph"):
        state = _ceph_state()
        osd = cs.osd_by_id(state, osd_id)
        if osd is None:
            raise Die("osd.%s does not exist" % osd_id)
        osd["in"] = what == "in"
        osd["in_since"] = env.now()
        cs.save(state)


@route("GET", "/nodes/([^/]+)/ceph/status")
def _ceph_status(params, node):
    return cs.status_json(_ceph_state())


@route("GET", "/nodes/([^/]+)/ceph/cfg/db")
def _cfg_db(params, node):
    from . import cephcli
    return cephcli.config_dump_entries(_ceph_state())


@route("GET", "/nodes/([^/]+)/ceph/pool")
def _pools(params, node):
    state = _ceph_state()
    return [pools.ls_entry(state, p) for p in sorted(state["pools"].values(), key=lambda p: p["pool"])]


# ---------------------------------------------------------------- storage

STORAGE_OPTS = tuple(storage.KEYS) + ("storage", "type", "digest", "delete")


@route("GET", "/storage", ("type",))
def _storage_list(params):
    return [e for e in storage.listing() if params.get("type") in (None, e["type"])]


@route("POST", "/storage", STORAGE_OPTS)
def _storage_create(params):
    sid = params.pop("storage", None)
    if sid is None:
        raise Die("400 Parameter verification failed.\nstorage: property is missing and it is not optional\n")
    storage.add(sid, params)
    return {"storage": sid, "type": params.get("type")}


@route("GET", "/storage/([^/]+)")
def _storage_get(params, sid):
    return storage.get(sid)


@route("PUT", "/storage/([^/]+)", STORAGE_OPTS)
def _storage_set(params, sid):
    storage.update(sid, params)


@route("DELETE", "/storage/([^/]+)")
def _storage_delete(params, sid):
    storage.remove(sid)

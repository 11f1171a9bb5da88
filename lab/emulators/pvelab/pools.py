"""Pool operations shared by `ceph osd pool ...` and `pveceph pool ...` (errors as the mon returns them)."""
from .env import Die

EINVAL, ENOENT, EEXIST, EPERM, EBUSY = 22, 2, 17, 1, 16
SETTABLE = ("size", "min_size", "pg_num", "pgp_num", "pg_num_min", "pg_autoscale_mode", "crush_rule",
            "target_size_bytes", "target_size_ratio")


def ceph_error(code, name, text):
    return Die("Error %s: %s" % (name, text), code)


def get(state, name):
    pool = state["pools"].get(name)
    if pool is None:
        raise ceph_error(ENOENT, "ENOENT", "unrecognized pool '%s'" % name)
    return pool


def create(state, name, pg_num=None, pgp_num=None, size=None, min_size=None):
    """`osd pool create`: an existing pool is accepted (exit 0, 'already exists')."""
    if name in state["pools"]:
        return "pool '%s' already exists" % name
    default_size = int(_conf("osd_pool_default_size", "3"))
    default_min = int(_conf("osd_pool_default_min_size", "0")) or default_size - default_size // 2
    pg = int(pg_num) if pg_num is not None else 32
    if pg < 1 or pg > 65536:
        raise ceph_error(EINVAL, "EINVAL", "'pg_num' must be greater than 0 and less than or equal to 65536 (current 0)")
    state["pools"][name] = {
        "pool": state["next_pool"], "pool_name": name, "size": int(size or default_size),
        "min_size": int(min_size or default_min), "pg_num": pg, "pgp_num": int(pgp_num) if pgp_num else pg,
        "pg_num_min": 0, "pg_autoscale_mode": "on", "crush_rule": 0, "target_size_bytes": 0, "target_size_ratio": 0.0,
        "application_metadata": {}, "type": "replicated",
    }
    state["next_pool"] += 1
    return "pool '%s' created" % name


def _conf(name, default):
    from . import cephstate
    return cephstate.conf_value(name, default)


def set_value(state, name, key, value):
    pool = get(state, name)
    if key not in SETTABLE:
        raise ceph_error(EINVAL, "EINVAL", "unrecognized variable '%s'" % key)
    v = str(value)
    if key in ("size", "min_size", "pg_num", "pgp_num", "pg_num_min", "target_size_bytes", "crush_rule"):
        try:
            n = int(v)
        except ValueError:
            raise ceph_error(EINVAL, "EINVAL", "error parsing integer value '%s': (22) Invalid argument" % v)
        if key == "size" and not 1 <= n <= 10:
            raise ceph_error(EINVAL, "EINVAL", "pool size must be between 1 and 10")
        if key == "min_size" and not 1 <= n <= pool["size"]:
            raise ceph_error(EINVAL, "EINVAL", "pool min_size must be between 1 and size, which is set to %d" % pool["size"])
        if key in ("pg_num", "pgp_num") and n < 1:
            raise ceph_error(EINVAL, "EINVAL", "specified %s %d <= 0" % (key, n))
        if key == "pgp_num" and n > pool["pg_num"]:
            raise ceph_error(EINVAL, "EINVAL", "specified pgp_num %d > pg_num %d" % (n, pool["pg_num"]))
        if key == "crush_rule" and n != 0:
            raise ceph_error(ENOENT, "ENOENT", "crush rule %d does not exist" % n)
        pool[key] = n
        if key == "size" and pool["min_size"] > n:
            pool["min_size"] = n
        if key == "pg_num" and pool["pgp_num"] > n:
            pool["pgp_num"] = n
        if key == "pg_num":
            pool["pgp_num"] = n  # Nautilus+: pgp_num follows pg_num automatically
    elif key == "pg_autoscale_mode":
        if v not in ("on", "off", "warn"):
            raise ceph_error(EINVAL, "EINVAL", "pg_autoscale_mode must be one of on, off, warn")
        pool[key] = v
    elif key == "target_size_ratio":
        try:
            pool[key] = float(v)
        except ValueError:
            raise ceph_error(EINVAL, "EINVAL", "error parsing floating point value '%s'" % v)
    return "set pool %d %s to %s" % (pool["pool"], key, v)


def set_crush_rule_name(state, name, rule):
    pool = get(state, name)
    if rule != "replicated_rule":
        raise ceph_error(ENOENT, "ENOENT", "crush rule %s does not exist" % rule)
    pool["crush_rule"] = 0


def enable_application(state, name, app):
    pool = get(state, name)
    pool["application_metadata"].setdefault(app, {})
    return "enabled application '%s' on pool '%s'" % (app, name)


def delete(state, name, confirm_name=None, sure=None):
    from . import cephstate
    get(state, name)
    if confirm_name != name or sure != "--yes-i-really-really-mean-it":
        raise ceph_error(EPERM, "EPERM", "WARNING: this will *PERMANENTLY DESTROY* all data stored in pool %s.  If you are "
                         "*ABSOLUTELY CERTAIN* that is what you want, pass the pool name *twice*, followed by "
                         "--yes-i-really-really-mean-it." % name)
    if cephstate.conf_value("mon_allow_pool_delete", "false") != "true" and not _db_allows_delete(state):
        raise ceph_error(EPERM, "EPERM", "pool deletion is disabled; you must first set the mon_allow_pool_delete config option "
                         "to true before you can destroy a pool")
    del state["pools"][name]
    state.get("pool_objects", {}).pop(name, None)
    return "pool '%s' removed" % name


def _db_allows_delete(state):
    return any(e["name"] == "mon_allow_pool_delete" and e["value"] in ("true", "1") for e in state["config"])


def ls_entry(state, pool):
    """One entry of `pveceph pool ls --output-format json`."""
    from . import cephstate
    raw, used, _ = cephstate.usage(state)
    objs = state.get("pool_objects", {}).get(pool["pool_name"], [])
    bytes_used = sum(o["size"] for o in objs) * pool["size"]
    return {
        "pool": pool["pool"], "pool_name": pool["pool_name"], "size": pool["size"], "min_size": pool["min_size"],
        "pg_num": pool["pg_num"], "pg_num_min": pool["pg_num_min"] or None, "pg_num_final": pool["pg_num"],
        "pg_autoscale_mode": pool["pg_autoscale_mode"], "autoscale_status": None,
        "target_size": pool["target_size_bytes"] or None, "target_size_ratio": pool["target_size_ratio"] or None,
        "crush_rule": pool["crush_rule"], "crush_rule_name": "replicated_rule",
        "application_metadata": pool["application_metadata"], "type": pool["type"],
        "bytes_used": bytes_used, "percent_used": (bytes_used / raw) if raw else 0,
    }


def detail_entry(pool):
    """One entry of `ceph osd pool ls detail -f json`."""
    return {"pool_id": pool["pool"], "pool_name": pool["pool_name"], "create_time": "", "flags": 1, "flags_names": "hashpspool",
            "type": 1, "size": pool["size"], "min_size": pool["min_size"], "crush_rule": pool["crush_rule"],
            "object_hash": 2, "pg_autoscale_mode": pool["pg_autoscale_mode"], "pg_num": pool["pg_num"],
            "pg_placement_num": pool["pgp_num"], "pg_placement_num_target": pool["pgp_num"], "pg_num_target": pool["pg_num"],
            "pg_num_pending": pool["pg_num"], "options": ({"pg_num_min": pool["pg_num_min"]} if pool["pg_num_min"] else {})
            | ({"target_size_bytes": pool["target_size_bytes"]} if pool["target_size_bytes"] else {})
            | ({"target_size_ratio": pool["target_size_ratio"]} if pool["target_size_ratio"] else {}),
            "application_metadata": pool["application_metadata"]}


def detail_line(pool):
    apps = ",".join(sorted(pool["application_metadata"]))
    return ("pool %d '%s' replicated size %d min_size %d crush_rule %d object_hash rjenkins pg_num %d pgp_num %d "
            "autoscale_mode %s last_change 1 flags hashpspool stripe_width 0%s" % (
                pool["pool"], pool["pool_name"], pool["size"], pool["min_size"], pool["crush_rule"], pool["pg_num"],
                pool["pgp_num"], pool["pg_autoscale_mode"], (" application " + apps) if apps else ""))

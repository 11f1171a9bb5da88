"""pveceph: install, init, mon/mgr/osd create and destroy, pool create/set/ls/get/destroy, start/stop.

Exit codes as pve-manager: osd/mon/mgr/start/stop die with 255 when their task fails; pool
create/set/destroy print the error but exit 0 (the real trap). Inside a lab node the monitors,
managers, OSDs and pools are real Ceph (realceph.py); the bookkeeping in state.json stays for pvesh."""
import os
import sys

from . import cephstate as cs
from . import cli, env, pools, realceph
from .env import Die
from .tasks import Task

REPOS = ("enterprise", "no-subscription", "test")
SOURCES = "/etc/apt/sources.list.d/ceph.sources"


def main(argv):
    if not argv:
        raise Die("ERROR: no command specified\nUSAGE: pveceph <COMMAND> [ARGS] [OPTIONS]")
    cmd, rest = argv[0], argv[1:]
    sub = rest[0] if rest else None
    if cmd == "install":
        return install(rest)
    if cmd == "init":
        return init(rest)
    if cmd in ("mon", "mgr", "osd", "pool") and sub is None:
        raise Die("ERROR: no command specified")
    daemon_command = {("mon", "create"): mon_create, ("mon", "destroy"): mon_destroy,
                      ("mgr", "create"): mgr_create, ("mgr", "destroy"): mgr_destroy,
                      ("osd", "create"): osd_create, ("osd", "destroy"): osd_destroy}.get((cmd, sub))
    if daemon_command is not None:
        return daemon_command(rest[1:])
    if cmd == "pool":
        return pool_cmd(sub, rest[1:])
    if cmd in ("start", "stop"):
        return start_stop(cmd, rest)
    if cmd == "status":
        cs.check_installed()
        cs.check_inited()
        state = cs.load()
        cs.require_cluster(state)
        sys.stdout.write(cs.status_text(state))
        return 0
    raise Die("unknown command 'pveceph %s'" % " ".join(argv))


# ---------------------------------------------------------------- install / init

def install(argv):
    _, o = cli.parse(argv, booleans=("allow-experimental",), allowed=("repository", "version", "allow-experimental"))
    version = o.get("version", "squid")
    repo = o.get("repository", "enterprise")
    if version != "squid":
        raise Die("400 Parameter verification failed.\nversion: value '%s' does not have a value in the enumeration 'squid'\n" % version)
    if repo not in REPOS:
        raise Die("400 Parameter verification failed.\nrepository: value '%s' does not have a value in the enumeration '%s'\n"
                  % (repo, ", ".join(REPOS)))
    if "version" not in o and sys.stdout.isatty():
        sys.stdout.write("This will install Ceph Squid - continue (y/N)? ")
        sys.stdout.flush()
        if sys.stdin.readline().strip().lower() not in ("y", "yes"):
            raise Die("aborting installation as requested")
    if repo == "test":
        print("WARN: The test repository is only meant for testing and may break your setup!")
    uri = ("https://enterprise.proxmox.com/debian/ceph-squid" if repo == "enterprise"
           else "http://download.proxmox.com/debian/ceph-squid")
    env.write_text(SOURCES, "Types: deb\nURIs: %s\nSuites: trixie\nComponents: %s\n"
                            "Signed-By: /usr/share/keyrings/proxmox-archive-keyring.gpg\n" % (uri, repo))
    print("update available package list")
    print("start installation")
    print("lab: no packages are downloaded; the ceph, ceph-volume and rados emulators become available on this node")
    env.write_text(cs.INSTALLED, cs.VERSION + "\n")
    add_ceph_user()
    for d in ("/var/lib/ceph", "/var/lib/ceph/mon", "/var/lib/ceph/mgr", "/var/lib/ceph/osd", "/etc/ceph"):
        env.mkdirs(d)
    print("\ninstalled Ceph %s Squid successfully!" % cs.VERSION)
    return 0


def add_ceph_user():
    """What the ceph-common package's postinst does: a 'ceph' system user and group, so the
    guide's `chown ceph:ceph /var/lib/ceph` works. Only inside a lab node (or a test root)."""
    if not (env.in_lab() or env.test_root()):
        return
    for path, line in (("/etc/group", "ceph:x:64045:\n"),
                       ("/etc/passwd", "ceph:x:64045:64045:Ceph storage service:/var/lib/ceph:/usr/sbin/nologin\n")):
        text = env.read_text(path)
        if text is None or any(l.startswith("ceph:") for l in text.splitlines()):
            continue
        env.write_text(path, text + ("" if text.endswith("\n") or not text else "\n") + line)


def init(argv):
    _, o = cli.parse(argv, booleans=("disable_cephx",),
                     allowed=("network", "cluster-network", "size", "min_size", "pg_bits", "disable_cephx"))
    cs.check_installed()
    if "cluster-network" in o and "network" not in o:
        raise Die("400 Parameter verification failed.\ncluster-network: missing required dependency 'network'\n")
    for key in ("network", "cluster-network"):
        if key in o:
            _cidr(key, o[key])
    for key in ("size", "min_size"):
        if key in o and not (o[key].isdigit() and 1 <= int(o[key]) <= 7):
            raise Die("400 Parameter verification failed.\n%s: value must have a maximum value of 7\n" % key)
    _check_local_conf()
    with env.cluster_lock("ceph"):
        conf = cs.read_conf()
        env.mkdirs("/etc/pve/ceph")
        if "global" not in conf:
            conf["global"] = {
                "auth_client_required": "none" if o.get("disable_cephx") == "1" else "cephx",
                "auth_cluster_required": "none" if o.get("disable_cephx") == "1" else "cephx",
                "auth_service_required": "none" if o.get("disable_cephx") == "1" else "cephx",
                "fsid": cs.new_uuid(), "mon_allow_pool_delete": "true",
                "osd_pool_default_min_size": o.get("min_size", "2"), "osd_pool_default_size": o.get("size", "3"),
            }
        if "network" in o:
            conf["global"]["public_network"] = o["network"]
            conf["global"]["cluster_network"] = o["network"]
        if "cluster-network" in o:
            conf["global"]["cluster_network"] = o["cluster-network"]
        conf.setdefault("client", {})["keyring"] = "/etc/pve/priv/$cluster.$name.keyring"
        cs.write_conf(conf)
        if not env.exists("/etc/pve/priv/ceph.client.admin.keyring"):
            env.write_text("/etc/pve/priv/ceph.client.admin.keyring",
                           "[client.admin]\n\tkey = %s\n\tcaps mds = \"allow *\"\n\tcaps mgr = \"allow *\"\n"
                           "\tcaps mon = \"allow *\"\n\tcaps osd = \"allow *\"\n" % _key(), 0o600)
        if not env.exists(cs.STATE):
            cs.save(cs.empty_state())
    setup_pve_symlinks()
    return 0


def _check_local_conf():
    target = env.path("/etc/ceph/ceph.conf")
    if os.path.lexists(target) and not os.path.islink(target):
        raise Die("file '/etc/ceph/ceph.conf' already exists and is not a symlink to /etc/pve/ceph.conf")
    return target


def setup_pve_symlinks():
    """PVE::Ceph::Tools::setup_pve_symlinks: /etc/ceph/ceph.conf -> /etc/pve/ceph.conf on this node
    (init, and mon/mgr/osd create on every other node)."""
    target = _check_local_conf()
    env.mkdirs("/etc/ceph")
    if not os.path.islink(target):
        os.symlink(env.path("/etc/pve/ceph.conf"), target)


def _key():
    return realceph.new_key()


def _cidr(key, value):
    import ipaddress
    try:
        ipaddress.ip_network(value, strict=False)
        if "/" not in value:
            raise ValueError
    except ValueError:
        raise Die("400 Parameter verification failed.\n%s: value does not look like a valid CIDR network\n" % key)


def run_task(kind, task_id, fn):
    """A worker task in the foreground; its failure makes pveceph exit 255 ($upid_exit)."""
    task = Task(kind, task_id)
    try:
        fn(task)
    except Die as e:
        task.finish(str(e))
        raise Die(str(e))
    task.finish()
    return 0


# ---------------------------------------------------------------- mon / mgr

def mon_create(argv):
    _, o = cli.parse(argv, allowed=("monid", "mon-address"))
    node = env.node_name()
    monid = o.get("monid", node)
    cs.check_installed()
    cs.check_inited()
    setup_pve_symlinks()
    real = realceph.active()

    def work(task):
        with env.cluster_lock("ceph"):
            state = cs.load()
            if monid in state["mons"]:
                raise Die("monitor '%s' already exists" % monid)
            public, _ = cs.networks()
            if "mon-address" in o:
                addr = o["mon-address"].split(",")[0].strip()
                if public and not cs.address_in(public, [addr]):
                    raise Die("mon-address '%s' is not in the public network %s" % (addr, public))
            else:
                found = sorted({a for a in env.node_addresses() if cs.address_in(public, [a])}) if public else []
                if not found:
                    raise Die("No active IP found for the requested ceph public network '%s' on node '%s'" % (public, node))
                if len(found) > 1:
                    raise Die("Multiple active IPs for ceph public network '%s' detected on host '%s':\n%s\n"
                              "use 'mon-address' to specify one of them." % (public, node, "\n".join(found)))
                addr = found[0]
            if any(m["addr"] == addr for m in state["mons"].values()):
                raise Die("monitor address '%s' already in use" % addr)
            first = not state["mons"]
            if real:
                realceph.mon_mkfs(task, monid, addr, first, cs.conf_fsid())
            else:
                env.mkdirs("/var/lib/ceph/mon/ceph-%s" % monid)
                env.write_text("/var/lib/ceph/mon/ceph-%s/keyring" % monid, "[mon.]\n\tkey = %s\n" % _key(), 0o600)
            state["mons"][monid] = {"name": monid, "host": node, "addr": addr, "rank": len(state["mons"]), "created": env.now()}
            conf = cs.read_conf()
            hosts = conf["global"].get("mon_host", "").split()
            conf["global"]["mon_host"] = " ".join(hosts + [addr])
            conf["global"]["ms_bind_ipv4"] = "true"
            conf["global"]["ms_bind_ipv6"] = "false"
            conf.setdefault("mon.%s" % monid, {})["public_addr"] = addr
            if first:
                conf.setdefault("client.crash", {})["keyring"] = "/etc/pve/ceph/$cluster.$name.keyring"
            cs.write_conf(conf)
            if first:
                _set_db(state, "mon", "auth_allow_insecure_global_id_reclaim", "false")
            cs.save(state)
        if not real:
            task.log("creating new monitor keyring")
            task.log("monmaptool: monmap file /tmp/monmap")
        _systemctl(task, "start", "ceph-mon@%s" % monid)
        if first and real:
            task.log("created the first monitor, assume it's safe to disable insecure global ID reclaim for new setup")
            try:
                realceph.mon_command(["config", "set", "mon", "auth_allow_insecure_global_id_reclaim", "false"])
            except Die as e:
                task.warn(str(e))
        _systemctl(task, "enable", "ceph-mon@%s" % monid)
        if first:
            # PVE's MON.pm: "automatically create manager after the first monitor is created"
            _create_mgr(task, monid, node, addr)
    return run_task("cephcreatemon", "mon." + monid, work)


def _set_db(state, section, name, value):
    state["config"] = [e for e in state["config"] if not (e["section"] == section and e["name"] == name)]
    state["config"].append({"section": section, "name": name, "value": value})


def _systemctl(task, action, unit):
    rc, out, err = env.run_host_action(["systemctl", action, unit])
    if rc != 0:
        task.warn("systemctl %s %s failed: %s" % (action, unit, (err or out).strip()))


def mon_destroy(argv):
    pos, _ = cli.parse(argv, positional_max=1)
    if not pos:
        raise Die("400 not enough arguments\npveceph mon destroy <monid>")
    monid = pos[0]

    def work(task):
        with env.cluster_lock("ceph"):
            state = cs.load()
            if monid not in state["mons"]:
                raise Die("no such monitor id '%s'" % monid)
            if len(state["mons"]) <= 1:
                raise Die("can't remove last monitor")
            addr = state["mons"].pop(monid)["addr"]
            for i, m in enumerate(sorted(state["mons"].values(), key=lambda m: m["rank"])):
                m["rank"] = i
            conf = cs.read_conf()
            conf["global"]["mon_host"] = " ".join(h for h in conf["global"].get("mon_host", "").split() if h != addr)
            conf.pop("mon.%s" % monid, None)
            cs.write_conf(conf)
            cs.save(state)
        env.remove("/var/lib/ceph/mon/ceph-%s" % monid)
        _systemctl(task, "disable", "ceph-mon@%s" % monid)
    return run_task("cephdestroymon", "mon." + monid, work)


def _create_mgr(task, mgrid, node, addr):
    directory = "/var/lib/ceph/mgr/ceph-%s" % mgrid
    if env.exists(directory):
        raise Die("ceph manager directory '%s' already exists" % directory)
    env.mkdirs(directory)
    keyring = realceph.mgr_keyring(mgrid) if realceph.active() else "[mgr.%s]\n\tkey = %s\n" % (mgrid, _key())
    env.write_text(directory + "/keyring", keyring, 0o600)
    with env.cluster_lock("ceph"):
        state = cs.load()
        state["mgrs"][mgrid] = {"name": mgrid, "host": node, "addr": addr, "created": env.now()}
        if not state.get("active_mgr"):
            state["active_mgr"] = mgrid
        cs.save(state)
    task.log("creating manager directory '%s'" % directory)
    task.log("creating keys for 'mgr.%s'" % mgrid)
    task.log("setting owner for directory")
    task.log("enabling service 'ceph-mgr@%s.service'" % mgrid)
    _systemctl(task, "enable", "ceph-mgr@%s" % mgrid)
    task.log("starting service 'ceph-mgr@%s.service'" % mgrid)
    _systemctl(task, "start", "ceph-mgr@%s" % mgrid)


def mgr_create(argv):
    _, o = cli.parse(argv, allowed=("id",))
    node = env.node_name()
    mgrid = o.get("id", node)
    cs.check_installed()
    cs.check_inited()
    setup_pve_symlinks()
    state = cs.load()
    cs.require_cluster(state)
    addr = next((m["addr"] for m in state["mons"].values() if m["host"] == node), None)
    if addr is None:
        public, _ = cs.networks()
        addr = cs.address_in(public, env.node_addresses()) or ""
    return run_task("cephcreatemgr", "mgr." + mgrid, lambda task: _create_mgr(task, mgrid, node, addr))


def mgr_destroy(argv):
    pos, _ = cli.parse(argv, positional_max=1)
    mgrid = pos[0] if pos else env.node_name()

    def work(task):
        directory = "/var/lib/ceph/mgr/ceph-%s" % mgrid
        if not env.exists(directory):
            raise Die("manager '%s' does not exist" % mgrid)
        with env.cluster_lock("ceph"):
            state = cs.load()
            state["mgrs"].pop(mgrid, None)
            if state.get("active_mgr") == mgrid:
                state["active_mgr"] = sorted(state["mgrs"])[0] if state["mgrs"] else None
            cs.save(state)
        env.remove(directory)
        _systemctl(task, "disable", "ceph-mgr@%s" % mgrid)
    return run_task("cephdestroymgr", "mgr." + mgrid, work)


# ---------------------------------------------------------------- disks and OSDs

def resolve_dev(dev):
    """abs_path of a device inside the node (symlinks such as /dev/disk/by-id/... resolve)."""
    root = os.path.realpath(env.test_root()) if env.test_root() else ""
    real = os.path.realpath(env.path(dev))
    return real[len(root):] if root and real.startswith(root) else real


def used_marker(devpath):
    """A disk is in use by something other than Ceph when the lab marks it: a `<dev>.used` file next
    to the emulated disk holding what uses it (e.g. 'partitions', 'ext4', 'LVM', 'mounted')."""
    text = env.read_text(devpath + ".used")
    return text.strip() or "used" if text is not None else None


def osds_on(state, node, devpath):
    return [o for o in state["osds"].values() if o["host"] == node and (o["devpath"] == devpath or o.get("db_dev") == devpath)]


def disks_list(node):
    """GET /nodes/<node>/disks/list: the node's emulated disks from cluster.json plus Ceph usage."""
    info = env.node_info(node) or {"disks": []}
    state = cs.load()
    local = node == env.node_name()
    result = []
    for dev in info.get("disks", []):
        entry = {"devpath": dev, "gpt": 0, "mounted": 0, "model": "Lab Emulated NVMe", "serial": "LAB-%s-%s" % (node, dev.split("/")[-1]),
                 "wwn": "unknown", "vendor": "unknown", "type": "nvme", "rpm": 0, "health": "UNKNOWN", "wearout": "N/A",
                 "by_id_link": "/dev/disk/by-id/nvme-LAB-%s-%s" % (node, dev.split("/")[-1]), "osdid": -1, "osdid-list": None,
                 "size": cs.disk_size(dev) if local else 0}
        osds = osds_on(state, node, dev)
        if osds:
            entry["osdid"] = osds[0]["id"]
            entry["osdid-list"] = [o["id"] for o in osds]
            entry["used"] = "LVM"
        elif local and used_marker(dev):
            entry["used"] = used_marker(dev)
            if entry["used"] == "mounted":
                entry["mounted"] = 1
        result.append(entry)
    return result


def osd_create(argv):
    pos, o = cli.parse(argv, booleans=("encrypted",),
                       allowed=("db_dev", "db_dev_size", "wal_dev", "wal_dev_size", "encrypted", "crush-device-class", "osds-per-device"))
    if len(pos) != 1:
        raise Die("400 not enough arguments\npveceph osd create <dev> [OPTIONS]")
    node = env.node_name()
    cs.check_installed()
    cs.check_inited()
    if "db_dev_size" in o and "db_dev" not in o:
        raise Die("400 Parameter verification failed.\ndb_dev_size: missing required dependency 'db_dev'\n")
    if "osds-per-device" in o and ("db_dev" in o or "wal_dev" in o):
        raise Die("option 'osds-per-device' cannot be used with 'db_dev' or 'wal_dev'")
    state = cs.load()
    cs.require_cluster(state)
    dev = resolve_dev(pos[0])
    db_dev = resolve_dev(o["db_dev"]) if "db_dev" in o else None
    for d in [dev] + ([db_dev] if db_dev else []):
        if not env.exists(d):
            raise Die("unable to get device info for '%s'" % d)
        if not d.startswith("/dev/"):
            raise Die("not a valid block device '%s'" % d)
    public, cluster = cs.networks()
    net = cluster or public
    if not cs.address_in(net, env.node_addresses()):
        raise Die("No address from ceph cluster network (%s) found on node '%s'. Check your network config." % (net, node))
    if osds_on(state, node, dev) or used_marker(dev):
        raise Die("device '%s' is already in use" % dev)
    if db_dev and used_marker(db_dev):
        raise Die("device '%s' is already in use" % db_dev)
    setup_pve_symlinks()
    real = realceph.active()

    def work(task):
        if not env.exists("/var/lib/ceph/bootstrap-osd/ceph.keyring"):
            task.log("creating /var/lib/ceph/bootstrap-osd/ceph.keyring")
            env.write_text("/var/lib/ceph/bootstrap-osd/ceph.keyring", "[client.bootstrap-osd]\n\tkey = %s\n" % _key(), 0o600)
        task.log("create OSD on %s (bluestore)" % dev)
        if db_dev:
            task.log("creating block.db on '%s'" % db_dev)
        task.log("wiping block device %s" % dev)
        _write_label(dev, None)
        osd_fsid, vg, lv = cs.new_uuid(), cs.new_uuid(), cs.new_uuid()
        real_id = realceph.osd_create(task, dev, osd_fsid, o.get("crush-device-class")) if real else None
        with env.cluster_lock("ceph"):
            st = cs.load()
            if real_id is None and osds_on(st, node, dev):
                raise Die("device '%s' is already in use" % dev)
            osd_id = 0
            while str(osd_id) in st["osds"]:
                osd_id += 1
            osd_id = osd_id if real_id is None else real_id
            size = cs.disk_size(dev)
            addrs = env.node_addresses()
            st["osds"][str(osd_id)] = {
                "id": osd_id, "host": node, "devpath": dev, "db_dev": db_dev, "osd_fsid": osd_fsid,
                "vg_name": "ceph-" + vg, "lv_name": "osd-block-" + osd_fsid, "lv_uuid": lv.replace("-", "")[:24],
                "device_class": o.get("crush-device-class", "ssd"), "encrypted": o.get("encrypted") == "1",
                "size": size, "crush_weight": round(size / float(1 << 40), 5),
                "up": True, "in": True, "up_since": env.now(), "in_since": env.now(),
                "front_addr": cs.address_in(public, addrs) or cs.address_in(cluster, addrs),
                "back_addr": cs.address_in(cluster, addrs) or cs.address_in(public, addrs),
            }
            cs.save(st)
        cmd = ["/usr/sbin/ceph-volume", "lvm", "create", "--cluster-fsid", cs.conf_fsid()]
        if "crush-device-class" in o:
            cmd += ["--crush-device-class", o["crush-device-class"]]
        if db_dev:
            cmd += ["--block.db", "ceph-%s/osd-db-%s" % (vg, cs.new_uuid())]
        cmd += ["--data", dev] + (["--dmcrypt"] if o.get("encrypted") == "1" else [])
        task.log("Running command: " + " ".join(cmd))
        directory = "/var/lib/ceph/osd/ceph-%d" % osd_id
        if not real:
            _write_label(dev, osd_fsid)
            env.mkdirs(directory)
            env.write_text(directory + "/whoami", "%d\n" % osd_id)
            env.write_text(directory + "/fsid", osd_fsid + "\n")
            env.write_text(directory + "/type", "bluestore\n")
        task.log("Running command: /usr/bin/systemctl enable --runtime ceph-osd@%d" % osd_id)
        _systemctl(task, "enable", "ceph-osd@%d" % osd_id)
        task.log("Running command: /usr/bin/systemctl start ceph-osd@%d" % osd_id)
        _systemctl(task, "start", "ceph-osd@%d" % osd_id)
        task.log("--> ceph-volume lvm activate successful for osd ID: %d" % osd_id)
        task.log("--> ceph-volume lvm create successful for: %s" % dev)
    return run_task("cephcreateosd", dev.split("/")[-1], work)


def _write_label(dev, osd_fsid):
    """Writes (or wipes) the bluestore label at the start of the emulated disk file, like wipe_blockdev
    and ceph-volume do to a real disk."""
    p = env.path(dev)
    if not os.path.isfile(p):
        return
    label = (b"bluestore block device\n%s\n" % osd_fsid.encode()) if osd_fsid else b""
    with open(p, "r+b") as f:
        f.write(label.ljust(4096, b"\0"))
        f.flush()
        os.fsync(f.fileno())


def osd_destroy(argv):
    pos, o = cli.parse(argv, booleans=("cleanup",), allowed=("cleanup",))
    if len(pos) != 1 or not pos[0].isdigit():
        raise Die("400 Parameter verification failed.\nosdid: type check ('integer') failed - got '%s'\n" % (pos[0] if pos else ""))
    osd_id = int(pos[0])
    node = env.node_name()
    cs.check_installed()

    def work(task):
        with env.cluster_lock("ceph"):
            st = cs.load()
            osd = cs.osd_by_id(st, osd_id)
            if osd is None or osd["host"] != node:
                raise Die("OSD osd.%d does not belong to node %s!" % (osd_id, node))
            if osd["in"]:
                raise Die("osd is in use (in == 1)")
            if osd["up"]:
                raise Die("osd is still running (up == 1)")
            task.log("destroy OSD osd.%d" % osd_id)
            task.log("Remove osd.%d from the CRUSH map" % osd_id)
            task.log("Remove the osd.%d authentication key." % osd_id)
            task.log("Remove OSD osd.%d" % osd_id)
            del st["osds"][str(osd_id)]
            cs.save(st)
        _systemctl(task, "disable", "ceph-osd@%d" % osd_id)
        env.remove("/var/lib/ceph/osd/ceph-%d" % osd_id)
        if o.get("cleanup") == "1":
            task.log("zap device %s" % osd["devpath"])
            _write_label(osd["devpath"], None)
    return run_task("cephdestroyosd", str(osd_id), work)


def start_stop(cmd, argv):
    _, o = cli.parse(argv, allowed=("service",))
    service = o.get("service", "ceph.target")
    node = env.node_name()
    cs.check_installed()

    def work(task):
        with env.cluster_lock("ceph"):
            st = cs.load()
            targets = []
            if service in ("ceph.target", "osd", "ceph"):
                targets = [x for x in st["osds"].values() if x["host"] == node]
            elif service.startswith("osd."):
                x = cs.osd_by_id(st, service[4:])
                if x is None or x["host"] != node:
                    raise Die("OSD '%s' does not exist on node '%s'" % (service, node))
                targets = [x]
            for x in targets:
                x["up"] = cmd == "start"
                if cmd == "start":
                    x["up_since"] = env.now()
            cs.save(st)
        unit = {"ceph.target": "ceph.target", "ceph": "ceph.target"}.get(service)
        if unit is None:
            kind, _, ident = service.partition(".")
            unit = "ceph-%s@%s" % (kind, ident) if ident else "ceph-%s.target" % kind
        _systemctl(task, cmd, unit)
    return run_task("srv" + cmd, service, work)


# ---------------------------------------------------------------- pools

POOL_OPTS = ("size", "min_size", "pg_num", "pg_num_min", "pg_autoscale_mode", "application", "crush_rule",
             "target_size", "target_size_ratio", "add_storages", "erasure-coding", "output-format", "force",
             "remove_storages", "remove_ecprofile", "verbose")


def pool_cmd(sub, argv):
    pos, o = cli.parse(argv, booleans=("add_storages", "force", "remove_storages", "remove_ecprofile", "verbose"),
                       allowed=POOL_OPTS)
    fmt = o.get("output-format", "text")
    cs.check_installed()
    cs.check_inited()
    if sub == "ls":
        state = cs.load()
        cs.require_cluster(state)
        data = [pools.ls_entry(state, p) for p in sorted(state["pools"].values(), key=lambda p: p["pool"])]
        if fmt == "text":
            data = [{k: v for k, v in d.items() if k in ("pool_name", "size", "min_size", "pg_num", "pg_num_min",
                                                         "pg_num_final", "pg_autoscale_mode", "target_size", "target_size_ratio",
                                                         "crush_rule_name", "bytes_used", "percent_used")} for d in data]
        cli.output(data, fmt)
        return 0
    if not pos:
        raise Die("400 not enough arguments\npveceph pool %s <name> [OPTIONS]" % sub)
    name = pos[0]
    if sub == "get":
        state = cs.load()
        cs.require_cluster(state)
        pool = pools.get(state, name)
        data = pools.ls_entry(state, pool)
        data.update({"name": name, "id": pool["pool"], "pgp_num": pool["pgp_num"], "statistics": {"bytes_used": data["bytes_used"]}})
        cli.output(data, fmt)
        return 0
    _validate_pool_params(name, o)
    if sub == "create":
        return _pool_task("cephcreatepool", name, lambda t: _pool_create(t, name, o))
    if sub == "set":
        return _pool_task("cephsetpool", name, lambda t: _pool_set(t, name, o))
    if sub == "destroy":
        return _pool_task("cephdestroypool", name, lambda t: _pool_destroy(t, name, o))
    raise Die("unknown command 'pveceph pool %s'" % sub)


def _validate_pool_params(name, o):
    import re
    if not re.fullmatch(r"[^:/\s]+", name):
        raise Die("400 Parameter verification failed.\nname: value does not match the regex pattern\n")
    for key, lo, hi in (("size", 1, 7), ("min_size", 1, 7), ("pg_num", 1, 32768), ("pg_num_min", 0, 32768)):
        if key in o:
            if not str(o[key]).isdigit():
                raise Die("400 Parameter verification failed.\n%s: type check ('integer') failed - got '%s'\n" % (key, o[key]))
            n = int(o[key])
            if n < lo:
                raise Die("400 Parameter verification failed.\n%s: value must have a minimum value of %d\n" % (key, lo))
            if n > hi:
                raise Die("400 Parameter verification failed.\n%s: value must have a maximum value of %d\n" % (key, hi))
    if "pg_autoscale_mode" in o and o["pg_autoscale_mode"] not in ("on", "off", "warn"):
        raise Die("400 Parameter verification failed.\npg_autoscale_mode: value '%s' does not have a value in the enumeration "
                  "'on, off, warn'\n" % o["pg_autoscale_mode"])
    if "application" in o and o["application"] not in ("rbd", "cephfs", "rgw"):
        raise Die("400 Parameter verification failed.\napplication: value '%s' does not have a value in the enumeration "
                  "'rbd, cephfs, rgw'\n" % o["application"])


def _pool_task(kind, name, fn):
    """pool create/set/destroy: a task whose failure is printed but does NOT change the exit code."""
    task = Task(kind, name)
    try:
        fn(task)
        task.finish()
    except Die as e:
        sys.stderr.write(str(e).rstrip("\n") + "\n")
        task.finish(str(e))
    return 0


def _pool_create(task, name, o):
    with env.cluster_lock("ceph"):
        st = cs.load()
        cs.require_cluster(st)
        if realceph.active():
            realceph.pool_create(name, o.get("pg_num", "128"))
        task.log(pools.create(st, name, o.get("pg_num", "128")))
        try:
            _apply_pool_settings(task, st, name, dict({"size": "3", "min_size": "2", "application": "rbd",
                                                       "pg_autoscale_mode": "warn"}, **o))
        finally:
            cs.save(st)  # like the real worker, settings made before a failure stay
    if o.get("add_storages") == "1":
        from . import storage
        storage.add(name, {"type": "rbd", "pool": name, "content": "rootdir,images", "krbd": "0"})
        task.log("added storage '%s'" % name)


def _apply_pool_settings(task, st, name, o):
    real = realceph.active()
    for key in ("size", "min_size", "pg_num", "pg_num_min", "pg_autoscale_mode", "target_size_ratio"):
        if key in o:
            if real:
                realceph.pool_set(name, key, o[key])
            task.log(pools.set_value(st, name, key, o[key]))
    if "target_size" in o:
        if real:
            realceph.pool_set(name, "target_size_bytes", _size_bytes(o["target_size"]))
        task.log(pools.set_value(st, name, "target_size_bytes", _size_bytes(o["target_size"])))
    if "crush_rule" in o:
        if real:
            realceph.pool_set(name, "crush_rule", o["crush_rule"])
        pools.set_crush_rule_name(st, name, o["crush_rule"])
    if "application" in o:
        if real:
            realceph.pool_set(name, "application", o["application"])
        task.log(pools.enable_application(st, name, o["application"]))


def _size_bytes(text):
    import re
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KMGTP]?)", str(text).upper())
    if not m:
        raise Die("400 Parameter verification failed.\ntarget_size: value does not match the regex pattern\n")
    return int(float(m.group(1)) * {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40, "P": 1 << 50}[m.group(2)])


def _pool_set(task, name, o):
    with env.cluster_lock("ceph"):
        st = cs.load()
        cs.require_cluster(st)
        pools.get(st, name)
        try:
            _apply_pool_settings(task, st, name, o)
        finally:
            cs.save(st)


def _pool_destroy(task, name, o):
    with env.cluster_lock("ceph"):
        st = cs.load()
        cs.require_cluster(st)
        pools.get(st, name)
        if st.get("pool_objects", {}).get(name) and o.get("force") != "1":
            raise Die("pool '%s' is not empty (use 'force' to destroy anyway)" % name)
        if realceph.active():
            realceph.pool_delete(name)
        task.log(pools.delete(st, name, name, "--yes-i-really-really-mean-it"))
        cs.save(st)
    if o.get("remove_storages") == "1":
        from . import storage
        storage.remove_for_pool(name)

"""PVE 9 SDN fabrics: the config (fabrics.cfg), its validation, the running/pending views and the
per-node files an apply generates (interfaces.d/sdn, frr.conf, daemons).

Rules and error strings follow pve-network 1.1.x / proxmox-ve-config 0.4.x (see proxmox-api.md 1.3-1.8).
"""
import hashlib
import ipaddress
import os
import re

from . import env
from .env import Die

FABRICS_CFG = "/etc/pve/sdn/fabrics.cfg"
RUNNING_CFG = "/etc/pve/sdn/.running-config"
LOCK_FILE = "/etc/pve/sdn/.lock"

FABRIC_ID_RE = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9-]{0,6}[a-zA-Z0-9]?$")
NODE_ID_RE = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]?$")
IFACE_RE = re.compile(r"^[a-z][a-z0-9_]{1,20}([:\.]\d+)?$", re.I)
PROTOCOLS = ("openfabric", "ospf")

FABRIC_KEYS = {
    "openfabric": ("ip_prefix", "ip6_prefix", "hello_interval", "csnp_interval"),
    "ospf": ("ip_prefix", "area"),
}
FABRIC_DELETABLE = {"openfabric": ("hello_interval", "csnp_interval"), "ospf": ("area",)}
IFACE_FIELDS = {"openfabric": ("name", "hello_multiplier", "ip", "ip6"), "ospf": ("name", "ip")}


def param_error(errors):
    """Perl JSONSchema's parameter error: one line per parameter (checked before the handler runs, so
    it carries no "... failed: " prefix)."""
    lines = "".join("%s: %s\n" % (k, v) for k, v in errors.items())
    return Die("400 Parameter verification failed.\n" + lines)


# ---------------------------------------------------------------- values

def parse_cidr(value, version, param):
    try:
        net = ipaddress.ip_interface(value)
    except ValueError:
        raise param_error({param: "invalid format - value '%s' does not look like a valid CIDR network" % value})
    if net.version != version or "/" not in value:
        raise param_error({param: "invalid format - value '%s' does not look like a valid CIDR network" % value})
    return net


def parse_ip(value, version, param):
    try:
        ip = ipaddress.ip_address(value)
    except ValueError:
        raise param_error({param: "invalid format - value '%s' does not look like a valid IP address" % value})
    if ip.version != version:
        raise param_error({param: "invalid format - value '%s' does not look like a valid IPv%d address" % (value, version)})
    return ip


def parse_int(value, param, lo, hi):
    try:
        n = int(str(value), 10)
    except ValueError:
        raise param_error({param: "type check ('integer') failed - got '%s'" % value})
    if n < lo:
        raise param_error({param: "value must have a minimum value of %d" % lo})
    if n > hi:
        raise param_error({param: "value must have a maximum value of %d" % hi})
    return n


def parse_interface(text, protocol):
    """A property string (name=en05,hello_multiplier=3) -> dict, validated. The interface format has no
    default key, so a bare value (en05) is refused as pve-common JSONSchema.pm parse_property_string does."""
    fields = IFACE_FIELDS[protocol]
    item = {}
    for part in [p for p in text.split(",") if p != ""]:
        if "=" not in part:
            raise param_error({"interfaces": "invalid format - value without key, but schema does not define a default key"})
        k, v = part.split("=", 1)
        if k not in fields:
            raise param_error({"interfaces": "invalid format - property '%s' is not defined in schema" % k})
        if k in item:
            raise param_error({"interfaces": "invalid format - duplicate key in comma-separated list property: %s" % k})
        item[k] = v
    if "name" not in item:
        raise param_error({"interfaces": "invalid format - property 'name' is missing"})
    if not IFACE_RE.match(item["name"]) or len(item["name"]) > 15:
        raise param_error({"interfaces": "invalid format - value does not look like a valid interface name: %s" % item["name"]})
    if "hello_multiplier" in item:
        item["hello_multiplier"] = str(parse_int(item["hello_multiplier"], "interfaces.hello_multiplier", 2, 100))
    if "ip" in item:
        parse_cidr(item["ip"], 4, "interfaces.ip")
    if "ip6" in item:
        parse_cidr(item["ip6"], 6, "interfaces.ip6")
    return item


def format_interface(item, protocol):
    """Re-serialised in struct-field order, as proxmox-schema does."""
    return ",".join("%s=%s" % (k, item[k]) for k in IFACE_FIELDS[protocol] if k in item)


# ---------------------------------------------------------------- fabrics.cfg

class Config:
    """The fabric config: fabrics by id and nodes by (fabric_id, node_id), in API form."""

    def __init__(self, fabrics=None, nodes=None):
        self.fabrics = fabrics or {}
        self.nodes = nodes or {}

    @staticmethod
    def load():
        return Config.parse(env.read_text(FABRICS_CFG, ""))

    @staticmethod
    def parse(text):
        cfg = Config()
        current = None
        for raw in text.splitlines():
            line = raw.rstrip()
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not raw[0].isspace():
                stype, sid = [x.strip() for x in line.split(":", 1)]
                protocol, kind = stype.split("_", 1)
                if kind == "fabric":
                    current = {"id": sid, "protocol": protocol}
                    cfg.fabrics[sid] = current
                else:
                    fid, nid = sid.split("_", 1)
                    current = {"fabric_id": fid, "node_id": nid, "protocol": protocol, "interfaces": []}
                    cfg.nodes[(fid, nid)] = current
                continue
            key, _, value = line.strip().partition(" ")
            value = value.strip()
            if key == "interfaces":
                current["interfaces"].append(value)
            elif key in ("hello_interval", "csnp_interval"):
                current[key] = int(value)
            else:
                current[key] = value
        return cfg

    def render(self):
        out = []
        for fid in sorted(self.fabrics):
            f = self.fabrics[fid]
            out.append("%s_fabric: %s\n" % (f["protocol"], fid))
            for k in sorted(k for k in f if k not in ("id", "protocol")):
                out.append("\t%s %s\n" % (k, f[k]))
            out.append("\n")
            for key in sorted(k for k in self.nodes if k[0] == fid):
                n = self.nodes[key]
                out.append("%s_node: %s_%s\n" % (n["protocol"], fid, n["node_id"]))
                for k in sorted(k for k in n if k not in ("fabric_id", "node_id", "protocol")):
                    if k == "interfaces":
                        for item in n[k]:
                            out.append("\tinterfaces %s\n" % item)
                    else:
                        out.append("\t%s %s\n" % (k, n[k]))
                out.append("\n")
        return "".join(out)

    def save(self):
        env.write_text(FABRICS_CFG, self.render(), 0o640)

    def digest(self):
        return hashlib.sha256(self.render().encode()).hexdigest()

    def validate(self):
        """Whole-config checks that run on every write, so an invalid config is never written."""
        prefixes = []
        areas = {}
        owners = {}
        for fid in sorted(self.fabrics):
            f = self.fabrics[fid]
            for key, version in (("ip_prefix", 4), ("ip6_prefix", 6)):
                if key in f:
                    net = ipaddress.ip_interface(f[key]).network
                    for other_id, other in prefixes:
                        if other.version == net.version and other.overlaps(net):
                            raise Die("IP prefix %s of fabric '%s' overlaps with IP prefix %s of fabric '%s'"
                                      % (f[key], fid, other, other_id))
                    prefixes.append((fid, net))
            if f["protocol"] == "ospf":
                area = normalise_area(f["area"])
                if area in areas:
                    raise Die("duplicate OSPF area")
                areas[area] = fid
            seen_ips = set()
            for key in sorted(k for k in self.nodes if k[0] == fid):
                n = self.nodes[key]
                if n["protocol"] != f["protocol"]:
                    raise Die("node has a different protocol than the referenced fabric")
                for ip_key, prefix_key, suffix in (("ip", "ip_prefix", ""), ("ip6", "ip6_prefix", "6")):
                    if prefix_key in f and ip_key not in n:
                        raise Die("node '%s' in fabric '%s' has no IPv%s address, but the fabric has an IPv%s prefix"
                                  % (n["node_id"], fid, "6" if suffix else "4", "6" if suffix else "4"))
                    if ip_key in n:
                        ip = ipaddress.ip_address(n[ip_key])
                        if prefix_key in f and ip not in ipaddress.ip_interface(f[prefix_key]).network:
                            raise Die("node IP %s is outside the IP prefix %s of the fabric" % (n[ip_key], f[prefix_key]))
                        if ip in seen_ips:
                            raise Die("fabric %s contains nodes with duplicated IPs" % fid)
                        seen_ips.add(ip)
                for item in n["interfaces"]:
                    name = parse_interface(item, n["protocol"])["name"]
                    owner = owners.get((n["node_id"], name))
                    if owner is not None and owner != fid:
                        raise Die("interface is already in use by another fabric")
                    owners[(n["node_id"], name)] = fid


def normalise_area(area):
    area = str(area)
    if re.fullmatch(r"\d+", area):
        return str(ipaddress.IPv4Address(int(area)))
    return area


# ---------------------------------------------------------------- lock token

def check_lock(params):
    token = env.read_text(LOCK_FILE)
    if token is not None and params.get("lock-token") != token.strip():
        raise Die("invalid lock token provided!")


# ---------------------------------------------------------------- CRUD

MISSING = "property is missing and it is not optional"


def checked_protocol(params, errors):
    """The protocol parameter; a missing or unknown one goes into `errors` (all problems are reported at once)."""
    protocol = params.get("protocol")
    if protocol is None:
        errors["protocol"] = MISSING
    elif protocol not in PROTOCOLS:
        errors["protocol"] = "value '%s' does not have a value in the enumeration '%s'" % (protocol, ", ".join(PROTOCOLS))
    return protocol


def fabric_from_params(params, create):
    errors = {}
    protocol = checked_protocol(params, errors)
    if create:
        fid = params.get("id")
        if fid is None:
            errors["id"] = MISSING
        elif len(fid) > 8:
            errors["id"] = "value may only be 8 characters long"
        elif not FABRIC_ID_RE.match(fid):
            errors["id"] = "value does not match the regex pattern"
    if errors:
        raise param_error(errors)
    allowed = FABRIC_KEYS[protocol]
    fabric = {}
    for key in ("ip_prefix", "ip6_prefix", "hello_interval", "csnp_interval", "area"):
        if key not in params:
            continue
        if key not in allowed:
            if key == "ip6_prefix" and protocol == "ospf":
                raise Die("IPv6 is currently not supported for protocol ospf")
            raise Die("property '%s' is not valid for protocol %s" % (key, protocol))
        value = params[key]
        if key == "ip_prefix":
            net = parse_cidr(value, 4, key)
            value = str(net.network) if create else value
        elif key == "ip6_prefix":
            net = parse_cidr(value, 6, key)
            value = str(net.network) if create else value
        elif key in ("hello_interval", "csnp_interval"):
            value = parse_int(value, key, 1, 600)
        elif key == "area":
            if not (re.fullmatch(r"\d+", value) and int(value) < 2 ** 32) and not _is_ipv4(value):
                raise param_error({key: "invalid format - value '%s' is neither a u32 nor an IPv4 address" % value})
        fabric[key] = value
    return protocol, fabric


def _is_ipv4(value):
    try:
        ipaddress.IPv4Address(value)
        return True
    except ValueError:
        return False


def create_fabric(params):
    check_lock(params)
    protocol, values = fabric_from_params(params, create=True)
    cfg = Config.load()
    fid = params["id"]
    if fid in cfg.fabrics:
        raise Die("fabric '%s' already exists in config" % fid)
    if protocol == "ospf":
        for key in ("area", "ip_prefix"):
            if key not in values:
                raise param_error({key: MISSING})
    elif "ip_prefix" not in values and "ip6_prefix" not in values:
        raise Die("fabric '%s' needs an IPv4 or IPv6 prefix (ip_prefix or ip6_prefix)" % fid)
    cfg.fabrics[fid] = dict({"id": fid, "protocol": protocol}, **values)
    cfg.validate()
    cfg.save()


def update_fabric(fid, params):
    check_lock(params)
    cfg = Config.load()
    fabric = get_fabric_obj(cfg, fid)
    if params.get("protocol") in PROTOCOLS and params["protocol"] != fabric["protocol"]:
        raise Die("ProtocolMismatch: fabric '%s' uses protocol %s, not %s" % (fid, fabric["protocol"], params["protocol"]))
    protocol, values = fabric_from_params(params, create=False)
    if fabric["protocol"] != protocol:
        raise Die("ProtocolMismatch: fabric '%s' uses protocol %s, not %s" % (fid, fabric["protocol"], protocol))
    for key in params.get("delete", []):
        for k in [k for k in re.split(r"[,;\s]+", key) if k]:
            if k not in FABRIC_DELETABLE[protocol]:
                raise param_error({"delete": "value '%s' does not have a value in the enumeration '%s'"
                                   % (k, ", ".join(FABRIC_DELETABLE[protocol]))})
            fabric.pop(k, None)
    fabric.update(values)
    cfg.validate()
    cfg.save()


def delete_fabric(fid, params):
    check_lock(params)
    cfg = Config.load()
    get_fabric_obj(cfg, fid)
    if any(k[0] == fid for k in cfg.nodes):
        # the Rust config refuses to leave nodes without their fabric
        raise Die("fabric '%s' still has nodes; delete them first" % fid)
    del cfg.fabrics[fid]
    cfg.save()


def get_fabric_obj(cfg, fid):
    if fid not in cfg.fabrics:
        raise Die("fabric '%s' does not exist in configuration" % fid)
    return cfg.fabrics[fid]


def node_from_params(fabric, params, create):
    errors = {}
    protocol = checked_protocol(params, errors)
    if create:
        nid = params.get("node_id")
        if nid is None:
            errors["node_id"] = MISSING
        elif not NODE_ID_RE.match(nid):
            errors["node_id"] = "invalid format - value '%s' does not look like a valid node name" % nid
    if errors:
        raise param_error(errors)
    if protocol != fabric["protocol"]:
        raise Die("node has a different protocol than the referenced fabric")
    node = {}
    if "ip" in params:
        node["ip"] = str(parse_ip(params["ip"], 4, "ip"))
    if "ip6" in params:
        if protocol == "ospf":
            raise Die("IPv6 is currently not supported for protocol ospf")
        node["ip6"] = str(parse_ip(params["ip6"], 6, "ip6"))
    if "interfaces" in params:
        node["interfaces"] = [format_interface(parse_interface(i, protocol), protocol) for i in params["interfaces"]]
    return protocol, node


def create_node(fid, params):
    check_lock(params)
    cfg = Config.load()
    fabric = get_fabric_obj(cfg, fid)
    protocol, values = node_from_params(fabric, params, create=True)
    nid = params["node_id"]
    if (fid, nid) in cfg.nodes:
        raise Die("node '%s' already exists in fabric '%s'" % (nid, fid))
    if protocol == "ospf" and "ip" not in values:
        raise param_error({"ip": MISSING})
    if protocol == "openfabric" and "ip" not in values and "ip6" not in values:
        raise Die("node '%s' needs an IPv4 or IPv6 address (ip or ip6)" % nid)
    node = {"fabric_id": fid, "node_id": nid, "protocol": protocol, "interfaces": []}
    node.update(values)
    cfg.nodes[(fid, nid)] = node
    cfg.validate()
    cfg.save()


def update_node(fid, nid, params):
    check_lock(params)
    cfg = Config.load()
    fabric = get_fabric_obj(cfg, fid)
    node = get_node_obj(cfg, fid, nid)
    protocol, values = node_from_params(fabric, params, create=False)
    for key in params.get("delete", []):
        for k in [k for k in re.split(r"[,;\s]+", key) if k]:
            if k not in ("interfaces", "ip", "ip6"):
                raise param_error({"delete": "value '%s' does not have a value in the enumeration 'interfaces, ip, ip6'" % k})
            if k == "interfaces":
                node["interfaces"] = []
            else:
                node.pop(k, None)
    node.update(values)  # interfaces, when given, replace the whole list
    cfg.validate()
    cfg.save()


def delete_node(fid, nid, params):
    check_lock(params)
    cfg = Config.load()
    get_fabric_obj(cfg, fid)
    get_node_obj(cfg, fid, nid)
    del cfg.nodes[(fid, nid)]
    cfg.save()


def get_node_obj(cfg, fid, nid):
    if (fid, nid) not in cfg.nodes:
        raise Die("node '%s' does not exist in fabric '%s'" % (nid, fid))
    return cfg.nodes[(fid, nid)]


# ---------------------------------------------------------------- views

def running_config():
    return env.read_json(RUNNING_CFG, None) or {}


def running_objects():
    """Fabrics and nodes of the last applied config (from .running-config), in API form."""
    ids = running_config().get("fabrics", {}).get("ids", {})
    fabrics, nodes = {}, {}
    for sid, entry in ids.items():
        protocol, kind = entry["type"].split("_", 1)
        values = {k: v for k, v in entry.items() if k not in ("type", "id")}
        if kind == "fabric":
            fabrics[sid] = dict({"id": sid, "protocol": protocol}, **values)
        else:
            fid, nid = sid.split("_", 1)
            node = {"fabric_id": fid, "node_id": nid, "protocol": protocol, "interfaces": []}
            node.update({k: v for k, v in values.items() if k not in ("fabric_id", "node_id")})
            nodes[(fid, nid)] = node
    return Config(fabrics, nodes)


def to_running_ids(cfg):
    ids = {}
    for fid, f in cfg.fabrics.items():
        ids[fid] = dict({"type": f["protocol"] + "_fabric", "id": fid}, **{k: v for k, v in f.items() if k not in ("id", "protocol")})
    for (fid, nid), n in cfg.nodes.items():
        entry = {"type": n["protocol"] + "_node", "id": "%s_%s" % (fid, nid)}
        entry.update({k: v for k, v in n.items() if k != "protocol"})
        ids[entry["id"]] = entry
    return ids


def _comparable(obj):
    out = dict(obj)
    if "interfaces" in out:
        out["interfaces"] = sorted(out["interfaces"])
    return out


def pending_object(running, current, digest):
    if running is None:
        return {"state": "new", "pending": dict(current), "digest": digest}
    if current is None:
        return dict(running, state="deleted", pending={})
    a, b = _comparable(running), _comparable(current)
    changes = {}
    for k in set(a) | set(b):
        if k not in b:
            changes[k] = "deleted"
        elif a.get(k) != b[k]:
            changes[k] = current[k]
    if not changes:
        return dict(running)
    return dict(running, state="changed", pending=changes)


def view(kind, fabric_id=None, running=False, pending=False):
    """The GET list endpoints: kind 'fabrics' or 'nodes', optionally limited to one fabric."""
    cfg = Config.load()
    digest = cfg.digest()
    if running:
        rc = running_objects()
        fabrics = [rc.fabrics[k] for k in sorted(rc.fabrics)]
        nodes = [rc.nodes[k] for k in sorted(rc.nodes)]
    elif pending:
        rc = running_objects()
        fabrics = [pending_object(rc.fabrics.get(k), cfg.fabrics.get(k), digest)
                   for k in sorted(set(rc.fabrics) | set(cfg.fabrics))]
        nodes = [pending_object(rc.nodes.get(k), cfg.nodes.get(k), digest)
                 for k in sorted(set(rc.nodes) | set(cfg.nodes))]
    else:
        fabrics = [dict(cfg.fabrics[k], digest=digest) for k in sorted(cfg.fabrics)]
        nodes = [dict(cfg.nodes[k], digest=digest) for k in sorted(cfg.nodes)]
    if fabric_id is not None:
        nodes = [n for n in nodes if (n.get("fabric_id") or n.get("pending", {}).get("fabric_id")) == fabric_id]
    if kind == "fabrics":
        return fabrics
    if kind == "nodes":
        return nodes
    return {"fabrics": fabrics, "nodes": nodes}


def has_pending():
    everything = view("all", pending=True)
    return any("state" in o for o in everything["fabrics"] + everything["nodes"])


def commit():
    """Compiles the current config into .running-config and bumps its version."""
    running = running_config()
    version = int(running.get("version", 0)) + 1
    new = {"version": version, "fabrics": {"ids": to_running_ids(Config.load())}}
    for key in ("zones", "vnets", "subnets", "controllers"):
        new[key] = running.get(key, {"ids": {}})
    env.write_json(RUNNING_CFG, new)
    return new


def rollback():
    rc = running_objects()
    rc.save()


# ---------------------------------------------------------------- per-node generation

def net_from_ip(ip):
    """49.0001.<system-id>.00: IPv4 octets padded to 3 digits regrouped in fours; IPv6 last 3 hextets."""
    addr = ipaddress.ip_address(ip)
    if addr.version == 4:
        digits = "".join("%03d" % int(o) for o in str(addr).split("."))
        groups = [digits[i:i + 4] for i in range(0, 12, 4)]
    else:
        groups = ["%04x" % int(h, 16) for h in addr.exploded.split(":")[-3:]]
    return "49.0001.%s.00" % ".".join(groups)


def node_fabrics(cfg, node):
    """(fabric, node-entry) pairs this node takes part in, sorted by fabric id."""
    return [(cfg.fabrics[fid], cfg.nodes[(fid, nid)]) for (fid, nid) in sorted(cfg.nodes)
            if nid == node and fid in cfg.fabrics]


DUMMY_PROBE_CACHE = "/run/meshplay-lab-pvelab/dummy-support"


def lab_no_dummy():
    """True when this node cannot create `dummy` links: the router ID then goes on lo (see README).

    Inside a lab node it is probed once per boot (`ip link add meshplaytest0 type dummy`, in the
    node's own netns); under a test root nothing is probed (that would touch the host) and
    MESHPLAY_LAB_NO_DUMMY=1 selects the lo variant; on any other host dummy links are assumed."""
    if os.environ.get("MESHPLAY_LAB_NO_DUMMY") == "1":
        return True
    if env.test_root() or not env.in_lab():
        return False
    cached = env.read_text(DUMMY_PROBE_CACHE)
    if cached is None:
        rc, _, _ = env.run_host_action(["ip", "link", "add", "meshplaytest0", "type", "dummy"], timeout=10)
        if rc == 0:
            env.run_host_action(["ip", "link", "del", "meshplaytest0"], timeout=10)
        cached = "yes" if rc == 0 else "no"
        env.write_text(DUMMY_PROBE_CACHE, cached + "\n")
    return cached.strip() != "yes"


# PVE 9.1 (libpve-rs-perl 0.11.0, proxmox-perl-rs commit 80d69d9 "always add node-ip to all fabric
# interfaces") puts the node's router ID on every unnumbered fabric interface; 9.0 (libpve-rs-perl
# 0.10.x) wrote only `auto X` / `iface X` / `ip-forward 1` for it.
ROUTER_ID_ON_PORTS_SINCE = (9, 1)


def interfaces_sdn(cfg, node, version, release=None):
    """/etc/network/interfaces.d/sdn of NODE for running-config VERSION, in the format of the node's
    Proxmox VE RELEASE (default: the node's own, see env.pve_version)."""
    router_id_on_ports = env.release_at_least(release or env.pve_version(node), ROUTER_ID_ON_PORTS_SINCE)
    out = ["#version:%d\n" % version]
    for fabric, entry in node_fabrics(cfg, node):
        fid = fabric["id"]
        addrs = []
        if "ip" in entry:
            addrs.append(entry["ip"] + "/32")
        if "ip6" in entry:
            addrs.append(entry["ip6"] + "/128")
        if lab_no_dummy():
            out.append("\n# lab: this kernel has no 'dummy' link type; the router ID of PVE's dummy_%s is put on lo\n" % fid)
            out.append("auto lo\niface lo inet loopback\n")
            out.extend("\taddress %s\n" % a for a in addrs)
        else:
            out.append("\nauto dummy_%s\niface dummy_%s inet static\n" % (fid, fid))
            out.extend("\taddress %s\n" % a for a in addrs)
            out.append("\tlink-type dummy\n")
            if "ip" in entry:
                out.append("\tip-forward 1\n")
            if "ip6" in entry:
                out.append("\tip6-forward 1\n")
        for item in entry["interfaces"]:
            iface = parse_interface(item, entry["protocol"])
            own = [iface[k] for k in ("ip", "ip6") if k in iface]
            if not own and not router_id_on_ports:
                out.append("\nauto %s\niface %s\n" % (iface["name"], iface["name"]))
                out.append("\tip-forward 1\n" if "ip" in entry else "")
                out.append("\tip6-forward 1\n" if "ip6" in entry else "")
                continue
            # PVE 9.1+: an unnumbered interface also carries the node IP (ARP source selection)
            iface_addrs = own if own else addrs
            out.append("\nauto %s\niface %s inet static\n" % (iface["name"], iface["name"]))
            out.extend("\taddress %s\n" % a for a in iface_addrs)
            if "ip" in entry or "ip" in iface:
                out.append("\tip-forward 1\n")
            if "ip6" in entry or "ip6" in iface:
                out.append("\tip6-forward 1\n")
    return "".join(out)


def frr_conf(cfg, node, local_extra=""):
    head = ("frr version 10.3.1\nfrr defaults datacenter\nhostname %s\nlog syslog informational\n"
            "service integrated-vtysh-config\n!\n" % node)
    parts = []
    pairs = node_fabrics(cfg, node)
    openfabric = [(f, n) for f, n in pairs if f["protocol"] == "openfabric"]
    ospf = [(f, n) for f, n in pairs if f["protocol"] == "ospf"]
    loopback = "lo" if lab_no_dummy() else None
    if openfabric:
        first = openfabric[0][1]
        net = net_from_ip(first.get("ip") or first.get("ip6"))
        for f, n in openfabric:
            parts.append("router openfabric %s\n net %s\nexit\n!\n" % (f["id"], net))
        ifaces = {}
        for f, n in openfabric:
            dummy = loopback or "dummy_" + f["id"]
            lines = []
            if "ip" in n:
                lines.append(" ip router openfabric %s\n" % f["id"])
            if "ip6" in n:
                lines.append(" ipv6 router openfabric %s\n" % f["id"])
            ifaces[dummy] = lines + [" openfabric passive\n"]
            for item in n["interfaces"]:
                iface = parse_interface(item, "openfabric")
                lines = []
                if "ip" in n:
                    lines.append(" ip router openfabric %s\n" % f["id"])
                if "ip6" in n:
                    lines.append(" ipv6 router openfabric %s\n" % f["id"])
                if "hello_interval" in f:
                    lines.append(" openfabric hello-interval %s\n" % f["hello_interval"])
                if "hello_multiplier" in iface:
                    lines.append(" openfabric hello-multiplier %s\n" % iface["hello_multiplier"])
                if "csnp_interval" in f:
                    lines.append(" openfabric csnp-interval %s\n" % f["csnp_interval"])
                ifaces[iface["name"]] = lines
        for name in sorted(ifaces):
            parts.append("interface %s\n%sexit\n!\n" % (name, "".join(ifaces[name])))
        seq = 100
        rm4, rm6 = [], []
        for f, n in openfabric:
            if "ip_prefix" in f and "ip" in n:
                parts.append("access-list pve_openfabric_%s_ips permit %s\n!\n" % (f["id"], f["ip_prefix"]))
                rm4.append("route-map pve_openfabric permit %d\n match ip address pve_openfabric_%s_ips\n set src %s\nexit\n!\n"
                           % (seq, f["id"], n["ip"]))
            if "ip6_prefix" in f and "ip6" in n:
                parts.append("ipv6 access-list pve_openfabric_%s_ip6s permit %s\n!\n" % (f["id"], f["ip6_prefix"]))
                rm6.append("route-map pve_openfabric6 permit %d\n match ipv6 address pve_openfabric_%s_ip6s\n set src %s\nexit\n!\n"
                           % (seq, f["id"], n["ip6"]))
            seq += 1
        parts.extend(rm4)
        parts.extend(rm6)
        if rm4:
            parts.append("ip protocol openfabric route-map pve_openfabric\n!\n")
        if rm6:
            parts.append("ipv6 protocol openfabric route-map pve_openfabric6\n!\n")
    if ospf:
        parts.append("router ospf\n ospf router-id %s\nexit\n!\n" % ospf[0][1]["ip"])
        ifaces = {}
        for f, n in ospf:
            ifaces[loopback or "dummy_" + f["id"]] = [" ip ospf area %s\n" % f["area"], " ip ospf passive\n"]
            for item in n["interfaces"]:
                iface = parse_interface(item, "ospf")
                lines = [" ip ospf area %s\n" % f["area"]]
                if "ip" not in iface:
                    lines.append(" ip ospf network point-to-point\n")
                ifaces[iface["name"]] = lines
        for name in sorted(ifaces):
            parts.append("interface %s\n%sexit\n!\n" % (name, "".join(ifaces[name])))
        seq = 100
        rms = []
        for f, n in ospf:
            parts.append("access-list pve_ospf_%s_ips permit %s\n!\n" % (f["id"], f["ip_prefix"]))
            rms.append("route-map pve_ospf permit %d\n match ip address pve_ospf_%s_ips\n set src %s\nexit\n!\n" % (seq, f["id"], n["ip"]))
            seq += 1
        parts.extend(rms)
        parts.append("ip protocol ospf route-map pve_ospf\n!\n")
    if local_extra.strip():
        parts.append(local_extra.rstrip("\n") + "\n!\n")
    return head + "".join(parts) + "line vty\n!\n"


def daemons_text(old, fabricd, ospfd):
    """Sets fabricd/ospfd in /etc/frr/daemons, keeping every other line."""
    wanted = {"fabricd": "yes" if fabricd else "no", "ospfd": "yes" if ospfd else "no"}
    lines = (old or "").splitlines()
    seen = set()
    out = []
    for line in lines:
        m = re.match(r"^(fabricd|ospfd)=", line)
        if m:
            out.append("%s=%s" % (m.group(1), wanted[m.group(1)]))
            seen.add(m.group(1))
        else:
            out.append(line)
    for key in ("fabricd", "ospfd"):
        if key not in seen:
            out.append("%s=%s" % (key, wanted[key]))
    return "\n".join(out) + "\n"

#!/usr/bin/python3
"""Reads the lab inventory (a YAML inventory) into the lab model.

Only the standard library is available on a fresh machine, so this reads the
YAML subset inventories use: block maps and lists, flow lists/maps of scalars,
comments, plain and quoted scalars.

Usage: labinv.py INVENTORY json      -> the model as JSON
       labinv.py INVENTORY nodes     -> "name port mgmt_ip" lines
"""
import json
import re
import sys

# Port name -> (PCI address, kernel name) of the emulated TB4 controller.
TB_PORTS = {
    "en05": ("0000:00:0d.2", "thunderbolt0"),
    "en06": ("0000:00:0d.3", "thunderbolt1"),
}

# The Proxmox VE release a node runs unless its `lab_pve_version` says otherwise. The release decides
# which format of /etc/network/interfaces.d/sdn the emulated SDN apply writes (see lab/emulators/README.md).
DEFAULT_PVE_VERSION = "9.0.10"


class YamlError(Exception):
    pass


def _scalar(text):
    text = text.strip()
    if text.startswith('"') and text.endswith('"') and len(text) >= 2:
        return json.loads(text)
    if text.startswith("'") and text.endswith("'") and len(text) >= 2:
        return text[1:-1].replace("''", "'")
    if text in ("", "~", "null"):
        return None
    if text in ("true", "True", "yes"):
        return True
    if text in ("false", "False", "no"):
        return False
    if re.fullmatch(r"-?[0-9]+", text):
        return int(text)
    return text


def _split_flow(body):
    items, depth, cur, quote = [], 0, "", None
    for ch in body:
        if quote:
            cur += ch
            if ch == quote:
                quote = None
            continue
        if ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        elif ch == "," and depth == 0:
            items.append(cur)
            cur = ""
            continue
        cur += ch
    if cur.strip():
        items.append(cur)
    return items


def _value(text):
    text = text.strip()
    if text.startswith("["):
        if not text.endswith("]"):
            raise YamlError("unterminated flow list: " + text)
        return [_value(i) for i in _split_flow(text[1:-1])]
    if text.startswith("{"):
        if not text.endswith("}"):
            raise YamlError("unterminated flow map: " + text)
        out = {}
        for item in _split_flow(text[1:-1]):
            k, _, v = item.partition(":")
            out[_scalar(k)] = _value(v)
        return out
    return _scalar(text)


def _strip_comment(line):
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def parse_yaml(text):
    lines = []
    for raw in text.splitlines():
        line = _strip_comment(raw)
        if line.strip() in ("", "---"):
            continue
        lines.append((len(line) - len(line.lstrip(" ")), line.strip()))
    value, pos = _block(lines, 0, lines[0][0] if lines else 0)
    return value


def _block(lines, pos, indent):
    if pos >= len(lines):
        return None, pos
    if lines[pos][1].startswith("- ") or lines[pos][1] == "-":
        out = []
        while pos < len(lines) and lines[pos][0] == indent and (lines[pos][1].startswith("- ") or lines[pos][1] == "-"):
            rest = lines[pos][1][1:].strip()
            pos += 1
            if not rest:
                item, pos = _block(lines, pos, lines[pos][0]) if pos < len(lines) and lines[pos][0] > indent else (None, pos)
            elif re.match(r"^[^\[{\"'][^:]*:(\s|$)", rest):
                # "- key: value" starts a map inside a list item
                sub = [(indent + 2, rest)]
                while pos < len(lines) and lines[pos][0] > indent:
                    sub.append(lines[pos])
                    pos += 1
                item, _ = _block(sub, 0, indent + 2)
            else:
                item = _value(rest)
            out.append(item)
        return out, pos
    out = {}
    while pos < len(lines) and lines[pos][0] == indent:
        key, sep, rest = lines[pos][1].partition(":")
        if not sep:
            raise YamlError("expected 'key: value', got: " + lines[pos][1])
        pos += 1
        if rest.strip():
            out[_scalar(key)] = _value(rest)
        elif pos < len(lines) and lines[pos][0] > indent:
            out[_scalar(key)], pos = _block(lines, pos, lines[pos][0])
        elif pos < len(lines) and lines[pos][0] == indent and lines[pos][1].startswith("- "):
            out[_scalar(key)], pos = _block(lines, pos, indent)
        else:
            out[_scalar(key)] = None
    return out, pos


def _hosts_of(group, inherited, found):
    group = group or {}
    gvars = dict(inherited)
    gvars.update(group.get("vars") or {})
    for name, hvars in (group.get("hosts") or {}).items():
        merged = dict(found.get(name, gvars))
        merged.update(gvars)
        merged.update(hvars or {})
        found[name] = merged
    for child in (group.get("children") or {}).values():
        _hosts_of(child, gvars, found)
    return found


def load(path):
    with open(path) as f:
        data = parse_yaml(f.read()) or {}
    root = data.get("all", data)
    hosts = _hosts_of(root, {}, {})
    if not hosts:
        raise YamlError("%s: no hosts" % path)
    first = next(iter(hosts.values()))
    nodes = []
    for nodeid, (name, hv) in enumerate(hosts.items(), start=1):
        if "ansible_port" not in hv:
            raise YamlError("%s: host %s has no ansible_port" % (path, name))
        nodes.append({
            "name": name,
            "nodeid": nodeid,
            "ip": hv.get("mgmt_ip") or "10.11.11.%d" % (10 + nodeid),
            "public_ip": str(hv.get("public_ip") or ""),
            "pve_version": str(hv.get("lab_pve_version") or DEFAULT_PVE_VERSION),
            "ssh_port": int(hv["ansible_port"]),
            "disks": list(hv.get("lab_disks") or []),
        })
    links = []
    names = {n["name"] for n in nodes}
    for cable in first.get("lab_links") or []:
        ends = []
        for end in cable:
            node, _, port = str(end).partition(":")
            if node not in names or port not in TB_PORTS:
                raise YamlError("%s: lab_links end %r: want NODE:PORT with NODE one of %s and PORT one of %s"
                                % (path, end, sorted(names), sorted(TB_PORTS)))
            ends.append({"node": node, "port": port})
        links.append(ends)
    return {
        "cluster_name": first.get("lab_cluster_name") or "lab",
        "mgmt_prefix": int(first.get("lab_mgmt_prefix") or 24),
        "disk_size": str(first.get("lab_disk_size") or "1G"),
        "nodes": nodes,
        "links": links,
        "tb_ports": {p: {"pci": v[0], "kernel": v[1]} for p, v in TB_PORTS.items()},
    }


def main():
    model = load(sys.argv[1])
    what = sys.argv[2] if len(sys.argv) > 2 else "json"
    if what == "json":
        print(json.dumps(model, indent=1))
    elif what == "nodes":
        for n in model["nodes"]:
            print(n["name"], n["ssh_port"], n["ip"])
    else:
        sys.exit("unknown output %s" % what)


if __name__ == "__main__":
    try:
        main()
    except (YamlError, OSError) as e:
        sys.exit("lab: inventory: %s" % e)

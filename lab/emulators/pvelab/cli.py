"""Command-line parsing as PVE's JSONSchema get_options does it: --name value (or -name value,
--name=value), arrays by repeating the option, booleans as 1/0 (a bare boolean flag means 1)."""
import json
import sys

from .env import Die


def parse(argv, arrays=(), booleans=(), allowed=None, positional_max=None, usage=None):
    positional, opts = [], {}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a.startswith("-") and len(a) > 1 and not _is_number(a):
            name = a.lstrip("-")
            value = None
            if "=" in name:
                name, value = name.split("=", 1)
            if allowed is not None and name not in allowed:
                raise Die("400 unable to parse option\n%s: property is not defined in schema and the schema does not allow "
                          "additional properties\n" % name + (usage or ""))
            if value is None:
                if name in booleans and (i + 1 >= len(argv) or argv[i + 1].startswith("-")):
                    value = "1"
                elif i + 1 < len(argv):
                    i += 1
                    value = argv[i]
                else:
                    raise Die("400 unable to parse option\n%s: missing value\n" % name)
            if name in booleans:
                value = _bool(name, value)
            if name in arrays:
                opts.setdefault(name, []).append(value)
            else:
                opts[name] = value
        else:
            positional.append(a)
        i += 1
    if positional_max is not None and len(positional) > positional_max:
        raise Die("400 too many arguments\n" + (usage or ""))
    return positional, opts


def _is_number(a):
    try:
        float(a)
        return True
    except ValueError:
        return False


def _bool(name, value):
    v = str(value).lower()
    if v in ("1", "true", "yes", "on"):
        return "1"
    if v in ("0", "false", "no", "off"):
        return "0"
    raise Die("400 Parameter verification failed.\n%s: type check ('boolean') failed - got '%s'\n" % (name, value))


def output(data, fmt):
    """pvesh/pveceph --output-format json|json-pretty|text|yaml."""
    if data is None:
        if fmt in ("json", "json-pretty"):
            print("null" if fmt == "json" else "null")
        return
    if fmt == "json":
        print(json.dumps(data, separators=(",", ":"), sort_keys=True))
    elif fmt == "json-pretty":
        print(json.dumps(data, indent=4, sort_keys=True))
    elif fmt == "yaml":
        print(_yaml(data, 0).rstrip("\n"))
    else:
        print(text(data))


def _yaml(data, indent):
    pad = " " * indent
    if isinstance(data, dict):
        return "".join("%s%s:%s" % (pad, k, ("\n" + _yaml(v, indent + 2)) if isinstance(v, (dict, list)) and v
                                         else " %s\n" % _scalar(v)) for k, v in sorted(data.items()))
    if isinstance(data, list):
        return "".join("%s- %s" % (pad, _yaml(v, indent + 2).lstrip() if isinstance(v, (dict, list)) else _scalar(v) + "\n")
                       for v in data)
    return pad + _scalar(data) + "\n"


def _scalar(v):
    return json.dumps(v) if not isinstance(v, str) else v


def text(data):
    """A plain-text table, the shape of pvesh's text output (boxes drawn with ASCII)."""
    if isinstance(data, list) and data and all(isinstance(x, dict) for x in data):
        cols = []
        for row in data:
            for k in row:
                if k not in cols and not isinstance(row[k], (dict, list)):
                    cols.append(k)
        cells = [[_cell(r.get(c)) for c in cols] for r in data]
        widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(cols)]
        sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
        out = [sep, "| " + " | ".join(c.ljust(w) for c, w in zip(cols, widths)) + " |", sep.replace("-", "=")]
        out += ["| " + " | ".join(v.ljust(w) for v, w in zip(row, widths)) + " |" for row in cells]
        out.append(sep)
        return "\n".join(out)
    if isinstance(data, dict):
        width = max([len(k) for k in data] or [0])
        return "\n".join("%s %s" % (k.ljust(width), _cell(v)) for k, v in sorted(data.items()))
    if isinstance(data, list):
        return "\n".join(_cell(v) for v in data)
    return _cell(data)


def _cell(v):
    if v is None:
        return ""
    if isinstance(v, (dict, list)):
        return json.dumps(v, separators=(",", ":"))
    return str(v)


def ceph_format(opts):
    """ceph's -f/--format option value (plain, json, json-pretty)."""
    return opts.get("f") or opts.get("format") or "plain"


def write_err(msg):
    sys.stderr.write(msg if msg.endswith("\n") else msg + "\n")

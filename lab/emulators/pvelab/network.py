"""The apply of SDN: PUT /cluster/sdn (commit + fan-out to every node) and the per-node part,
PUT /nodes/<node>/network (interfaces.new, interfaces.d/sdn, ifreload, FRR)."""
import os
import re
import subprocess

from . import env, sdn, tasks
from .env import Die
from .tasks import Task

INTERFACES = "/etc/network/interfaces"
SDN_FILE = "/etc/network/interfaces.d/sdn"
FRR_CONF = "/etc/frr/frr.conf"
FRR_DAEMONS = "/etc/frr/daemons"
FRR_WANTS = "/etc/systemd/system/multi-user.target.wants/frr.service"


def apply_cluster(params):
    """pvesh set /cluster/sdn: commit, then reload every node; exit 0 even when a node failed."""
    token = env.read_text(sdn.LOCK_FILE)
    if token is not None and params.get("lock-token") != token.strip():
        raise Die("invalid lock token provided!")
    with env.cluster_lock("sdn"):
        old = sdn.running_config()
        new = sdn.commit()
    regenerate = 1 if (old.get("fabrics", {}).get("ids") or new["fabrics"]["ids"]
                       or env.exists("/etc/frr/frr.conf.local")) else 0
    if token is not None and str(params.get("release-lock", "1")) != "0":
        env.remove(sdn.LOCK_FILE)
    task = Task("reloadnetworkall")
    local = env.node_name()
    for node in env.cluster_nodes():
        task.log("reload network configuration on node '%s'" % node)
        try:
            if node == local:
                status = reload_node(node, regenerate, parent=task)
            elif env.can_fan_out():
                status = remote_reload(node, regenerate, task)
            else:
                task.log("  node '%s': lab-node-exec not available, applied locally only" % node)
                continue
            if status != "OK":
                task.warn("  reloading network config on node '%s' ended with: %s" % (node, status))
        except Die as e:
            task.warn("  reloading network config on node '%s' failed: %s" % (node, str(e).strip()))
    task.finish()
    print(task.upid)
    return 0


def remote_reload(node, regenerate, task):
    """Runs the per-node reload inside the other node, as PVE proxies it over SSH."""
    p = subprocess.run([env.node_exec(), node, "pvesh", "set", "/nodes/%s/network" % node,
                        "--regenerate-frr", str(regenerate)], capture_output=True, text=True, timeout=300)
    for line in p.stdout.splitlines():
        if not line.startswith("UPID:"):
            task.log("  " + line)
    upids = [l for l in p.stdout.splitlines() if l.startswith("UPID:")]
    if p.returncode != 0 or not upids:
        raise Die((p.stderr or "exit code %d" % p.returncode).strip())
    return tasks.status(upids[-1]).get("exitstatus", "unknown")


def reload_node_cli(node, params):
    """pvesh set /nodes/<node>/network [--regenerate-frr 1]: on another node it is proxied."""
    if node != env.node_name():
        if env.can_fan_out():
            p = subprocess.run([env.node_exec(), node, "pvesh", "set", "/nodes/%s/network" % node]
                               + (["--regenerate-frr", str(params["regenerate-frr"])] if "regenerate-frr" in params else []))
            return p.returncode
        raise Die("hostname lookup '%s' failed - failed to get address info for: %s: Name or service not known" % (node, node))
    task = Task("srvreload", "networking")
    reload_node(node, int(params.get("regenerate-frr", 0) or 0), task=task)
    print(task.upid)
    return 0


def reload_node(node, regenerate, parent=None, task=None):
    """The per-node reload. Returns the exit status text; errors are recorded in the task."""
    own = task or Task("srvreload", "networking", quiet=parent is not None)

    def log(line):
        own.log(line)
        if parent is not None:
            parent.log(line)
    try:
        if env.exists(INTERFACES + ".new"):
            os.replace(env.path(INTERFACES + ".new"), env.path(INTERFACES))
            log("  moved /etc/network/interfaces.new over /etc/network/interfaces")
        running = sdn.running_config()
        cfg = sdn.running_objects()
        interfaces = env.read_text(INTERFACES, "")
        if not re.search(r"^\s*source\s+/etc/network/interfaces\.d/(sdn|\*)\s*$", interfaces, re.M):
            own.warn("missing 'source /etc/network/interfaces.d/sdn' directive for SDN support!")
        env.write_text(SDN_FILE, sdn.interfaces_sdn(cfg, node, int(running.get("version", 0))))
        rc, out, err = env.run_host_action(["ifreload", "-a"])
        if rc != 0:
            raise Die("ifreload -a failed (exit %d): %s" % (rc, (err or out).strip()))
        if regenerate:
            generate_frr(cfg, node, log, own)
        status = own.finish()
    except Die as e:
        status = own.finish(str(e))
    if parent is not None and status != "OK":
        parent.log("  node '%s': %s" % (node, status))
    return status


def generate_frr(cfg, node, log, task):
    if not env.exists("/etc/frr"):
        log("frr is not installed, not generating any frr configuration")
        return
    protocols = {f["protocol"] for f, _ in sdn.node_fabrics(cfg, node)}
    old_daemons = env.read_text(FRR_DAEMONS, "")
    new_daemons = sdn.daemons_text(old_daemons, "openfabric" in protocols, "ospf" in protocols)
    env.write_text(FRR_DAEMONS, new_daemons, 0o640)
    env.write_text(FRR_CONF, sdn.frr_conf(cfg, node, env.read_text("/etc/frr/frr.conf.local", "")), 0o640)
    # Frr.pm apply: enable when not enabled, restart when daemons changed, else reload
    if not env.exists(FRR_WANTS):
        rc, out, err = env.run_host_action(["systemctl", "enable", "--now", "frr"])
        action = "enable --now"
    elif old_daemons != new_daemons:
        rc, out, err = env.run_host_action(["systemctl", "restart", "frr"])
        action = "restart"
    else:
        rc, out, err = env.run_host_action(["/usr/lib/frr/frr-reload.py", "--stdout", "--reload", FRR_CONF])
        action = "reload"
        if rc != 0:
            task.warn("frr reload failed, restarting: %s" % (err or out).strip()[-300:])
            rc, out, err = env.run_host_action(["systemctl", "restart", "frr"])
            action = "restart"
    if rc != 0:
        task.warn("frr %s failed: %s" % (action, (err or out).strip()[-300:]))
    else:
        log("  frr: %s" % action)

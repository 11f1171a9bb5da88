"""The apply of SDN: PUT /cluster/sdn (commit + fan-out to every node) and the per-node part,
PUT /nodes/<node>/network (interfaces.new, interfaces.d/sdn, ifreload, FRR)."""
import os
import re
import subprocess

from . import env, sdn
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
    # SDN.pm reload: every cluster node's `pvesh set /nodes/<node>/network` runs as that node's own
    # srvreload task (own UPID). Its output is not copied into this task, and its failure is not
    # seen here: only a call that could not run at all is a plain `warn`. So this task ends OK even
    # when a node's ifreload failed; the node's srvreload task says so.
    for node in env.cluster_nodes():
        task.log("%s: reloading network config" % node)
        try:
            if node == local:
                reload_node(node, regenerate, quiet=True)
            elif env.can_fan_out():
                remote_reload(node, regenerate)
            else:
                task.log("  node '%s': lab-node-exec not available, applied locally only" % node)
        except Die as e:
            task.plain_warn(str(e).strip())
    task.finish()
    print(task.upid)
    return 0


def remote_reload(node, regenerate):
    """Runs the per-node reload inside the other node, as PVE proxies it over SSH; returns its UPID."""
    p = subprocess.run([env.node_exec(), node, "pvesh", "set", "/nodes/%s/network" % node,
                        "--regenerate-frr", str(regenerate)], capture_output=True, text=True, timeout=300)
    upids = [l for l in p.stdout.splitlines() if l.startswith("UPID:")]
    if p.returncode != 0 or not upids:
        raise Die("command 'pvesh set /nodes/%s/network' failed: %s" % (node, (p.stderr or "exit code %d" % p.returncode).strip()))
    return upids[-1]


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


def reload_node(node, regenerate, task=None, quiet=False):
    """The per-node reload (pve-manager API2/Network.pm reload_network_config) as its own srvreload
    task. Returns the task's exit status; an error ends the task with it."""
    own = task or Task("srvreload", "networking", quiet=quiet)
    try:
        if env.exists(INTERFACES + ".new"):
            os.replace(env.path(INTERFACES + ".new"), env.path(INTERFACES))
            own.log("moved /etc/network/interfaces.new over /etc/network/interfaces")
        running = sdn.running_config()
        cfg = sdn.running_objects()
        interfaces = env.read_text(INTERFACES, "")
        if not re.search(r"^\s*source\s+/etc/network/interfaces\.d/(sdn|\*)\s*$", interfaces, re.M):
            # a plain warn in pve-network's Zones.pm: the task still ends OK
            own.plain_warn("missing 'source /etc/network/interfaces.d/sdn' directive for SDN support!")
        env.write_text(SDN_FILE, sdn.interfaces_sdn(cfg, node, int(running.get("version", 0))))
        rc, out, err = env.run_host_action(["ifreload", "-a"])
        for line in (out + err).splitlines():
            own.log(line)
        if rc != 0:
            raise Die("command 'ifreload -a' failed: exit code %d" % rc)
        if regenerate:
            generate_frr(cfg, node, own.log, own)
        status = own.finish()
    except Die as e:
        status = own.finish(str(e))
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
            task.plain_warn("frr reload failed, restarting: %s" % (err or out).strip()[-300:])
            rc, out, err = env.run_host_action(["systemctl", "restart", "frr"])
            action = "restart"
    if rc != 0:
        task.plain_warn("frr %s failed: %s" % (action, (err or out).strip()[-300:]))
    else:
        log("frr: %s" % action)

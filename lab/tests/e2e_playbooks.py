"""End-to-end test of the guide's playbooks (playbooks/*.yml) on a fresh emulated lab, run by
lab/tests/playbooks (root only). It runs its own lab (name "mpb", the lab inventory's ports + 200,
state lab/.state-playbooks or MESHPLAY_LAB_STATE), so a running lab is left alone.

Part 1, phase by phase on a fresh lab: a --check run (its changed tasks per host are recorded from
the --json events), the real run (must succeed; with changes, except the read-only phases 0 and 3),
the check prediction compared with the real run, an immediate second run (changed=0, no failures),
then what the phase must have achieved. Phase 3 runs again with one cable cut.
Part 2, on the lab part 1 built: site.yml (it must report changed=0), then the cases around it: a
cable out (and the re-plugged port's address and route), 1C's reboot guard, --limit, a failed
network reload, one node failing phase 3, a public address that is down, a changed en05_cidr applied
without a reboot, OSD back addresses outside the cluster network, the two interfaces.d/sdn formats,
the repair of an adjacency by phase 2, a cold start and a reboot of every node converging by
themselves. Each step of part 2 first waits for the converged lab it expects (one check), and a step
that changes a node puts it back in a finally. Each step's duration is printed after it.
KEEP_LAB=1 leaves the lab up at the end; E2E_STEPS=03,04 runs only those steps (on that lab).
"""
import json
import os
import re
import subprocess
import time

from labcheck import REPO, Story, TestLab, plan, run, selected_steps, shifted_inventory

STATE = os.environ.get("MESHPLAY_LAB_STATE") or os.path.join(REPO, "lab", ".state-playbooks")
OUT = STATE + ".out"                 # every run's --json events and console output
INV = STATE + ".inventory"
PHASES = sorted(f[:-len(".yml")] for f in os.listdir(os.path.join(REPO, "playbooks")) if re.match(r"\d\d[a-z]?-.*\.yml$", f))
READ_ONLY = {"00-prerequisites", "03-mesh-validation"}
# Tasks whose outcome a check run cannot know: {(phase, task): reason}. Only these may differ between
# the --check prediction and the real run. None is needed today: 1C predicts its reboot, and the
# checks after the reboot only read (check mode skips them and says so).
CHECK_EXCEPTIONS = {}


def say(text):
    print(text, flush=True)


def events(path):
    """The --json events of a run's output file."""
    out = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                out.append(json.loads(line))
    return out


class Summary:
    """A run's exit code and its recap's totals (from the recap and run_end events)."""

    def __init__(self, path):
        self.exit, self.changed, self.failed, self.unreachable = "none", 0, 0, 0
        for e in events(path):
            if e.get("event") == "recap":
                for s in e["hosts"].values():
                    self.changed += s["changed"]
                    self.failed += s["failed"]
                    self.unreachable += s["unreachable"]
            elif e.get("event") == "run_end":
                self.exit = e["exit_code"]

    def __str__(self):
        return "exit=%s changed=%d failed=%d unreachable=%d" % (self.exit, self.changed, self.failed, self.unreachable)


def changed_tasks(path):
    """One (host, task) per task result reported changed, sorted."""
    return sorted({(e["host"], e["task"]) for e in events(path)
                   if e.get("event") == "host_result" and e.get("status") == "changed"})


def recap(text):
    """The PLAY RECAP section of a console output."""
    i = text.find("PLAY RECAP")
    return text[i:] if i >= 0 else ""


def read(path):
    with open(path) as f:
        return f.read()


class PlaybooksEndToEnd(Story):
    ALWAYS = ("step_20_end",)

    @classmethod
    def setUpClass(cls):
        cls.host_swappiness = run(["sysctl", "-n", "vm.swappiness"]).stdout
        os.makedirs(os.path.join(INV, "group_vars"), exist_ok=True)
        # the same plan (group_vars/all.yml -> inventories/cluster.yml) and the lab's own values (group_vars/pve.yml)
        for name, target in (("all.yml", "inventories/cluster.yml"), ("pve.yml", "inventories/lab/group_vars/pve.yml")):
            link = os.path.join(INV, "group_vars", name)
            if os.path.lexists(link):
                os.remove(link)
            os.symlink(os.path.join(REPO, target), link)
        shifted_inventory(os.path.join(INV, "hosts.yml"), 200)
        cls.t = t = TestLab("mpb", STATE, os.path.join(INV, "hosts.yml"))
        os.makedirs(OUT, exist_ok=True)
        for f in os.listdir(OUT):
            os.remove(os.path.join(OUT, f))
        t.log_path = os.path.join(OUT, "lab.log")
        cls.a, cls.b, cls.c = t.nodes[:3]
        cls.rid = {n: plan()["pve_nodes"][n]["router_id"] for n in t.nodes}
        cls.started = time.monotonic()
        if run(["./meshplay", "version"], cwd=REPO).returncode != 0:
            raise RuntimeError("meshplay does not build")
        only = selected_steps()
        if only is not None and "01" not in only:
            t.lab("up")             # E2E_STEPS without a build: the lab kept by the last KEEP_LAB=1 run

    # ------------------------------------------------------------------ running playbooks
    def command(self, playbook, *args):
        return ["./meshplay", "run", "-i", INV, "--known-hosts", os.path.join(STATE, "known_hosts"),
                "-e", "ansible_ssh_private_key_file=" + os.path.join(STATE, "id_ed25519"),
                "playbooks/%s.yml" % playbook] + list(args)

    def run_json(self, playbook, label, *args):
        """Runs the playbook with --json into OUT/LABEL.json (stderr: LABEL.err); returns its Summary."""
        path = os.path.join(OUT, label + ".json")
        with open(path, "w") as out, open(os.path.join(OUT, label + ".err"), "w") as err:
            subprocess.run(self.command(playbook, "--json", *args), cwd=REPO, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        return Summary(path)

    def run_console(self, playbook, label, *args):
        """Runs the playbook with its console output into OUT/LABEL.txt; returns (exit code, output)."""
        path = os.path.join(OUT, label + ".txt")
        with open(path, "w") as out:
            rc = subprocess.run(self.command(playbook, *args), cwd=REPO, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT).returncode
        return rc, read(path)

    def on(self, node, command):
        """Whether COMMAND (a bash command line) succeeds inside NODE."""
        return self.t.exec(node, command).returncode == 0

    def out(self, node, command):
        return self.t.exec(node, command).stdout

    def fresh_lab(self):
        self.t.lab("down", "--purge")
        self.t.lab("up")
        self.public_addresses()

    def public_addresses(self):
        """Ceph's monitors bind the nodes' public_ip (the plan's ceph_public_network). A node that
        has no such address yet gets it on vmbr0, in /etc/network/interfaces (kept across reboots)."""
        for n in self.t.nodes:
            ip = plan()["pve_nodes"][n]["public_ip"]
            if not self.on(n, "ip -o -4 addr show | grep -q ' inet %s/'" % ip):
                self.on(n, "sed -i '/^iface vmbr0 inet static/a\\\taddress %s/24' /etc/network/interfaces && "
                           "ip addr add %s/24 dev vmbr0" % (ip, ip))

    def settled(self):
        """Waits until the lab is as each step after site.yml expects it: every node has en05 and en06
        (no TB4 port under its kernel name), routes to every router ID over OpenFabric, and Ceph is
        HEALTH_OK. One check says so, naming what is not, so a step never runs silently on a lab that
        an earlier step left broken."""
        names = [n for n in self.t.nodes if not self.wait_inside(
            n, 30, "test -e /sys/class/net/en05 && test -e /sys/class/net/en06 && ! ls /sys/class/net | grep -q '^thunderbolt'")]
        routes = self.fabric_converged(60)
        health = self.wait_inside(self.a, 120, "ceph health | grep -q '^HEALTH_OK'")
        self.check("the lab is converged before this step (TB4 names on every node%s, fabric routes%s, HEALTH_OK%s)" % (
            ": not on " + " ".join(names) if names else "", "" if routes else " missing", "" if health else " not within 120 s, now " + self.out(self.a, "ceph health").strip()),
            not names and routes and health)

    def boot_ids(self):
        return {n: self.out(n, "cat /proc/sys/kernel/random/boot_id") for n in self.t.nodes}

    def wait_inside(self, node, seconds, probe):
        """Polls the shell test PROBE inside NODE once a second (the loop runs in the node)."""
        return self.on(node, "for i in $(seq 1 %d); do %s && exit 0; sleep 1; done; exit 1" % (seconds, probe))

    # ------------------------------------------------------------------ one phase
    def phase(self, pb):
        s = self.run_json(pb, pb + ".check", "--check")
        self.check("%s --check succeeds (%s)" % (pb, s), s.exit == 0)
        s = self.run_json(pb, pb + ".run1")
        self.check("%s first run succeeds (%s)" % (pb, s), s.exit == 0)
        if pb in READ_ONLY:
            self.check("%s is read-only: changed=0" % pb, s.changed == 0)
        else:
            self.check("%s first run changes something" % pb, s.changed > 0)
        pred = changed_tasks(os.path.join(OUT, pb + ".check.json"))
        real = changed_tasks(os.path.join(OUT, pb + ".run1.json"))
        mismatch = False
        for side, host_task in [("<", x) for x in pred if x not in real] + [(">", x) for x in real if x not in pred]:
            reason = CHECK_EXCEPTIONS.get((pb, host_task[1]))
            if reason:
                say("  (expected: %s\t%s - %s)" % (host_task + (reason,)))
            else:
                say("    check/real mismatch (< predicted only, > real only): %s %s\t%s" % ((side,) + host_task))
                mismatch = True
        if '"--check: the reboot above is only predicted' in read(os.path.join(OUT, pb + ".check.json")):
            say("    note: --check predicted the reboot; the checks after it run only in the real run")
        self.check("%s --check predicted the real run's changed tasks (%d host-tasks)" % (pb, len(real)), not mismatch)
        s = self.run_json(pb, pb + ".run2")
        self.check("%s second run: changed=0, no failures (%s)" % (pb, s), s.exit == 0 and s.changed == 0 and s.failed == 0)
        if s.changed:
            for host, task in changed_tasks(os.path.join(OUT, pb + ".run2.json")):
                say("    still changing: %s\t%s" % (host, task))

    # ------------------------------------------------------------------ what each phase achieved
    def after_01c(self):
        for n in self.t.nodes:
            for i in ("en05", "en06"):
                self.check("%s %s is up with MTU 65520 and its address" % (n, i), self.on(
                    n, "ip -o addr show dev %s | grep -q 'inet 10.100.0.' && ip link show %s | grep -q 'mtu 65520.*state UP'" % (i, i)))
            self.check("%s ip_forward=1" % n, self.out(n, "sysctl -n net.ipv4.ip_forward").strip() == "1")

    def after_02(self):
        for n in self.t.nodes:
            for o in self.t.nodes:
                if n != o:
                    self.check("%s -> %s router ID %s: 65492-byte ping with DF" % (n, o, self.rid[o]),
                               self.on(n, "ping -n -q -c 1 -W 2 -M do -s 65492 " + self.rid[o]))
                    self.check("%s route to %s is proto openfabric" % (n, self.rid[o]),
                               self.on(n, "ip route show %s | grep -Eq 'proto (openfabric|197)'" % self.rid[o]))

    def after_03(self, pb):
        installed = {e["host"] for e in events(os.path.join(OUT, pb + ".run1.json"))
                     if e.get("event") == "host_result" and e.get("task", "").startswith("iperf3 is installed")
                     and e.get("status") in ("ok", "changed")}
        self.check("03 makes sure iperf3 is installed on every node (PVE does not ship it)", installed == set(self.t.nodes))
        a, cut = self.a, self.t.topology.cable(self.a, "en05")
        hop = self.t.topology.cable(a, "en06")
        via = plan()["pve_nodes"][hop.other]["%s_cidr" % hop.other_port].split("/")[0]
        self.t.lab("cut", a + ":en05")
        # OpenFabric needs a few hello intervals to drop the adjacency and route around the cut.
        self.check("after 'lab cut %s:en05' %s reaches %s over two hops" % (a, a, cut.other),
                   self.wait_inside(a, 40, "ip route show %s | grep -q 'via %s'" % (self.rid[cut.other], via)))
        # and the other end too: until its route has moved, its pings to A are lost and 03 fails
        back = self.t.topology.cable(cut.other, "en05" if cut.other_port == "en06" else "en06")
        back_via = plan()["pve_nodes"][back.other]["%s_cidr" % back.other_port].split("/")[0]
        self.check("after 'lab cut %s:en05' %s reaches %s over two hops" % (a, cut.other, a),
                   self.wait_inside(cut.other, 40, "ip route show %s | grep -q 'via %s'" % (self.rid[a], back_via)))
        rc, text = self.run_console("03-mesh-validation", "03-degraded")
        self.check("03 passes with %s:en05 cut" % a, rc == 0)
        degraded = "DEGRADED: %s en05 -> %s:%s" % (a, cut.other, cut.other_port)
        self.check("03 names the degraded cable %s" % degraded[len("DEGRADED: "):], degraded in text)
        self.t.lab("heal", a + ":en05")
        self.check("after 'lab heal %s:en05' the direct route to %s is back" % (a, cut.other),
                   self.wait_inside(a, 40, "ip route show %s | grep -q 'dev en05'" % self.rid[cut.other]))

    def ceph_json(self, what):
        return json.loads(self.out(self.a, "ceph %s -f json" % what) or "null")

    def after_04b(self):
        quorum = self.ceph_json("quorum_status")
        self.check("%d monitors in quorum" % len(self.t.nodes), quorum is not None and len(quorum["quorum_names"]) == len(self.t.nodes))

    def after_04c(self):
        osds = sum(len(n.disks) for n in self.t.topology.nodes)
        m = (self.ceph_json("-s") or {}).get("osdmap", {})
        self.check("%d OSDs up and in" % osds, [m.get("num_osds"), m.get("num_up_osds"), m.get("num_in_osds")] == [osds] * 3)
        self.check("pool cephtb4 size 3", self.out(self.a, "ceph osd pool get cephtb4 size").strip() == "size: 3")
        self.check("pool cephtb4 min_size 2", self.out(self.a, "ceph osd pool get cephtb4 min_size").strip() == "min_size: 2")
        # the main process of each of the node's Ceph units is the real daemon binary
        exes = {n: sorted(self.out(n, "for u in ceph-mon@%s ceph-mgr@%s $(ls /etc/systemd/system/ceph-osd.target.wants); do "
                                      "readlink /proc/$(systemctl show -p MainPID --value $u)/exe; done" % (n, n)).split())
                for n in self.t.nodes}
        self.check("every node runs a real ceph-mon, ceph-mgr and one ceph-osd per disk (%s)" % exes[self.a],
                   all(e == ["/usr/bin/ceph-mgr", "/usr/bin/ceph-mon"] + ["/usr/bin/ceph-osd"] * len(self.t.topology.node(n).disks)
                       for n, e in exes.items()))
        meta = self.ceph_json("osd metadata") or []
        blocks = {n: self.out(n, "readlink /var/lib/ceph/osd/ceph-*/block").split() for n in self.t.nodes}
        self.check("the OSDs are BlueStore, back address in the cluster network 10.100.0.0/24, block on the node's disks (%s)"
                   % blocks[self.a],
                   len(meta) == osds and all(m.get("osd_objectstore") == "bluestore" and "10.100.0." in m.get("back_addr", "")
                                             for m in meta)
                   and all(sorted(b) == sorted(self.t.topology.node(n).disks) for n, b in blocks.items()))
        r = self.t.exec(self.a, "pveceph pool create labtoolarge --pg_num 512")
        self.check("pveceph pool create past mon_max_pg_per_osd: exit 0 (PVE's trap), the mon's ERANGE text, no pool",
                   r.returncode == 0 and "mon_command failed - pg_num 512 size 3 would mean" in r.stderr
                   and "(mon_max_pg_per_osd 250 * num_in_osds %d)" % osds in r.stderr
                   and not self.on(self.a, "ceph osd pool ls | grep -qx labtoolarge"))
        self.check("PVE storage cephtb4 is an rbd storage on pool cephtb4",
                   self.on(self.a, "grep -A3 '^rbd: cephtb4' /etc/pve/storage.cfg | grep -q 'pool cephtb4'"))

    def after_05(self):
        want = {"osd_memory_target": "8589934592", "bluestore_cache_size_ssd": "4294967296", "osd_op_num_shards": "12",
                "bluestore_compression_algorithm": "lz4", "osd_heartbeat_grace": "20"}
        have = {e["name"]: str(e["value"]) for e in self.ceph_json("config dump") or [] if e["section"] == "osd"}
        self.check("tuning keys set (osd_memory_target, bluestore_cache_size_ssd, osd_op_num_shards ...)",
                   all(have.get(k) == v for k, v in want.items()))
        bench = [e for e in events(os.path.join(OUT, "05-performance.run1.json"))
                 if e.get("event") == "host_result" and e.get("task", "").startswith("Write benchmark")]
        text = bench[0].get("result", {}).get("stdout", "") if bench else ""
        mbs = re.search(r"Bandwidth \(MB/sec\): *([0-9.]+)", text)
        self.check("phase 5's write benchmark is real rados bench on the lab's OSDs (%s MB/s)" % (mbs.group(1) if mbs else "?"),
                   mbs is not None and float(mbs.group(1)) > 0 and "lab: measured" not in text)
        self.check("noout is not left set",
                   not re.search(r'"flags": *"[^"]*noout', self.out(self.a, "ceph osd dump -f json")))
        self.check("sysctl drop-in on every node, vm.swappiness recorded in the node", all(self.on(
            n, "grep -q ^vm.swappiness /etc/sysctl.d/90-tb4-ceph.conf && test $(sysctl -n vm.swappiness) = 1") for n in self.t.nodes))

    # ------------------------------------------------------------------ part 1
    def step_01_phases(self):
        self.fresh_lab()
        self.check("fresh lab is up", self.t.lab("status") == 0)
        after = {"01c-tb4-integration": self.after_01c, "02-sdn-openfabric": self.after_02,
                 "03-mesh-validation": lambda: self.after_03("03-mesh-validation"),
                 "04b-ceph-network": self.after_04b, "04c-ceph-storage": self.after_04c, "05-performance": self.after_05}
        for pb in PHASES:
            say("# " + pb)
            self.phase(pb)
            if pb in after:
                after[pb]()

    # ------------------------------------------------------------------ part 2
    def step_02_site(self):
        # site.yml is the phases in order (import_playbook), and part 1 has just built the lab with them
        # from scratch: on that converged lab site.yml must succeed and change nothing. (A second fresh
        # build would run the same phases again, some 4-5 minutes, and prove nothing more.)
        say("# site.yml on the lab part 1 built")
        t0 = time.monotonic()
        rc, text = self.run_console("site", "site.converged")
        t1 = time.monotonic()
        self.check("site.yml on the converged lab succeeds (%d s)" % (t1 - t0), rc == 0)
        self.check("site.yml on the converged lab: changed=0 on every host", not re.search(r"changed=[1-9]|failed=[1-9]", recap(text)))
        say("\n".join("    " + line for line in recap(text).splitlines()))

    def step_03_cable_out(self):
        # A re-run with a cable out reboots nothing: n2 rebooted while n2:en05 is cut comes back without
        # en05 (and n4 without en06), as after a real unplug; 1C must not take that for missing names.
        a, t = self.a, self.t
        say("# site.yml with a cable out reboots nothing")
        self.settled()
        t.lab("cut", a + ":en05")
        try:
            t.lab("reboot", a)
            self.check("%s is back without en05" % a, self.on(a, "! test -e /sys/class/net/en05"))
            before = self.boot_ids()
            rc, text = self.run_console("site", "site.cable-out")
            self.check("site.yml with %s:en05 out succeeds (got %d)" % (a, rc), rc == 0)
            self.check("no node was rebooted (boot ids unchanged)", before == self.boot_ids())
            self.check("1C names the absent interface", "DEGRADED: %s en05 is absent" % a in text)
        finally:
            t.lab("heal", a + ":en05")
        # The hotplug brings en05 up through the udev rule's bring-up script (ifup, then its OpenFabric
        # circuit restarted): its address and its direct OpenFabric route come back without a playbook.
        self.check("after 'lab heal %s:en05' en05 is back and up on %s (the udev bring-up ran)" % (a, a),
                   self.wait_inside(a, 60, "ip -o link show en05 2>/dev/null | grep -q ',UP'"))
        cidr = plan()["pve_nodes"][a]["en05_cidr"]
        self.check("%s en05 has its address %s again" % (a, cidr), self.wait_inside(a, 30, "ip -o addr show dev en05 | grep -q ' %s '" % cidr))
        peer = t.topology.cable(a, "en05").other
        self.check("%s routes to %s over en05 again (OpenFabric, no re-apply)" % (a, peer),
                   self.wait_inside(a, 60, "ip route show %s | grep -q 'dev en05'" % self.rid[peer]))

    def step_04_reboot_guard(self):
        # When the names are not in effect (a TB4 port under its kernel name) and Ceph exists, 1C refuses
        # to reboot while Ceph is not healthy, and otherwise reboots under noout and waits for it.
        b = self.b
        say("# 1C reboots only a node whose names are not in effect, and only into a healthy Ceph")
        self.settled()
        self.on(b, "ip link set en05 down && ip link set en05 name thunderbolt0 && ip link set thunderbolt0 up && ceph osd set noout")
        try:
            self.reboot_guard(b)
        finally:
            self.on(b, "ceph osd unset noout")
            if self.on(b, "ls /sys/class/net | grep -q '^thunderbolt'"):
                self.t.lab("reboot", b)     # what 1C should have done: the initramfs names apply at boot

    def reboot_guard(self, b):
        before = self.boot_ids()
        # Ceph is kept unhealthy (noout) on purpose: two health checks are enough to see the refusal.
        rc, text = self.run_console("01c-tb4-integration", "01c-unhealthy", "-e", "ceph_health_retries=2")
        self.check("1C refuses to reboot %s while Ceph is not healthy (exit 2, got %d)" % (b, rc), rc == 2)
        self.check("the refusal names %s and Ceph's health" % b,
                   "refusing to reboot %s to apply the TB4 names: Ceph is not healthy (HEALTH_WARN" % b in text)
        self.check("no node was rebooted", before == self.boot_ids())
        self.on(b, "ceph osd unset noout")
        s = self.run_json("01c-tb4-integration", "01c-rename")
        self.check("with Ceph healthy 1C succeeds (%s)" % s, s.exit == 0)
        seq = [(e["host"], e["task"]) for e in events(os.path.join(OUT, "01c-rename.json"))
               if e.get("event") == "host_result" and e.get("status") == "changed"]
        want = [(b, "Keep Ceph's data in place while this node reboots (noout)"), (b, "Reboot this node to apply the TB4 names"),
                (b, "Let Ceph move data again")]
        self.check("only %s rebooted, between noout set and unset" % b, seq == want)
        after = self.boot_ids()
        others = [n for n in self.t.nodes if n != b]
        self.check("%s's boot id changed, %s's did not" % (b, "'s and ".join(others)),
                   all(before[n] == after[n] for n in others) and before[b] != after[b])
        # 1C waits for every OSD up and every PG active+clean; the rebooted monitor may rejoin the quorum
        # a little later, so HEALTH_OK is waited for (bounded), noout must be gone at once
        self.check("%s has en05 again, Ceph is HEALTH_OK without noout" % b,
                   self.on(b, "test -e /sys/class/net/en05 && ! ceph osd dump | grep -q '^flags.*noout'")
                   and self.wait_inside(b, 120, "ceph health | grep -q '^HEALTH_OK'"))

    def step_05_limit(self):
        # --limit must not shrink the fabric: phase 2 on n3 alone keeps n2 and n4 as fabric nodes.
        a, b, c = self.a, self.b, self.c
        say("# 02 with --limit %s keeps every fabric node" % b)
        self.settled()
        rc, _ = self.run_console("02-sdn-openfabric", "02-limit-" + b, "--limit", b)
        self.check("02-sdn-openfabric.yml --limit %s succeeds (got %d)" % (b, rc), rc == 0)
        fabric = self.out(a, "pvesh get /cluster/sdn/fabrics/node/tb4 --output-format json")
        nodes = sorted(n["node_id"] for n in json.loads(fabric or "[]"))
        self.check("the fabric still has %s" % ", ".join(self.t.nodes), nodes == sorted(self.t.nodes))
        self.check("%s still routes to %s over OpenFabric" % (a, c),
                   self.on(a, "ip route show %s | grep -Eq 'proto (openfabric|197)'" % self.rid[c]))

    def step_06_failed_reload(self):
        # A node whose network reload fails during the apply fails pve-sdn, naming the node (the outer
        # reloadnetworkall task ends OK on real PVE). n3 gets a stanza ifupdown2 cannot apply, and a
        # changed hello interval makes the apply run.
        b = self.b
        say("# a failed network reload on %s fails phase 2 naming %s" % (b, b))
        self.settled()
        self.on(b, 'printf "# lab test: a stanza ifupdown2 cannot apply\\nauto brk0\\niface brk0 inet static\\n'
                   '\\taddress 10.99.0.3/24\\n\\tvlan-raw-device nonexist0\\n" > /etc/network/interfaces.d/zz-lab-broken')
        try:
            rc, text = self.run_console("02-sdn-openfabric", "02-reload-fails", "-e", "sdn_hello_interval=4")
            self.check("02 fails when %s's network reload fails (exit 2, got %d)" % (b, rc), rc == 2)
            self.check("the failure names %s and its failed ifreload" % b,
                       re.search(r"%s: its network reload UPID:%s:.*ifreload -a' failed" % (b, b), text) is not None)
        finally:
            self.on(b, "rm -f /etc/network/interfaces.d/zz-lab-broken")
        rc, _ = self.run_console("02-sdn-openfabric", "02-reload-repaired")
        self.check("with %s repaired, 02 applies again and succeeds (got %d)" % (b, rc), rc == 0)

    def step_07_one_node_fails(self):
        # One node failing a phase stops the whole build (any_errors_fatal): n3 alone over phase 3's
        # latency limit (an -e override) must stop site.yml in phase 3, naming n3, before phase 4 starts.
        b = self.b
        say("# one node failing phase 3 stops site.yml")
        self.settled()
        limit = '{"mesh_max_avg_rtt_ms": "{{ 0 if inventory_hostname == \'%s\' else 250 }}"}' % b
        rc, text = self.run_console("site", "site.%s-fails" % b, "-e", limit)
        self.check("site.yml with %s over the latency limit exits 2 (got %d)" % (b, rc), rc == 2)
        task, failed_in = "", []
        for line in text.splitlines():
            if line.startswith("TASK ["):
                task = line
            elif line.startswith("fatal: [%s]" % b):
                failed_in.append(task)
        self.check("the failure is %s's, in phase 3's latency check" % b, any("Every router ID answers" in x for x in failed_in))
        self.check("the build stopped before phase 4 (no Phase 4 play started)", not re.search(r"^PLAY \[Phase 4", text, re.M))
        others = [n for n in self.t.nodes if n != b]
        self.check("no other node failed", not any(line.startswith("fatal: [%s]" % n) for n in others for line in text.splitlines()))
        now = run(["sysctl", "-n", "vm.swappiness"]).stdout
        self.check("the host's vm.swappiness is untouched (%s)" % self.host_swappiness.strip(), now == self.host_swappiness)

    def step_08_public_address(self):
        # pveceph mon create needs public_ip configured and up (MON.pm): phase 0 checks it first.
        b, ip = self.b, plan()["pve_nodes"][self.b]["public_ip"]
        say("# phase 0 refuses a node whose public address is not up")
        self.settled()
        self.on(b, "ip link set vmbr1 down")
        try:
            rc, text = self.run_console("00-prerequisites", "00-public-down")
        finally:
            self.on(b, "ip link set vmbr1 up")
        self.check("00 fails when %s's public address is down (exit 2, got %d)" % (b, rc), rc == 2)
        self.check("the failure names %s, %s and the fix" % (b, ip),
                   "%s: public_ip %s (pve_nodes.%s.public_ip) is not configured on an interface that is up" % (b, ip, b) in text
                   and "Fix: configure and bring up that address" in text)

    def step_09_changed_stanza_applied(self):
        # 1B applies a changed en05_cidr at once (ifreload), without a reboot.
        b = self.b
        old = plan()["pve_nodes"][b]["en05_cidr"]
        new = old.split("/")[0] + "/29"
        nodes = json.loads(json.dumps(plan()["pve_nodes"]))
        nodes[b]["en05_cidr"] = new
        say("# 1B applies a changed en05_cidr on %s (%s -> %s) without a reboot" % (b, old, new))
        self.settled()
        before = self.boot_ids()
        try:
            rc, _ = self.run_console("01b-tb4-network", "01b-changed-cidr", "-e", json.dumps({"pve_nodes": nodes}))
            self.check("01b with %s en05_cidr %s succeeds (got %d)" % (b, new, rc), rc == 0)
            self.check("%s en05 has %s at once, and not %s" % (b, new, old),
                       self.on(b, "ip -o addr show dev en05 | grep -q ' %s ' && ! ip -o addr show dev en05 | grep -q ' %s '" % (new, old)))
        finally:
            rc, _ = self.run_console("01b-tb4-network", "01b-cidr-restored")
        self.check("01b with the plan's %s restores it (got %d)" % (old, rc),
                   rc == 0 and self.on(b, "ip -o addr show dev en05 | grep -q ' %s '" % old))
        self.check("no node was rebooted for it", before == self.boot_ids())

    def step_10_osd_cluster_network(self):
        # 4C checks, as the guide does, that every OSD's back address is in the cluster network.
        say("# 4C names OSDs whose back address is outside ceph_cluster_network")
        self.settled()
        rc, text = self.run_console("04c-ceph-storage", "04c-wrong-cluster-net", "-e", "ceph_cluster_network=192.168.77.0/24")
        self.check("04c fails when the OSDs' back addresses are outside ceph_cluster_network (exit 2, got %d)" % rc, rc == 2)
        self.check("the failure names an OSD and its back address",
                   re.search(r"osd\.\d+ on \S+: its cluster \(back\) address \S*10\.100\.0\.", text) is not None)
        rc, _ = self.run_console("04c-ceph-storage", "04c-cluster-net")
        self.check("with the plan's cluster network 04c passes (got %d)" % rc, rc == 0)

    def step_11_interfaces_formats(self):
        # n3 runs PVE 9.1 (router ID on every fabric port), the others 9.0 (no address there).
        b, a = self.b, self.a
        say("# interfaces.d/sdn in the format of each node's release")
        self.check("%s (9.1) has its router ID on en05 in interfaces.d/sdn" % b,
                   self.on(b, "grep -A2 '^iface en05 inet static' /etc/network/interfaces.d/sdn | grep -q 'address %s/32'" % self.rid[b]))
        self.check("%s (9.0) has a bare 'iface en05' with ip-forward only" % a,
                   self.on(a, "grep -A1 -x 'iface en05' /etc/network/interfaces.d/sdn | grep -q 'ip-forward 1'"))

    def fabric_converged(self, seconds):
        """Whether every node routes to every other router ID over OpenFabric within SECONDS."""
        ok = True
        for n in self.t.nodes:
            probe = " && ".join("ip route show %s | grep -Eq 'proto (openfabric|197)'" % self.rid[o] for o in self.t.nodes if o != n)
            ok = self.wait_inside(n, seconds, "{ %s; }" % probe) and ok
        return ok

    def step_12_repair(self):
        # A port whose OpenFabric circuit does not work (as when FRR started before the port existed)
        # is repaired by a re-run of phase 2.
        b = self.b
        say("# a re-run of 02 repairs an adjacency that is not Up")
        self.settled()
        self.on(b, "vtysh -c 'configure terminal' -c 'interface en06' -c 'no ip router openfabric tb4'")
        try:
            rc, text = self.run_console("02-sdn-openfabric", "02-repair")
            self.check("02 succeeds (got %d)" % rc, rc == 0)
            self.check("02 restarted FRR on %s" % b, re.search(r"changed: \[%s\]" % b, text.split("TASK [Restart FRR")[-1].split("TASK [")[0]) is not None)
            self.check("%s en06's adjacency is Up again" % b,
                       self.wait_inside(b, 30, "vtysh -c 'show openfabric neighbor' | grep -Eq ' en06 +2 +Up'"))
        finally:
            if not self.on(b, "vtysh -c 'show openfabric neighbor' | grep -Eq ' en06 +2 +Up'"):
                self.on(b, "systemctl restart frr")     # frr.conf still has the circuit

    def boot_order_ok(self, node):
        """Whether NODE's last boot started thunderbolt-interfaces before FRR and before every Ceph daemon
        (ceph-mon@, ceph-mgr@, ceph-osd@) and their targets; ceph-crash, which only posts crash reports
        to the monitors over the public network, is ordered by nothing, as in the package."""
        with open(os.path.join(STATE, "log", node + ".boot.log")) as f:
            last = f.read().split("=== boot")[-1]
        started = [line.split()[1] for line in last.splitlines() if line.startswith("Started ")]
        if "thunderbolt-interfaces.service" not in started or "frr.service" not in started:
            return False
        tb = started.index("thunderbolt-interfaces.service")
        return tb < started.index("frr.service") and all(
            tb < i for i, u in enumerate(started) if re.match(r"ceph-(mon|mgr|osd)(@|\.target)|ceph\.target", u))

    def step_13_cold_start(self):
        # A cold start of the whole cluster (down, then up with the nodes' state kept) converges by itself.
        say("# a cold start of the cluster converges without a playbook run")
        self.settled()
        self.t.lab("down")
        self.t.lab("up")
        self.check("after 'lab down' and 'lab up' every node routes to every router ID over OpenFabric", self.fabric_converged(90))
        self.check("every node's boot started thunderbolt-interfaces before FRR and Ceph",
                   all(self.boot_order_ok(n) for n in self.t.nodes))
        self.check("Ceph is HEALTH_OK again without a playbook run",
                   self.wait_inside(self.a, 120, "ceph health | grep -q '^HEALTH_OK'"))

    def step_14_reboot_all(self):
        say("# a simultaneous reboot of every node: fabric and Ceph come back by themselves")
        self.settled()
        self.t.lab("reboot", *self.t.nodes)
        self.check("after 'lab reboot %s' the fabric routes are back" % " ".join(self.t.nodes), self.fabric_converged(90))
        self.check("Ceph is HEALTH_OK again without a playbook run",
                   self.wait_inside(self.a, 120, "ceph health | grep -q '^HEALTH_OK'"))

    def step_20_end(self):
        if not os.environ.get("KEEP_LAB"):
            self.t.lab("down")
        say("total %d s; logs in %s" % (time.monotonic() - self.started, OUT))

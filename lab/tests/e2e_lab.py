"""End-to-end tests of the emulated lab (root only), run by lab/tests/run.

They run their own lab beside any other: lab name "mpt" (namespaces mpt-*), state lab/.state-test,
the lab inventory with every port moved by 100 (2322-2324). Node names, ports, cables and disks
come from that inventory; the TB4 addresses and router IDs from the plan (inventories/cluster.yml).
"""
import os
import re
import subprocess
import tempfile

from labcheck import REPO, Story, TestLab, eventually, plan, run, shifted_inventory

STATE = os.path.join(REPO, "lab", ".state-test")
# The machine's own kernel settings, to prove at the end that nothing the lab ran touched them
# (the guide's tuning keys: global, or inherited by new network namespaces).
HOST_KEYS = ["net.ipv4.ip_forward", "net.core.rmem_max", "net.core.wmem_max", "net.core.netdev_max_backlog",
             "vm.swappiness", "vm.min_free_kbytes"]
NODE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
JUMBO = "-M do -s 65492"          # a full 65520-byte frame with DF


def host_settings():
    return run(["sysctl", "-n"] + HOST_KEYS).stdout


def address(cidr):
    return cidr.split("/")[0]


def iso_net(router_id):
    """The OpenFabric NET of a router ID, as PVE derives it (10.100.0.102 -> 49.0001.0101.0000.0102.00)."""
    digits = "".join("%03d" % int(octet) for octet in router_id.split("."))
    return "49.0001.%s.%s.%s.00" % (digits[0:4], digits[4:8], digits[8:12])


def routes_to(routes, targets):
    """Whether ROUTES (`ip route` output) hold an OpenFabric route to every router ID of TARGETS."""
    return all(re.search(r"^%s .*proto (openfabric|197)" % re.escape(t), routes, re.M) for t in targets)


class LabEndToEnd(Story):
    @classmethod
    def setUpClass(cls):
        inventory = STATE + ".hosts.yml"
        shifted_inventory(inventory, 100)
        cls.t = t = TestLab("mpt", STATE, inventory)
        t.log_path = STATE + ".log"
        open(t.log_path, "w").close()
        cls.a, cls.b, cls.c = t.nodes[:3]
        nodes = plan()["pve_nodes"]
        cls.rid = {n: nodes[n]["router_id"] for n in t.nodes}
        cls.cidr = {(n, port): nodes[n]["%s_cidr" % port] for n in t.nodes for port in t.topology.tb_ports}
        t.lab("down", "--purge")
        cls.host_before = host_settings()

    # ------------------------------------------------------------------ up, idempotence, ssh
    def step_01_up_and_ssh(self):
        t, a, b, c = self.t, self.a, self.b, self.c
        t.lab("up")
        self.check("lab up brings the nodes up", t.lab("status") == 0)
        pids1 = sorted(t.pid(n) for n in t.nodes + ["host"])
        t.lab("up")
        self.check("second lab up changes nothing (same node inits)", pids1 == sorted(t.pid(n) for n in t.nodes + ["host"]))
        for n in t.nodes:
            self.check("ssh -p %d hostname answers %s (strict host key)" % (t.port(n), n), t.on(n, "hostname") == n + "\n")
        self.check("session env is clean (PATH, MESHPLAY_LAB_NODE, no pyenv)",
                   t.on(b, "echo $PATH:$MESHPLAY_LAB_NODE:$MESHPLAY_LAB:${PYENV_ROOT:-none}") == "%s:%s:1:none\n" % (NODE_PATH, b))
        self.check("sftp put/get inside the node", lambda: self.sftp_round_trip(b))
        self.check("/etc/pve is shared (cluster.json written)",
                   t.ok(c, "test -f /etc/pve/.lab/cluster.json && touch /etc/pve/shared-test && lab-node-exec %s test -f /etc/pve/shared-test" % a))
        self.check("node files are the node's own (/etc/hostname, /root)",
                   t.on(a, "cat /etc/hostname; lab-node-exec %s cat /etc/hostname" % b) == "%s\n%s\n" % (a, b))
        self.check("host /usr is read-only in a node", t.ok(a, "! touch /usr/lab-write-test 2>/dev/null"))
        disks = t.topology.node(c).disks
        self.check("emulated disks exist (%s)" % ", ".join(disks), t.ok(c, " && ".join("test -e " + d for d in disks)))
        members = [line for line in t.on(a, "pvecm nodes").splitlines() if any(" " + n in line for n in t.nodes)]
        self.check("pvecm status: %d nodes, quorate" % len(t.nodes),
                   re.search(r"^Quorate: *Yes", t.on(a, "pvecm status"), re.M) is not None and len(members) == len(t.nodes))
        self.check("pveversion is PVE 9", re.search(r"^pve-manager/9\.", t.on(a, "pveversion"), re.M) is not None)
        self.check("systemctl: unknown unit inactive (exit 3), disabled (exit 1)", t.ok(
            a, "systemctl is-active ceph-mds@{0} >/dev/null; a=$?; systemctl is-enabled ceph-mds@{0} >/dev/null; b=$?;"
               " [ $a = 3 ] && [ $b = 1 ]".format(a)))
        self.check("systemctl enable --now on a state-only unit", t.ok(
            a, "systemctl enable --now ceph-mds@{0} 2>/dev/null && systemctl is-active ceph-mds@{0} && systemctl is-enabled "
               "ceph-mds@{0} && test -L /etc/systemd/system/ceph-mds.target.wants/ceph-mds@{0}.service".format(a)))
        # ceph-mon@ runs the real daemon: without a monitor store it exits at once, so the unit fails
        self.check("systemctl: ceph-mon@ runs the real ceph-mon (no monitor store here: the unit fails)", t.ok(
            a, "systemctl start ceph-mon@{0}; for i in $(seq 1 20); do systemctl is-failed -q ceph-mon@{0} && break; sleep 0.5; done; "
               "systemctl is-failed -q ceph-mon@{0} && grep -q 'ceph-mon@{0}.service: /usr/bin/ceph-mon -f --cluster ceph --id {0}' "
               "/run/meshplay-lab-state/systemd.log".format(a)))
        # a new network namespace starts from the host's values, so compare against the other node's own value
        forward = t.on(b, "sysctl -n net.ipv4.ip_forward").strip()
        flipped = 1 - int(forward or 0)
        set_a = t.on(a, "sysctl -w net.ipv4.ip_forward=%d >/dev/null && test $(sysctl -n net.ipv4.ip_forward) = %d && "
                        "sysctl -w vm.swappiness=7 >/dev/null && sysctl -n vm.swappiness" % (flipped, flipped))
        with open("/proc/sys/vm/swappiness") as f:
            host_swappiness = f.read().strip()
        self.check("sysctl: net.* is real per node, other keys never reach the host",
                   "7" in set_a.splitlines() and host_swappiness != "7"
                   and t.on(b, "sysctl -n net.ipv4.ip_forward").strip() == (forward or "x"))

    def sftp_round_trip(self, node):
        t = self.t
        with tempfile.TemporaryDirectory() as d:
            src, back = os.path.join(d, "payload"), os.path.join(d, "payload.back")
            payload = "sftp payload %d\n" % os.getpid()
            with open(src, "w") as f:
                f.write(payload)
            r = run(["sftp", "-q", "-b", "-", "-o", "UserKnownHostsFile=" + os.path.join(STATE, "known_hosts"),
                     "-i", os.path.join(STATE, "id_ed25519"), "-P", str(t.port(node)), "root@127.0.0.1"],
                    stdin="put %s /root/sftp-test\nget /root/sftp-test %s\n" % (src, back))
            if r.returncode != 0 or not os.path.exists(back):
                return False
            with open(back) as f:
                same = f.read() == payload
        return same and t.exec(node, "cat /root/sftp-test").stdout == payload

    # ------------------------------------------------------------------ TB links: modules, names, initramfs
    def phase1(self, n):
        """The guide's phase 1A/1B files, by hand (SCYTO's ifup variant of the udev scripts)."""
        t, ports = self.t, sorted(self.t.topology.tb_ports)
        t.ssh(n, "cat >> /etc/modules", stdin="thunderbolt\nthunderbolt-net\n")
        for port in ports:
            kernel, pci = t.topology.tb_ports[port]["kernel"], t.topology.tb_ports[port]["pci"]
            t.ssh(n, "cat > /etc/systemd/network/00-%s.link" % kernel,
                  stdin="[Match]\nPath=pci-%s\nDriver=thunderbolt-net\n\n[Link]\nMACAddressPolicy=none\nName=%s\n" % (pci, port))
        stanzas = "\n\n".join("auto {0}\niface {0} inet static\n    address {1}\n    mtu 65520".format(p, self.cidr[(n, p)])
                              for p in ports)
        interfaces = t.on(n, "cat /etc/network/interfaces").replace(
            "source /etc/network/interfaces.d/*", stanzas + "\n\nsource /etc/network/interfaces.d/*")
        t.ssh(n, "cat > /etc/network/interfaces", stdin=interfaces)
        t.ssh(n, "cat > /etc/udev/rules.d/10-tb-en.rules", stdin="".join(
            'ACTION=="move", SUBSYSTEM=="net", KERNEL=="%s", RUN+="/usr/local/bin/pve-%s.sh"\n' % (p, p) for p in ports))
        for p in ports:
            t.ssh(n, "cat > /usr/local/bin/pve-%s.sh && chmod +x /usr/local/bin/pve-%s.sh" % (p, p), stdin=(
                '#!/bin/bash\nLOGFILE="/tmp/udev-debug.log"\nIF="%s"\necho "$(date): pve-$IF.sh triggered by udev" >> "$LOGFILE"\n'
                'for i in {1..10}; do\n    /usr/sbin/ifup $IF >> "$LOGFILE" 2>&1 && break\n    sleep 3\ndone\n' % p))
        t.ssh(n, "echo net.ipv4.ip_forward=1 > /etc/sysctl.d/90-tb4.conf && systemctl enable systemd-networkd 2>/dev/null"
                 " && udevadm control --reload-rules")

    def step_02_tb_links(self):
        t, a, b = self.t, self.a, self.b
        self.check("without thunderbolt-net no TB links",
                   lambda: t.ssh(a, "ip -o link").returncode == 0 and not re.search(r"thunderbolt|en0[56]", t.on(a, "ip -o link")))
        for n in t.nodes:
            self.phase1(n)
        self.check("modprobe thunderbolt-net: lsmod lists thunderbolt_net and thunderbolt",
                   re.search(r"^thunderbolt_net", t.on(a, "modprobe thunderbolt && modprobe thunderbolt-net && lsmod"), re.M)
                   is not None and t.ok(a, "test -f /sys/module/thunderbolt_net/initstate"))
        t.lab("reboot", *t.nodes)
        links = t.on(a, "ip -o link")
        kernels = sorted(p["kernel"] for p in t.topology.tb_ports.values())
        self.check("after reboot without update-initramfs the names stay %s" % "/".join(kernels),
                   all(k in links for k in kernels) and not re.search(r" en0[56][:@]", links))
        first = t.topology.tb_ports["en05"]
        self.check("the TB links carry the emulated PCI path",
                   "ID_PATH=pci-" + first["pci"] in t.on(a, "udevadm info /sys/class/net/" + first["kernel"]))
        for n in t.nodes:
            t.on(n, "update-initramfs -u -k all")
        t.lab("reboot", *t.nodes)
        for n in t.nodes:
            self.check("%s: en05/en06 exist with MTU 65520 after update-initramfs + reboot" % n, eventually(20, lambda: [
                "mtu 65520" in line for line in t.on(n, "ip -o link show en05; ip -o link show en06").splitlines()].count(True) == 2))
            self.check("%s: /30 addresses on en05/en06" % n, eventually(20, lambda: all(
                self.cidr[(n, p)] in t.on(n, "ip -br addr") for p in ("en05", "en06"))))
        self.check("ip_forward from /etc/sysctl.d applied at boot", t.on(b, "sysctl -n net.ipv4.ip_forward") == "1\n")
        far = t.topology.cable(a, "en06")
        self.check("direct /30 neighbours answer with full MTU (%s en06 -> %s %s)" % (a, far.other, far.other_port),
                   t.ok(a, "ping -c1 -W2 %s %s" % (JUMBO, address(self.cidr[(far.other, far.other_port)]))))

    # ------------------------------------------------------------------ OpenFabric (PVE-shaped files, real FRR)
    def fabric(self, n):
        t, rid, ports = self.t, self.rid[n], sorted(self.t.topology.tb_ports)
        sdn = "#version:1\n\nauto dummy_tb4\niface dummy_tb4 inet static\n\taddress %s/32\n\tlink-type dummy\n\tip-forward 1\n" % rid
        sdn += "".join("\nauto {0}\niface {0} inet static\n\taddress {1}/32\n\tip-forward 1\n".format(p, rid) for p in ports)
        t.ssh(n, "cat > /etc/network/interfaces.d/sdn", stdin=sdn)
        frr = ("frr version 10.3.1\nfrr defaults datacenter\nhostname %s\nlog syslog informational\n"
               "service integrated-vtysh-config\n!\nrouter openfabric tb4\n net %s\nexit\n!\n"
               "interface dummy_tb4\n ip router openfabric tb4\n openfabric passive\nexit\n!\n") % (n, iso_net(rid))
        frr += "".join("interface %s\n ip router openfabric tb4\nexit\n!\n" % p for p in ports)
        frr += ("access-list pve_openfabric_tb4_ips permit 10.100.0.0/24\n!\nroute-map pve_openfabric permit 100\n"
                " match ip address pve_openfabric_tb4_ips\n set src %s\nexit\n!\n"
                "ip protocol openfabric route-map pve_openfabric\n!\nline vty\n!\n") % rid
        t.ssh(n, "cat > /etc/frr/frr.conf", stdin=frr)
        t.ssh(n, "sed -i 's/^fabricd=no/fabricd=yes/' /etc/frr/daemons && ifreload -a && systemctl enable --now frr")

    def step_03_openfabric(self):
        t, a, b, rid = self.t, self.a, self.b, self.rid
        for n in t.nodes:
            self.fabric(n)
        self.check("router ID on dummy_tb4 (emulated dummy)", rid[a] + "/32" in t.on(a, "ip -br addr show dummy_tb4"))
        self.check("frr active and enabled",
                   t.ok(a, "systemctl is-active frr && test -L /etc/systemd/system/multi-user.target.wants/frr.service"))
        for n in t.nodes:
            others = [rid[o] for o in t.nodes if o != n]
            self.check("%s: ip route shows proto openfabric routes to the other router IDs" % n,
                       eventually(90, lambda: routes_to(t.on(n, "ip route"), others)))
        for n in t.nodes:
            for o in t.nodes:
                if n != o:
                    self.check("ping %s %s -> %s" % (JUMBO, n, rid[o]),
                               t.ok(n, "ping -c1 -W2 %s -I %s %s" % (JUMBO, rid[n], rid[o])))
        neighbours = t.on(b, "vtysh -c 'show openfabric neighbor'")
        self.check("vtysh: two openfabric neighbours", sum("Up" in line for line in neighbours.splitlines()) >= 2)

    def step_04_cut_and_heal(self):
        t, a, rid = self.t, self.a, self.rid
        far = t.topology.cable(a, "en05").other
        t.lab("cut", a + ":en05")
        self.check("after cut %s:en05, %s reaches %s's router ID over two hops (via en06)" % (a, a, far), eventually(60, lambda: (
            "dev en06" in t.on(a, "ip route get " + rid[far])
            and t.ok(a, "ping -c1 -W2 %s -I %s %s" % (JUMBO, rid[a], rid[far])))))
        self.check("after cut, traceroute-like path: ttl decremented (2 hops)",
                   "ttl=63" in t.on(a, "ping -c1 -W2 -I %s %s" % (rid[a], rid[far])))
        t.lab("heal", a + ":en05")
        self.check("heal restores the direct route (dev en05)", eventually(60, lambda: (
            "dev en05" in t.on(a, "ip route get " + rid[far])
            and "ttl=64" in t.on(a, "ping -c1 -W2 -I %s %s" % (rid[a], rid[far])))))

    # ------------------------------------------------------------------ reboot from inside a node, crash recovery
    def step_05_reboot_and_crash(self):
        t, a, b, c = self.t, self.a, self.b, self.c
        t.on(b, "touch /tmp/lab-crash-test")
        init = t.pid(b)
        with t.log() as out:
            rc = subprocess.run(t.ssh_argv(b, "reboot"), stdin=subprocess.DEVNULL, stdout=out, stderr=out).returncode
        self.check("reboot inside a node returns 0", rc == 0)
        self.check("%s really reboots (new init)" % b, eventually(30, lambda: t.pid(b) not in ("", init)))
        self.check("%s answers after its reboot" % b, eventually(40, lambda: (
            t.on(b, "hostname") == b + "\n" and t.ok(b, "systemctl is-active frr"))))
        self.check("after %s's reboot, routes come back (openfabric)" % b,
                   eventually(90, lambda: routes_to(t.on(a, "ip route"), [self.rid[b]])))
        self.check("after %s's reboot its /tmp is empty of the old session's files (tmpfs)" % b,
                   t.ok(b, "! test -e /tmp/lab-crash-test"))
        os.kill(int(t.pid(c)), 9)
        t.lab("up")
        self.check("a crashed node is rebuilt by the next lab up", eventually(20, lambda: t.on(c, "hostname") == c + "\n"))
        self.check("lab exec runs inside the node", t.exec(c, "hostname").stdout == c + "\n")

    # ------------------------------------------------------------------ down leaves nothing
    def step_06_down(self):
        t = self.t
        rundir = "/run/meshplay-lab-" + t.name
        handles = [os.path.join("/run/netns", f) for f in os.listdir("/run/netns") if f.startswith(t.name + "-")]
        handles += [os.path.join(rundir, f) for f in os.listdir(rundir) if f.endswith(".mnt")] if os.path.isdir(rundir) else []
        ns_ids = {os.stat(h).st_ino for h in handles}
        # Every process in the lab's namespaces, and the lab's host helper, before down.
        lab_pids = [t.pid("host")] if t.pid("host") else []
        for p in filter(str.isdigit, os.listdir("/proc")):
            for kind in ("net", "mnt"):
                try:
                    link = os.readlink("/proc/%s/ns/%s" % (p, kind))
                except OSError:
                    continue
                if int(link[link.index("[") + 1:-1]) in ns_ids:
                    lab_pids.append(p)
                    break
        self.check("the lab has processes to stop (inits, sshd, FRR)", len(lab_pids) >= 10)
        t.lab("down")
        self.check("down: no lab network namespace",
                   not any(line.startswith(t.name + "-") for line in run(["ip", "netns", "list"]).stdout.splitlines()))
        with open("/proc/self/mountinfo") as f:
            mounts = f.read()
        self.check("down: no lab mount", not any(s in mounts for s in (rundir, STATE, "/run/netns/%s-" % t.name)))
        alive = [p for p in lab_pids if _cmdline(p)]
        if alive:
            with t.log() as out:
                subprocess.run(["ps", "-o", "pid,ppid,stat,args", "-p", ",".join(alive)], stdout=out, stderr=out)
        self.check("down: every process of the lab is gone (inits, sshd, FRR, host helper; zombies awaiting the "
                   "machine's init aside)", not alive)
        listening = run(["ss", "-Hltn"]).stdout
        self.check("down: nothing listens on the lab ports",
                   not any(":%d " % t.port(n) in listening for n in t.nodes))
        self.check("down: no lab veth left in the host namespace",
                   not re.search(r"thunderbolt|en0[56]|sw-n|nic0|dummy_tb4", run(["ip", "-o", "link"]).stdout))
        t.lab("down", "--purge")
        self.check("the machine's own kernel settings are unchanged (%s)" % " ".join(HOST_KEYS),
                   host_settings() == self.host_before)


def _cmdline(pid):
    try:
        with open("/proc/%s/cmdline" % pid) as f:
            return f.read()
    except OSError:
        return ""

"""Tests of the Proxmox/Ceph emulators, run as the real executables on a temporary root.

    python3 -m unittest discover -s lab/emulators/tests
"""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

EMULATORS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CLUSTER = {"cluster_name": "tb4lab", "nodes": [
    {"name": "n2", "nodeid": 1, "ip": "10.11.11.12", "disks": ["/dev/nvme0n1", "/dev/nvme1n1"]},
    {"name": "n3", "nodeid": 2, "ip": "10.11.11.13", "disks": ["/dev/nvme0n1", "/dev/nvme1n1"]},
    {"name": "n4", "nodeid": 3, "ip": "10.11.11.14", "disks": ["/dev/nvme0n1", "/dev/nvme1n1"]}]}
ADDRESSES = {"n2": ["10.1.1.12/24", "10.100.0.102/32"], "n3": ["10.1.1.13/24", "10.100.0.103/32"],
             "n4": ["10.1.1.14/24", "10.100.0.104/32"]}

# interfaces.d/sdn of n2: the router ID on dummy_tb4 in both releases ...
SDN_N2_DUMMY = """#version:1

auto dummy_tb4
iface dummy_tb4 inet static
\taddress 10.100.0.102/32
\tlink-type dummy
\tip-forward 1
"""

# ... then the fabric ports as PVE 9.0 (libpve-rs-perl 0.10) writes them: no address.
GUIDE_SDN_N2_90 = SDN_N2_DUMMY + """
auto en05
iface en05
\tip-forward 1

auto en06
iface en06
\tip-forward 1
"""

# ... and as PVE 9.1 (libpve-rs-perl 0.11) writes it: the router ID on every unnumbered fabric port.
GUIDE_SDN_N2 = SDN_N2_DUMMY + """
auto en05
iface en05 inet static
\taddress 10.100.0.102/32
\tip-forward 1

auto en06
iface en06 inet static
\taddress 10.100.0.102/32
\tip-forward 1
"""

GUIDE_FRR_N2 = """frr version 10.3.1
frr defaults datacenter
hostname n2
log syslog informational
service integrated-vtysh-config
!
router openfabric tb4
 net 49.0001.0101.0000.0102.00
exit
!
interface dummy_tb4
 ip router openfabric tb4
 openfabric passive
exit
!
interface en05
 ip router openfabric tb4
exit
!
interface en06
 ip router openfabric tb4
exit
!
access-list pve_openfabric_tb4_ips permit 10.100.0.0/24
!
route-map pve_openfabric permit 100
 match ip address pve_openfabric_tb4_ips
 set src 10.100.0.102
exit
!
ip protocol openfabric route-map pve_openfabric
!
line vty
!
"""


class EmulatorCase(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="pvelab-")
        self.write("/etc/pve/.lab/cluster.json", json.dumps(CLUSTER))
        self.write("/etc/pve/.lab/addresses.json", json.dumps(ADDRESSES))
        self.write("/etc/network/interfaces", "auto lo\niface lo inet loopback\n\nsource /etc/network/interfaces.d/*\n")
        self.write("/etc/frr/daemons", "zebra=yes\nfabricd=no\nospfd=no\n")
        for disk in ("/dev/nvme0n1", "/dev/nvme1n1"):
            with open(self.path(disk), "wb") as f:
                f.truncate(64 << 20)

    def tearDown(self):
        shutil.rmtree(self.root)

    def path(self, p):
        full = self.root + p
        os.makedirs(os.path.dirname(full), exist_ok=True)
        return full

    def write(self, p, text):
        with open(self.path(p), "w") as f:
            f.write(text)

    def read(self, p):
        with open(self.root + p) as f:
            return f.read()

    def run_tool(self, *argv, node="n2", extra_env=None):
        env = {"PATH": EMULATORS + ":/usr/bin:/bin", "MESHPLAY_TEST_ROOT": self.root, "MESHPLAY_LAB_NODE": node}
        env.update(extra_env or {})
        return subprocess.run(list(argv), capture_output=True, text=True, env=env, timeout=180)

    def ok(self, *argv, node="n2", extra_env=None):
        p = self.run_tool(*argv, node=node, extra_env=extra_env)
        self.assertEqual(0, p.returncode, "%s: %s" % (" ".join(argv), p.stderr))
        return p.stdout

    def json(self, *argv, node="n2"):
        return json.loads(self.ok(*argv, node=node))

    def guide_fabric(self):
        self.ok("pvesh", "create", "/cluster/sdn/fabrics/fabric", "--id", "tb4", "--protocol", "openfabric",
                "--ip_prefix", "10.100.0.0/24")
        for n in ("2", "3", "4"):
            self.ok("pvesh", "create", "/cluster/sdn/fabrics/node/tb4", "--node_id", "n" + n, "--protocol", "openfabric",
                    "--ip", "10.100.0.10" + n, "--interfaces", "name=en05", "--interfaces", "name=en06")

    def ceph(self, osds=True):
        for n in ("n2", "n3", "n4"):
            self.ok("pveceph", "install", "--repository", "test", "--version", "squid", node=n)
        self.ok("pveceph", "init", "--network", "10.1.1.0/24", "--cluster-network", "10.100.0.0/24")
        for n in ("n2", "n3", "n4"):
            self.ok("pveceph", "mon", "create", node=n)
        if osds:
            for n in ("n2", "n3", "n4"):
                for d in ("/dev/nvme0n1", "/dev/nvme1n1"):
                    self.ok("pveceph", "osd", "create", d, node=n)


class SdnTest(EmulatorCase):
    def test_validation_errors_exit_255_with_pve_messages(self):
        cases = [
            (["--id", "toolong12", "--protocol", "openfabric", "--ip_prefix", "10.0.0.0/24"], "id: value may only be 8 characters long"),
            (["--id", "-bad", "--protocol", "openfabric", "--ip_prefix", "10.0.0.0/24"], "id: value does not match the regex pattern"),
            (["--id", "tb4", "--ip_prefix", "10.0.0.0/24"], "protocol: property is missing and it is not optional"),
            (["--id", "o1", "--protocol", "ospf", "--ip_prefix", "10.0.0.0/24", "--area", "0", "--ip6_prefix", "fd00::/64"],
             "IPv6 is currently not supported for protocol ospf"),
            (["--id", "tb4", "--protocol", "openfabric", "--ip_prefix", "10.0.0.0/24", "--hello_interval", "601"],
             "hello_interval: value must have a maximum value of 600"),
            (["--id", "tb4", "--protocol", "openfabric", "--ipv4", "10.0.0.0/24"], "ipv4: property is not defined in schema"),
        ]
        for args, message in cases:
            p = self.run_tool("pvesh", "create", "/cluster/sdn/fabrics/fabric", *args)
            self.assertEqual(255, p.returncode, args)
            self.assertIn(message, p.stderr)
        self.assertFalse(os.path.exists(self.root + "/etc/pve/sdn/fabrics.cfg"), "nothing written on errors")

    def test_config_rules(self):
        self.guide_fabric()
        for args, message in [
            (["create", "/cluster/sdn/fabrics/fabric", "--id", "tb4", "--protocol", "openfabric", "--ip_prefix", "10.9.0.0/24"],
             "fabric 'tb4' already exists in config"),
            (["create", "/cluster/sdn/fabrics/fabric", "--id", "x", "--protocol", "openfabric", "--ip_prefix", "10.100.0.0/16"],
             "overlaps with"),
            (["set", "/cluster/sdn/fabrics/node/tb4/n2", "--protocol", "openfabric", "--ip", "10.200.0.1"],
             "node IP 10.200.0.1 is outside the IP prefix 10.100.0.0/24 of the fabric"),
            (["set", "/cluster/sdn/fabrics/node/tb4/n2", "--protocol", "openfabric", "--ip", "10.100.0.103"],
             "fabric tb4 contains nodes with duplicated IPs"),
            (["set", "/cluster/sdn/fabrics/fabric/tb4", "--hello_interval", "3"], "protocol: property is missing"),
            (["get", "/cluster/sdn/fabrics/fabric/nope"], "fabric 'nope' does not exist in configuration"),
            (["get", "/cluster/sdn/fabrics/node/tb4/n9"], "node 'n9' does not exist in fabric 'tb4'"),
            (["set", "/cluster/sdn/fabrics/node/tb4/n2", "--protocol", "openfabric", "--delete", "ip"],
             "has no IPv4 address, but the fabric has an IPv4 prefix"),
        ]:
            p = self.run_tool("pvesh", *args)
            self.assertEqual(255, p.returncode, args)
            self.assertIn(message, p.stderr, args)
        self.ok("pvesh", "create", "/cluster/sdn/fabrics/fabric", "--id", "f2", "--protocol", "openfabric", "--ip_prefix", "10.50.0.0/24")
        p = self.run_tool("pvesh", "create", "/cluster/sdn/fabrics/node/f2", "--node_id", "n2", "--protocol", "openfabric",
                          "--ip", "10.50.0.2", "--interfaces", "name=en05")
        self.assertIn("interface is already in use by another fabric", p.stderr)

    def test_prefix_canonicalised_on_create_only_and_interfaces_reserialised(self):
        self.ok("pvesh", "create", "/cluster/sdn/fabrics/fabric", "--id", "tb4", "--protocol", "openfabric",
                "--ip_prefix", "10.100.0.7/24")
        self.assertEqual("10.100.0.0/24", self.json("pvesh", "get", "/cluster/sdn/fabrics/fabric/tb4", "--output-format", "json")["ip_prefix"])
        self.ok("pvesh", "set", "/cluster/sdn/fabrics/fabric/tb4", "--protocol", "openfabric", "--ip_prefix", "10.100.0.9/24")
        self.assertEqual("10.100.0.9/24", self.json("pvesh", "get", "/cluster/sdn/fabrics/fabric/tb4", "--output-format", "json")["ip_prefix"])
        self.ok("pvesh", "create", "/cluster/sdn/fabrics/node/tb4", "--node_id", "n2", "--protocol", "openfabric",
                "--ip", "10.100.0.102", "--interfaces", "hello_multiplier=3,name=en05")
        node = self.json("pvesh", "get", "/cluster/sdn/fabrics/node/tb4/n2", "--output-format", "json")
        self.assertEqual(["name=en05,hello_multiplier=3"], node["interfaces"])
        self.assertIn("digest", node)

    def test_pending_and_running_views(self):
        self.guide_fabric()
        pending = self.json("pvesh", "get", "/cluster/sdn/fabrics/all", "--pending", "1", "--output-format", "json")
        fabric = pending["fabrics"][0]
        self.assertEqual("new", fabric["state"])
        self.assertEqual({"id", "protocol", "ip_prefix"}, set(fabric["pending"]))
        self.assertEqual({"state", "pending", "digest"}, set(fabric))
        self.assertEqual([], self.json("pvesh", "get", "/cluster/sdn/fabrics/fabric", "--running", "1", "--output-format", "json"))
        self.ok("pvesh", "set", "/cluster/sdn")
        running = self.json("pvesh", "get", "/cluster/sdn/fabrics/all", "--running", "1", "--output-format", "json")
        self.assertNotIn("digest", running["fabrics"][0])
        self.ok("pvesh", "set", "/cluster/sdn/fabrics/fabric/tb4", "--protocol", "openfabric", "--hello_interval", "3")
        self.ok("pvesh", "set", "/cluster/sdn/fabrics/node/tb4/n3", "--protocol", "openfabric", "--interfaces", "name=en06",
                "--interfaces", "name=en05")
        self.ok("pvesh", "delete", "/cluster/sdn/fabrics/node/tb4/n4")
        pending = self.json("pvesh", "get", "/cluster/sdn/fabrics/all", "--pending", "1", "--output-format", "json")
        self.assertEqual("changed", pending["fabrics"][0]["state"])
        self.assertEqual({"hello_interval": 3}, pending["fabrics"][0]["pending"])
        states = {n["node_id"]: n.get("state") for n in pending["nodes"]}
        self.assertEqual({"n2": None, "n3": None, "n4": "deleted"}, states, "interface order is not a change")
        self.ok("pvesh", "create", "/cluster/sdn/rollback")
        pending = self.json("pvesh", "get", "/cluster/sdn/fabrics/all", "--pending", "1", "--output-format", "json")
        self.assertFalse(any("state" in o for o in pending["fabrics"] + pending["nodes"]))

    def set_versions(self, **versions):
        """Gives nodes a Proxmox VE release in cluster.json (as `lab_pve_version` in the inventory does)."""
        cluster = json.loads(json.dumps(CLUSTER))
        for n in cluster["nodes"]:
            if n["name"] in versions:
                n["pve_version"] = versions[n["name"]]
        self.write("/etc/pve/.lab/cluster.json", json.dumps(cluster))

    def test_interfaces_sdn_follows_each_nodes_release(self):
        # n2 runs 9.0, n3 9.1: one apply writes each node the format of its own release.
        self.set_versions(n2="9.0.10", n3="9.1.2")
        self.guide_fabric()
        self.ok("pvesh", "set", "/cluster/sdn")
        self.assertEqual(GUIDE_SDN_N2_90, self.read("/etc/network/interfaces.d/sdn"))
        self.assertIn("pve-manager/9.0.10/", self.ok("pveversion"))
        self.ok("pvesh", "set", "/nodes/n3/network", "--regenerate-frr", "1", node="n3")    # n3's own reload
        self.assertEqual(GUIDE_SDN_N2.replace("10.100.0.102", "10.100.0.103"), self.read("/etc/network/interfaces.d/sdn"))
        self.assertIn("pve-manager/9.1.2/", self.ok("pveversion", node="n3"))
        self.assertIn("libpve-rs-perl: 0.11", self.ok("pveversion", "-v", node="n3"))

    def test_a_node_without_a_release_is_90(self):
        self.guide_fabric()
        self.ok("pvesh", "set", "/cluster/sdn")
        self.assertEqual(GUIDE_SDN_N2_90, self.read("/etc/network/interfaces.d/sdn"))
        self.assertIn("pve-manager/9.0.10/", self.ok("pveversion"))

    def test_apply_writes_the_guides_files_and_records_the_task(self):
        self.set_versions(n2="9.1.2", n3="9.1.2", n4="9.1.2")
        self.guide_fabric()
        p = self.run_tool("pvesh", "set", "/cluster/sdn")
        self.assertEqual(0, p.returncode)
        upid = p.stdout.strip().splitlines()[-1]
        self.assertTrue(upid.startswith("UPID:n2:"), upid)
        self.assertEqual(GUIDE_SDN_N2, self.read("/etc/network/interfaces.d/sdn"))
        self.assertEqual(GUIDE_FRR_N2, self.read("/etc/frr/frr.conf"))
        self.assertIn("fabricd=yes\n", self.read("/etc/frr/daemons"))
        self.assertEqual("ifreload -a\nsystemctl enable --now frr\n", self.read("/var/log/meshplay-lab/actions.log"))
        status = self.json("pvesh", "get", "/nodes/n2/tasks/%s/status" % upid, "--output-format", "json")
        self.assertEqual({"status": "stopped", "exitstatus": "OK"}, {k: status[k] for k in ("status", "exitstatus")})
        running = json.loads(self.read("/etc/pve/sdn/.running-config"))
        self.assertEqual(1, running["version"])
        self.assertEqual("openfabric_node", running["fabrics"]["ids"]["tb4_n2"]["type"])
        # the per-node part for n3, as the fan-out runs it there
        self.ok("pvesh", "set", "/nodes/n3/network", "--regenerate-frr", "1", node="n3")
        self.assertIn(" net 49.0001.0101.0000.0103.00\n", self.read("/etc/frr/frr.conf"))

    def test_apply_fans_out_to_every_node_through_lab_node_exec(self):
        # one root per node sharing /etc/pve, and a lab-node-exec that enters "the node" by its root
        base = tempfile.mkdtemp(prefix="pvelab-nodes-")
        self.addCleanup(shutil.rmtree, base)
        for n in ("n3", "n4"):
            for p in ("/etc/network", "/etc/frr"):
                os.makedirs(os.path.join(base, n) + p)
            shutil.copy(self.root + "/etc/network/interfaces", os.path.join(base, n, "etc/network/interfaces"))
            shutil.copy(self.root + "/etc/frr/daemons", os.path.join(base, n, "etc/frr/daemons"))
            os.symlink(self.root + "/etc/pve", os.path.join(base, n, "etc/pve"))
        bin_dir = os.path.join(base, "bin")
        os.makedirs(bin_dir)
        with open(os.path.join(bin_dir, "lab-node-exec"), "w") as f:
            f.write('#!/bin/sh\nnode=$1; shift\nMESHPLAY_TEST_ROOT=%s/$node MESHPLAY_LAB_NODE=$node exec "$@"\n' % base)
        os.chmod(os.path.join(bin_dir, "lab-node-exec"), 0o755)
        self.guide_fabric()
        p = self.run_tool("pvesh", "set", "/cluster/sdn", extra_env={"MESHPLAY_LAB_NODE_EXEC": os.path.join(bin_dir, "lab-node-exec")})
        self.assertEqual(0, p.returncode, p.stderr)
        upid = p.stdout.strip().splitlines()[-1]
        self.assertEqual("OK", self.json("pvesh", "get", "/nodes/n2/tasks/%s/status" % upid, "--output-format", "json")["exitstatus"])
        for n, rid, net in (("n3", "103", "0103"), ("n4", "104", "0104")):
            with open(os.path.join(base, n, "etc/network/interfaces.d/sdn")) as f:
                self.assertIn("\taddress 10.100.0.%s/32\n" % rid, f.read())
            with open(os.path.join(base, n, "etc/frr/frr.conf")) as f:
                conf = f.read()
            self.assertIn("hostname %s\n" % n, conf)
            self.assertIn(" net 49.0001.0101.0000.%s.00\n" % net, conf)
            with open(os.path.join(base, n, "var/log/meshplay-lab/actions.log")) as f:
                self.assertEqual("ifreload -a\nsystemctl enable --now frr\n", f.read())

    def test_failed_node_reload_leaves_the_apply_task_ok_but_the_nodes_task_says_so(self):
        # SDN.pm: the node's reload is its own srvreload task; the outer reloadnetworkall task ends OK
        self.guide_fabric()
        self.write("/var/lib/meshplay-lab/test-fail/ifreload", "error: en05: cmd '/bin/ip addr add' failed\n")
        p = self.run_tool("pvesh", "set", "/cluster/sdn")
        self.assertEqual(0, p.returncode, "pvesh exits 0 on a failed apply, as PVE does")
        upid = p.stdout.strip().splitlines()[-1]
        status = self.json("pvesh", "get", "/nodes/n2/tasks/%s/status" % upid, "--output-format", "json")
        self.assertEqual("OK", status["exitstatus"])
        log = [l["t"] for l in self.json("pvesh", "get", "/nodes/n2/tasks/%s/log" % upid, "--output-format", "json")]
        self.assertEqual("n2: reloading network config", log[0])
        self.assertFalse([l for l in log if "WARN" in l], log)
        reloads = self.json("pvesh", "get", "/nodes/n2/tasks", "--typefilter", "srvreload", "--output-format", "json")
        self.assertEqual(1, len(reloads))
        self.assertTrue(reloads[0]["status"].startswith("command 'ifreload -a' failed: exit code 1"), reloads[0])
        self.assertIn("endtime", reloads[0])
        self.assertEqual([], self.json("pvesh", "get", "/nodes/n2/tasks", "--typefilter", "srvreload",
                                       "--since", str(reloads[0]["starttime"] + 1), "--output-format", "json"))

    def test_missing_source_line_is_a_plain_warning(self):
        self.guide_fabric()
        self.write("/etc/network/interfaces", "auto lo\niface lo inet loopback\n")
        p = self.run_tool("pvesh", "set", "/cluster/sdn")
        self.assertIn("missing 'source /etc/network/interfaces.d/sdn' directive", p.stderr)
        reloads = self.json("pvesh", "get", "/nodes/n2/tasks", "--typefilter", "srvreload", "--output-format", "json")
        self.assertEqual("OK", reloads[0]["status"], "a Perl warn is not counted as a task warning")

    def test_bare_interface_names_and_errors_carry_pves_texts(self):
        self.ok("pvesh", "create", "/cluster/sdn/fabrics/fabric", "--id", "tb4", "--protocol", "openfabric", "--ip_prefix", "10.100.0.0/24")
        p = self.run_tool("pvesh", "create", "/cluster/sdn/fabrics/node/tb4", "--node_id", "n2", "--protocol", "openfabric",
                          "--ip", "10.100.0.102", "--interfaces", "en05")
        self.assertEqual(255, p.returncode)
        self.assertIn("interfaces: invalid format - value without key, but schema does not define a default key", p.stderr)
        p = self.run_tool("pvesh", "create", "/cluster/sdn/fabrics/fabric", "--id", "tb4", "--protocol", "openfabric",
                          "--ip_prefix", "10.9.0.0/24")
        self.assertIn("adding fabric failed: fabric 'tb4' already exists in config", p.stderr)
        p = self.run_tool("pvesh", "delete", "/cluster/sdn/fabrics/node/tb4/n9")
        self.assertIn("deleting node failed: node 'n9' does not exist in fabric 'tb4'", p.stderr)

    def test_lab_variant_puts_the_router_id_on_lo(self):
        self.guide_fabric()
        self.ok("pvesh", "set", "/cluster/sdn", extra_env={"MESHPLAY_LAB_NO_DUMMY": "1"})
        sdn = self.read("/etc/network/interfaces.d/sdn")
        self.assertFalse([l for l in sdn.splitlines() if "dummy" in l and not l.startswith("#")], sdn)
        self.assertIn("auto lo\niface lo inet loopback\n\taddress 10.100.0.102/32\n", sdn)
        frr = self.read("/etc/frr/frr.conf")
        self.assertIn("interface lo\n ip router openfabric tb4\n openfabric passive\nexit\n", frr)
        self.assertNotIn("dummy_tb4", frr)

    def test_cluster_status_and_disks(self):
        status = self.json("pvesh", "get", "/cluster/status", "--output-format", "json")
        self.assertEqual(1, status[0]["quorate"])
        self.assertEqual([1, 0, 0], [n["local"] for n in status[1:]])
        disks = self.json("pvesh", "get", "/nodes/n2/disks/list", "--output-format", "json")
        self.assertEqual([-1, -1], [d["osdid"] for d in disks])
        self.assertEqual(64 << 20, disks[0]["size"])


class CephTest(EmulatorCase):
    def test_tools_missing_until_installed(self):
        p = self.run_tool("ceph", "-s")
        self.assertEqual(127, p.returncode)
        p = self.run_tool("pveceph", "init", "--network", "10.1.1.0/24")
        self.assertEqual(255, p.returncode)
        self.assertIn("binary not installed: /usr/bin/ceph-mon", p.stderr)
        self.write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n")
        self.write("/etc/group", "root:x:0:\n")
        self.ok("pveceph", "install", "--repository", "no-subscription", "--version", "squid")
        self.ok("pveceph", "install", "--repository", "no-subscription", "--version", "squid")
        self.assertEqual(1, self.read("/etc/passwd").count("\nceph:x:64045:64045:"))
        self.assertIn("\nceph:x:64045:\n", self.read("/etc/group"))
        self.assertIn("ceph version 19.2.3", self.ok("ceph", "--version"))
        self.assertIn("Components: no-subscription\n", self.read("/etc/apt/sources.list.d/ceph.sources"))

    def test_init_mon_mgr_and_their_errors(self):
        self.ok("pveceph", "install", "--repository", "test", "--version", "squid")
        self.ok("pveceph", "init", "--network", "10.1.1.0/24", "--cluster-network", "10.100.0.0/24")
        conf = self.read("/etc/pve/ceph.conf")
        self.assertTrue(conf.startswith("[global]\n\tauth_client_required = cephx\n"), conf)
        fsid = [l for l in conf.splitlines() if "fsid" in l]
        self.ok("pveceph", "init", "--network", "10.1.1.0/24")
        self.assertEqual(fsid, [l for l in self.read("/etc/pve/ceph.conf").splitlines() if "fsid" in l], "fsid kept")
        self.ok("pveceph", "mon", "create")
        p = self.run_tool("pveceph", "mon", "create")
        self.assertEqual(255, p.returncode)
        self.assertIn("monitor 'n2' already exists", p.stderr)
        p = self.run_tool("pveceph", "mgr", "create")
        self.assertEqual(255, p.returncode)
        self.assertIn("ceph manager directory '/var/lib/ceph/mgr/ceph-n2' already exists", p.stderr)
        self.write("/etc/pve/.lab/addresses.json", json.dumps({"n3": ["10.11.11.13/24"]}))
        self.ok("pveceph", "install", "--repository", "test", "--version", "squid", node="n3")
        p = self.run_tool("pveceph", "mon", "create", node="n3")
        self.assertIn("No active IP found for the requested ceph public network", p.stderr)
        self.ok("pveceph", "mon", "create", "--mon-address", "10.1.1.13", node="n3")
        self.assertIn("mon_host = 10.1.1.12 10.1.1.13", self.read("/etc/pve/ceph.conf"))
        status = self.ok("ceph", "-s")
        self.assertIn("mon: 2 daemons, quorum n2,n3", status)
        self.assertIn("OSD count 0 < osd_pool_default_size 3", status)

    def test_osd_lifecycle_and_health(self):
        self.ceph()
        tree = self.json("ceph", "osd", "tree", "-f", "json")
        self.assertEqual(["n2", "n3", "n4"], [n["name"] for n in tree["nodes"] if n["type"] == "host"])
        p = self.run_tool("pveceph", "osd", "create", "/dev/nvme0n1")
        self.assertIn("device '/dev/nvme0n1' is already in use", p.stderr)
        self.assertEqual(255, p.returncode)
        lvs = self.json("ceph-volume", "lvm", "list", "--format", "json")
        self.assertEqual({"0", "1"}, set(lvs))
        self.assertEqual(["/dev/nvme0n1"], lvs["0"][0]["devices"])
        self.assertEqual("0", lvs["0"][0]["tags"]["ceph.osd_id"])
        self.assertEqual(1, self.json("pvesh", "get", "/nodes/n2/disks/list", "--output-format", "json")[1]["osdid"])
        self.ok("ceph", "osd", "pool", "create", "cephtb4", "256", "256")
        self.ok("ceph", "osd", "pool", "application", "enable", "cephtb4", "rbd")
        health = self.json("ceph", "health", "-f", "json")
        self.assertEqual("HEALTH_OK", health["status"])
        self.ok("ceph", "osd", "set", "noout")
        self.assertIn("noout flag(s) set", self.ok("ceph", "health"))
        self.ok("ceph", "osd", "unset", "noout")
        p = self.run_tool("pveceph", "osd", "destroy", "0")
        self.assertIn("osd is in use (in == 1)", p.stderr)
        self.ok("ceph", "osd", "out", "0")
        p = self.run_tool("pveceph", "osd", "destroy", "0")
        self.assertIn("osd is still running (up == 1)", p.stderr)
        self.ok("ceph", "osd", "ok-to-stop", "0")
        self.ok("pveceph", "stop", "--service", "osd.0")
        p = self.run_tool("pveceph", "osd", "destroy", "2")
        self.assertIn("OSD osd.2 does not belong to node n2!", p.stderr)
        self.ok("pveceph", "osd", "destroy", "0", "--cleanup", "1")
        self.assertEqual({"1"}, set(self.json("ceph-volume", "lvm", "list", "--format", "json")))

    def test_nodes_creating_osds_at_the_same_time_get_distinct_ids(self):
        self.ceph(osds=False)
        env = {"PATH": EMULATORS + ":/usr/bin:/bin", "MESHPLAY_TEST_ROOT": self.root}
        procs = [subprocess.Popen(["pveceph", "osd", "create", d], env=dict(env, MESHPLAY_LAB_NODE=n),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                 for n in ("n2", "n3", "n4") for d in ("/dev/nvme0n1", "/dev/nvme1n1")]
        for p in procs:
            p.wait(timeout=60)
            p.stderr.close()
            self.assertEqual(0, p.returncode)
        tree = self.json("ceph", "osd", "tree", "-f", "json")
        self.assertEqual(list(range(6)), sorted(n["id"] for n in tree["nodes"] if n["type"] == "osd"))

    def test_cluster_network_check(self):
        self.ok("pveceph", "install", "--repository", "test", "--version", "squid")
        self.ok("pveceph", "init", "--network", "10.1.1.0/24", "--cluster-network", "10.200.0.0/24")
        self.ok("pveceph", "mon", "create")
        p = self.run_tool("pveceph", "osd", "create", "/dev/nvme0n1")
        self.assertIn("No address from ceph cluster network (10.200.0.0/24) found on node 'n2'", p.stderr)

    def test_pool_commands_exit_zero_on_failure(self):
        self.ceph(osds=False)
        p = self.run_tool("pveceph", "pool", "create", "cephtb4", "--size", "2", "--min_size", "3")
        self.assertEqual(0, p.returncode, "pveceph pool create exits 0 even when its task failed")
        self.assertIn("pool min_size must be between 1 and size", p.stderr)
        p = self.run_tool("pveceph", "pool", "set", "nope", "--size", "2")
        self.assertEqual(0, p.returncode)
        self.assertIn("unrecognized pool 'nope'", p.stderr)
        self.assertEqual({}, self.json("pveceph", "pool", "get", "cephtb4", "--output-format", "json")["application_metadata"],
                         "settings after the failed one were not made")
        self.ok("pveceph", "pool", "create", "good")
        pools = self.json("pveceph", "pool", "ls", "--output-format", "json")[1:]
        self.assertEqual({"pool", "pool_name", "size", "min_size", "pg_num", "pg_num_min", "pg_num_final", "pg_autoscale_mode",
                          "autoscale_status", "target_size", "target_size_ratio", "crush_rule", "crush_rule_name",
                          "application_metadata", "type", "bytes_used", "percent_used"}, set(pools[0]))
        self.assertEqual({"rbd": {}}, pools[0]["application_metadata"])
        detail = self.json("ceph", "osd", "pool", "ls", "detail", "-f", "json")
        self.assertEqual(128, detail[1]["pg_num"])
        self.assertEqual("warn", detail[1]["pg_autoscale_mode"])
        p = self.run_tool("pveceph", "pool", "create", "x", "--size", "9")
        self.assertEqual(255, p.returncode, "parameter errors die before the task")

    def test_storage_entries_and_sizes_from_the_emulated_disks(self):
        self.ceph()
        self.ok("pveceph", "pool", "create", "cephtb4", "--pg_num", "32", "--add_storages", "1")
        entry = self.json("pvesh", "get", "/storage/cephtb4", "--output-format", "json")
        self.assertEqual(("rbd", "cephtb4", "rootdir,images"), (entry["type"], entry["pool"], entry["content"]))
        p = self.run_tool("pvesm", "add", "rbd", "cephtb4", "--pool", "cephtb4")
        self.assertIn("storage ID 'cephtb4' already defined", p.stderr)
        line = [l for l in self.ok("pvesm", "status").splitlines() if l.startswith("cephtb4")][0].split()
        self.assertEqual(["rbd", "active", str(6 * (64 << 20) // 3 // 1024)], line[1:4], "6 disks of 64 MiB, 3 replicas")

    def test_config_database(self):
        self.ceph(osds=False)
        p = self.run_tool("ceph", "config", "set", "osd", "bluestore_cache_kv_max", "2147483648")
        self.assertEqual(22, p.returncode)
        self.assertEqual("Error EINVAL: unrecognized config option 'bluestore_cache_kv_max'\n", p.stderr)
        self.ok("ceph", "config", "set", "osd", "osd_memory_target", "8G")
        self.ok("ceph", "config", "set", "osd", "bluestore_cache_meta_ratio", "0.4")
        self.ok("ceph", "config", "set", "global", "cluster_network", "10.100.0.0/24")
        dump = self.json("ceph", "config", "dump", "-f", "json")
        entry = [e for e in dump if e["name"] == "osd_memory_target"][0]
        self.assertEqual({"section": "osd", "name": "osd_memory_target", "value": "8589934592", "level": "basic",
                          "can_update_at_runtime": True, "mask": ""}, entry)
        self.assertEqual("global", dump[0]["section"])
        self.assertEqual("8589934592\n", self.ok("ceph", "config", "get", "osd.1", "osd_memory_target"))
        self.assertIn("(size, basic)", self.ok("ceph", "config", "help", "osd_memory_target"))
        p = self.run_tool("ceph", "config", "help", "bluestore_cache_kv_max")
        self.assertEqual((2, "Error ENOENT: \n"), (p.returncode, p.stderr), "as ConfigMonitor.cc answers an unknown option")
        self.assertEqual(dump, self.json("pvesh", "get", "/nodes/n2/ceph/cfg/db", "--output-format", "json"))
        self.ok("ceph", "config", "rm", "osd", "osd_memory_target")
        self.assertNotIn("osd_memory_target", self.ok("ceph", "config", "dump"))

    def test_daemon_socket_only_on_the_osds_node(self):
        self.ceph()
        shown = json.loads(self.ok("ceph", "daemon", "osd.0", "config", "show"))
        self.assertEqual("10.100.0.0/24", shown["cluster_network"])
        p = self.run_tool("ceph", "daemon", "osd.2", "config", "show")
        self.assertNotEqual(0, p.returncode)


class RadosTest(EmulatorCase):
    def test_bench_output_format_and_measured_statement(self):
        EmulatorCase.ceph(self)
        self.ok("pveceph", "pool", "create", "cephtb4", "--pg_num", "32")
        out = self.ok("rados", "-p", "cephtb4", "bench", "1", "write", "--no-cleanup", "-b", "64K", "-t", "2")
        for field in ("Total time run:", "Total writes made:", "Write size:             65536", "Object size:",
                      "Bandwidth (MB/sec):", "Stddev Bandwidth:", "Max bandwidth (MB/sec):", "Min bandwidth (MB/sec):",
                      "Average IOPS:", "Stddev IOPS:", "Max IOPS:", "Min IOPS:", "Average Latency(s):", "Stddev Latency(s):",
                      "Max latency(s):", "Min latency(s):"):
            self.assertIn("\n" + field, out)
        self.assertIn("lab: measured ", out)
        self.assertIn("fdatasync to /dev/nvme0n1, /dev/nvme1n1 on n2", out)
        self.assertRegex(out, r"\nAverage Latency\(s\): +[0-9]+\.?[0-9]*\n", "fixed-point, as playbooks parse it")
        writes = int([l for l in out.splitlines() if l.startswith("Total writes made:")][0].split()[-1])
        self.assertGreater(writes, 0)
        with open(self.root + "/dev/nvme0n1", "rb") as f:
            f.seek(1 << 20)
            self.assertTrue(f.read(64).startswith(b"benchmark_data_n2_"), "objects really went to the disk file")
        out = self.ok("rados", "-p", "cephtb4", "bench", "1", "rand", "-t", "2")
        self.assertIn("\nTotal reads made:", out)
        self.assertIn("random reads of 65536 bytes", out)
        self.assertIn("Removed %d objects" % writes, self.ok("rados", "-p", "cephtb4", "cleanup"))
        p = self.run_tool("rados", "-p", "cephtb4", "bench", "1", "seq")
        self.assertIn("Must write data before running a read benchmark!", p.stderr)

    def test_bench_replicates_to_peer_nodes_through_lab_node_exec(self):
        cluster = json.loads(json.dumps(CLUSTER))
        for n in cluster["nodes"]:
            n["ip"] = "127.0.0.1"
        self.write("/etc/pve/.lab/cluster.json", json.dumps(cluster))
        EmulatorCase.ceph(self, osds=False)
        base = tempfile.mkdtemp(prefix="pvelab-nodes-")
        self.addCleanup(shutil.rmtree, base)
        for n in ("n3", "n4"):
            os.makedirs(os.path.join(base, n, "dev"))
            os.makedirs(os.path.join(base, n, "etc"))
            os.symlink(self.root + "/etc/pve", os.path.join(base, n, "etc/pve"))
            for d in ("nvme0n1", "nvme1n1"):
                with open(os.path.join(base, n, "dev", d), "wb") as f:
                    f.truncate(64 << 20)
        os.symlink(self.root, os.path.join(base, "n2"))
        bin_dir = os.path.join(base, "bin")
        os.makedirs(bin_dir)
        with open(os.path.join(bin_dir, "lab-node-exec"), "w") as f:
            f.write('#!/bin/sh\nnode=$1; shift\nMESHPLAY_TEST_ROOT=%s/$node MESHPLAY_LAB_NODE=$node exec "$@"\n' % base)
        os.chmod(os.path.join(bin_dir, "lab-node-exec"), 0o755)
        env = {"MESHPLAY_LAB_NODE_EXEC": os.path.join(bin_dir, "lab-node-exec")}
        for n in ("n2", "n3", "n4"):
            node_env = dict(env, MESHPLAY_TEST_ROOT=os.path.join(base, n))
            self.ok("pveceph", "install", "--repository", "test", "--version", "squid", node=n, extra_env=node_env)
            self.ok("pveceph", "osd", "create", "/dev/nvme0n1", node=n, extra_env=node_env)
        self.ok("pveceph", "pool", "create", "cephtb4", "--pg_num", "32")
        out = self.ok("rados", "-p", "cephtb4", "bench", "1", "write", "--no-cleanup", "-b", "16K", "-t", "2", extra_env=env)
        self.assertIn("replicated to n3:/dev/nvme0n1 at 127.0.0.1 via ", out)
        self.assertIn("n4:/dev/nvme0n1 at 127.0.0.1", out)
        for n in ("n3", "n4"):
            with open(os.path.join(base, n, "dev", "nvme0n1"), "rb") as f:
                f.seek(1 << 20)
                self.assertTrue(f.read(32).startswith(b"benchmark_data_n2_"), "the replica reached %s's disk" % n)

    def test_replica_receiver_writes_with_fdatasync_before_acknowledging(self):
        import socket
        import struct
        target = self.path("/dev/replica-disk")
        with open(target, "wb") as f:
            f.truncate(1 << 20)
        srv = socket.socket()
        srv.bind(("127.0.0.1", 0))
        port = srv.getsockname()[1]
        srv.close()
        proc = subprocess.Popen(["/usr/bin/python3", os.path.join(EMULATORS, "pvelab", "replica.py"), str(port), target],
                                stdout=subprocess.PIPE, text=True)
        self.addCleanup(proc.stdout.close)
        self.addCleanup(proc.kill)
        self.assertEqual("READY", proc.stdout.readline().strip())
        conn = socket.create_connection(("127.0.0.1", port), timeout=10)
        payload = b"object-bytes" * 100
        conn.sendall(struct.pack(">QQ", 4096, len(payload)) + payload)
        self.assertEqual(b"A", conn.recv(1))
        conn.sendall(struct.pack(">QQ", 0, 0))
        conn.close()
        self.assertEqual(0, proc.wait(timeout=10))
        with open(target, "rb") as f:
            f.seek(4096)
            self.assertEqual(payload, f.read(len(payload)))

    def test_unknown_pool(self):
        EmulatorCase.ceph(self, osds=False)
        p = self.run_tool("rados", "-p", "nope", "bench", "1", "write")
        self.assertEqual(1, p.returncode)
        self.assertIn("error opening pool nope", p.stderr)


if __name__ == "__main__":
    unittest.main()

"""Unit tests of the lab's Python package (lab/lib/meshlab) and of the end-to-end harness (labcheck):
what needs no root and no running lab. The lab itself is tested end to end by lab/tests/run.

    python3 -m unittest discover -s lab/tests
"""
import io
import os
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import labcheck  # noqa: E402  (puts lab/lib on the path)
from meshlab import cabling, commands, namespaces, seed  # noqa: E402
from meshlab.context import Lab, LabError  # noqa: E402
from meshlab.topology import Topology, TopologyError  # noqa: E402

LAB_INVENTORY = os.path.join(labcheck.REPO, "inventories", "lab", "hosts.yml")

INVENTORY = """all:
  children:
    pve:
      hosts:
        a1: {ansible_port: 3001, mgmt_ip: 10.9.0.1, lab_disks: [/dev/sda]}
        b2:
          ansible_port: 3002
        c3:
          ansible_port: 3003
      vars:
        lab_cluster_name: small
        lab_links:
          - [a1:en05, b2:en06]
          - [b2:en05, c3:en05]
"""


def inventory(text):
    f = tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False)
    f.write(text)
    f.close()
    return f.name


class TopologyTest(unittest.TestCase):
    def setUp(self):
        self.path = inventory(INVENTORY)
        self.t = Topology.load(self.path)

    def tearDown(self):
        os.remove(self.path)

    def test_nodes_in_inventory_order_with_ids_ports_and_default_addresses(self):
        self.assertEqual(self.t.names, ["a1", "b2", "c3"])
        self.assertEqual([(n.nodeid, n.ssh_port, n.ip) for n in self.t.nodes],
                         [(1, 3001, "10.9.0.1"), (2, 3002, "10.11.11.12"), (3, 3003, "10.11.11.13")])
        self.assertEqual(self.t.node("a1").disks, ["/dev/sda"])
        self.assertEqual(self.t.cluster_name, "small")

    def test_a_cable_is_seen_from_both_ends_with_kernel_names_and_pci_paths(self):
        (c,) = self.t.cables("a1")
        self.assertEqual(c, ("en05", "b2", "en06", "thunderbolt0", "thunderbolt1", "0000:00:0d.2", "0000:00:0d.3"))
        self.assertEqual([(x.port, x.other, x.other_port) for x in self.t.cables("b2")], [("en06", "a1", "en05"), ("en05", "c3", "en05")])
        self.assertEqual(self.t.cable("c3", "en05").other, "b2")
        self.assertIsNone(self.t.cable("c3", "en06"))
        self.assertIsNone(self.t.cable("a1", "en07"))

    def test_a_cable_to_an_unknown_port_is_refused_naming_it(self):
        path = inventory(INVENTORY.replace("b2:en06", "b2:en07"))
        try:
            with self.assertRaisesRegex(TopologyError, "lab_links end 'b2:en07'"):
                Topology.load(path)
        finally:
            os.remove(path)

    def test_the_lab_inventory_cables_a_ring(self):
        t = Topology.load(LAB_INVENTORY)
        for n in t.names:
            self.assertEqual(sorted(c.port for c in t.cables(n)), ["en05", "en06"], n)
        self.assertEqual(t.cluster()["cluster_name"], t.cluster_name)


class SeedTest(unittest.TestCase):
    def test_interfaces_in_the_installer_layout(self):
        text = seed.interfaces("10.11.11.12", 24)
        self.assertIn("auto vmbr0\niface vmbr0 inet static\n\taddress 10.11.11.12/24\n\tgateway 10.11.11.1\n\tbridge-ports nic0\n", text)
        self.assertTrue(text.endswith("\n\n\nsource /etc/network/interfaces.d/*\n"))

    def test_corosync_lists_every_node_with_its_id_and_address(self):
        path = inventory(INVENTORY)
        try:
            conf = seed.corosync_conf(Topology.load(path))
        finally:
            os.remove(path)
        self.assertIn("  node {\n    name: b2\n    nodeid: 2\n    quorum_votes: 1\n    ring0_addr: 10.11.11.12\n  }\n", conf)
        self.assertIn("  cluster_name: small\n  config_version: 3\n", conf)

    def test_disk_files(self):
        self.assertEqual(seed.disk_file("/dev/nvme0n1"), "nvme0n1")
        self.assertEqual(seed.disk_file("/dev/disk/by-id/x"), "disk__by-id__x")
        self.assertIsNone(seed.disk_file("/dev/"))
        self.assertIsNone(seed.disk_file("sda"))

    def test_known_hosts_lists_every_seeded_node_key_on_its_port(self):
        with tempfile.TemporaryDirectory() as state:
            lab = Lab({"MESHPLAY_LAB_STATE": state, "MESHPLAY_LAB_INVENTORY": LAB_INVENTORY})
            first = lab.topology.nodes[0]
            ssh = os.path.join(lab.node_root(first.name), "etc/ssh")
            os.makedirs(ssh)
            for kind, key in (("rsa", "ssh-rsa AAAr"), ("ed25519", "ssh-ed25519 AAAe")):
                with open(os.path.join(ssh, "ssh_host_%s_key.pub" % kind), "w") as f:
                    f.write(key + " root@%s\n" % first.name)
            self.assertEqual(seed.known_hosts(lab), "[127.0.0.1]:%d ssh-ed25519 AAAe\n[127.0.0.1]:%d ssh-rsa AAAr\n"
                             % (first.ssh_port, first.ssh_port))


class ContextTest(unittest.TestCase):
    def test_lab_name_decides_namespaces_and_run_directory(self):
        self.assertEqual(Lab({}).rundir, "/run/meshplay-lab")
        lab = Lab({"MESHPLAY_LAB_NAME": "mpt"})
        self.assertEqual((lab.rundir, lab.netns("n2"), lab.switch_ns), ("/run/meshplay-lab-mpt", "mpt-n2", "mpt-mgmt"))

    def test_a_name_that_is_not_lowercase_letters_and_digits_is_a_usage_error(self):
        with self.assertRaises(LabError) as e:
            Lab({"MESHPLAY_LAB_NAME": "My-Lab"})
        self.assertEqual(e.exception.code, 2)


class CablingTest(unittest.TestCase):
    def test_cuts_are_recorded_once_and_healed_from_either_end(self):
        with tempfile.TemporaryDirectory() as state:
            lab = Lab({"MESHPLAY_LAB_STATE": state})
            cabling.add_cut(lab, "n2", "en05")
            cabling.add_cut(lab, "n2", "en05")
            cabling.add_cut(lab, "n3", "en06")
            self.assertEqual(cabling.cuts(lab), ["n2:en05", "n3:en06"])
            self.assertTrue(cabling.is_cut(lab, "n3", "en06"))
            cabling.remove_cuts(lab, "n2:en05", "n4:en06")
            self.assertEqual(cabling.cuts(lab), ["n3:en06"])

    def test_status_shows_tb_links_with_carrier_and_mtu(self):
        text = ("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN\n"
                "4: en05@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 65520 qdisc noqueue state UP\n"
                "5: thunderbolt1@if5: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN\n"
                "6: dummy_tb4: <BROADCAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP\n")
        self.assertEqual(commands.tb_links(namespaces.parse_links(text)), ["en05(up,mtu 65520)", "thunderbolt1(down,mtu 1500)"])


class CommandLineTest(unittest.TestCase):
    def lab(self, *args):
        return subprocess.run([labcheck.LAB] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True, env=dict(os.environ, MESHPLAY_LAB_NAME="mpu"))

    def test_help_and_unknown_commands(self):
        r = self.lab("--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("lab cut NODE:IFACE", r.stdout)
        r = self.lab("frobnicate")
        self.assertEqual(r.returncode, 2)
        self.assertIn("usage: lab up", r.stderr)

    def test_status_of_a_lab_that_is_down_exits_3(self):
        r = self.lab("status")
        self.assertEqual(r.returncode, 3)
        self.assertEqual(r.stdout.splitlines()[1].split(), ["n2", "down", "-", "-", "-"])


class HarnessTest(unittest.TestCase):
    def test_one_line_per_check_and_failures_counted(self):
        class Sample(labcheck.Story):
            def step_01(self):
                self.check("first holds", True)
                self.check("second fails", lambda: False)
                self.check("third holds", lambda: 1)

            def step_02(self):
                raise OSError("no such lab")

        result = labcheck.CheckResult(clock=iter([100, 102, 102, 105]).__next__)
        out = io.StringIO()
        with redirect_stdout(out):
            labcheck.StepLoader().loadTestsFromTestCase(Sample).run(result)
        self.assertEqual(out.getvalue().splitlines(), [
            "ok   - first holds", "FAIL - second fails", "ok   - third holds", "# step_01: 2 s",
            "FAIL - step_02 (error outside a check)", "    OSError: no such lab", "# step_02: 3 s"])
        self.assertEqual((result.passed, result.failed), (2, 2))

    def test_e2e_steps_selects_steps_by_number_and_keeps_the_always_steps(self):
        class Sample(labcheck.Story):
            ALWAYS = ("step_20_end",)

            def step_01_build(self):
                pass

            def step_03_cut(self):
                pass

            def step_04_guard(self):
                pass

            def step_20_end(self):
                pass

        def names(only):
            return [t._testMethodName for t in labcheck.StepLoader(only).loadTestsFromTestCase(Sample)]

        self.assertEqual(labcheck.selected_steps({"E2E_STEPS": "3, 04"}), {"03", "04"})
        self.assertIsNone(labcheck.selected_steps({}))
        self.assertEqual(names(labcheck.selected_steps({"E2E_STEPS": "3, 04"})), ["step_03_cut", "step_04_guard", "step_20_end"])
        self.assertEqual(names(None), ["step_01_build", "step_03_cut", "step_04_guard", "step_20_end"])

    def test_shifted_inventory_moves_every_port(self):
        with tempfile.TemporaryDirectory() as d:
            dest = os.path.join(d, "hosts.yml")
            labcheck.shifted_inventory(dest, 100)
            before, after = Topology.load(LAB_INVENTORY), Topology.load(dest)
        self.assertEqual([n.ssh_port + 100 for n in before.nodes], [n.ssh_port for n in after.nodes])
        self.assertEqual(before.links, after.links)


if __name__ == "__main__":
    unittest.main()

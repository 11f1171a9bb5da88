"""Tests of bench/report.py: the statistics, the tables' arithmetic and formatting, the targets and
the rendered RESULTS.md, from hand-made runs whose expected figures are worked out in the comments.

    python3 -m unittest discover -s bench/tests
"""
import io
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stdout
from types import SimpleNamespace

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import report  # noqa: E402


def row(scen, tool, phase, wall, rss=102400, tree=204800, conns=10, cpu=1.0, sshd="0.50", load=None):
    r = [scen, tool, phase, "1", "%.2f" % wall, str(rss), str(tree), str(conns), "10", "5", "0", "0", "%.2f" % cpu, sshd]
    return r if load is None else r + [load]


def facts(**kw):
    o = dict(cores=2, load_before="1.00 1.00 1.00", load_after="1.50 1.20 1.00", date="2026-01-01 00:00 UTC", elapsed="300",
             machine="2 cores (cpu), 1024 MiB RAM, Debian, kernel 6", meshplay_version="meshplay 0.1.0", commit="abc",
             java_version="openjdk 17", ansible_version="ansible-playbook [core 2.14.18]", python_version="Python 3.11",
             ssh_version="OpenSSH_9.2", port="2299", user="meshbench", reps="3", ansible_reps="1", ansible_small_reps="3",
             ansible_50="0", scale_reps="2", mitogen_version="ansible-mitogen 0.3.3-9+deb12u1, strategy mitogen_linear")
    o.update(kw)
    return SimpleNamespace(**o)


def table_row(table, scen, phase):
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[:2] == [scen, phase]:
            return cells
    raise AssertionError("no row %s %s in\n%s" % (scen, phase, table))


class StatisticsTest(unittest.TestCase):
    def test_median_best_and_count_per_scenario_phase_tool(self):
        r = report.Results([row("30x10", "meshplay", "first", w) for w in (1.3, 1.0, 1.1)]
                           + [row("30x10", "meshplay", "second", 9.0)])
        key = ("30x10", "first", "meshplay")
        self.assertAlmostEqual(r.med(key, report.WALL), 1.1)
        self.assertAlmostEqual(r.best(key), 1.0)
        self.assertEqual(r.n(key), 3)
        self.assertIsNone(r.med(("30x10", "first", "ansible"), report.WALL))

    def test_runs_without_sshd_cpu_are_left_out_of_its_median(self):
        r = report.Results([row("30x1", "meshplay", "first", 1.0, sshd="-"), row("30x1", "meshplay", "first", 1.0, sshd="0.40")])
        self.assertAlmostEqual(r.med(("30x1", "first", "meshplay"), report.SSHD_CPU), 0.40)


class TablesTest(unittest.TestCase):
    def setUp(self):
        self.r = report.Results([
            row("empty", "meshplay", "empty", 0.20), row("empty", "ansible", "empty", 0.50),
            row("30x10", "meshplay", "first", 1.00, rss=116736, conns=10), row("30x10", "meshplay", "first", 1.20),
            row("30x10", "ansible", "first", 35.0, rss=59392, tree=697344, cpu=13.9, sshd="52.67", load="4.00"),
            row("30x10", "mitogen", "first", 22.0, rss=81920, tree=307200, cpu=9.0, sshd="8.00", conns=10, load="6.00"),
            row("30x50", "meshplay", "first", 3.50, sshd="-"),
        ])
        self.table = report.medians_table(self.r)

    def test_ratio_and_per_host_task_figures(self):
        cells = table_row(self.table, "30x10", "first")
        self.assertEqual(cells[2], "1.10 (1.00), 2")            # median of 1.00 and 1.20, best 1.00, 2 runs
        self.assertEqual(cells[3], "35.00, 1")
        self.assertEqual(cells[4], "31.8x")                     # 35 / 1.1
        self.assertEqual(cells[5], "22.00, 1")
        self.assertEqual(cells[6], "20.0x")                     # 22 / 1.1
        self.assertEqual(cells[7], "3.67 / 3.00")               # 1100 ms / 300; (1.1 - 0.2 empty) s / 300
        self.assertEqual(cells[8], "117 / 73")                  # 35000 ms / 300, 22000 ms / 300
        self.assertEqual(cells[9], "1.0 / 13.9 / 9.0")          # CPU of each tool
        self.assertEqual(cells[10], "0.50 / 52.67 / 8.00")      # sshd CPU
        self.assertEqual(cells[12], "58 / 681")                 # 59392 KiB, 697344 KiB in MiB
        self.assertEqual(cells[13], "80 / 300")                 # Mitogen's 81920 KiB, 307200 KiB
        self.assertEqual(cells[14], "10 / 10 / 10")
        self.assertEqual(cells[15], "5.0")                      # median of the loads recorded: 4 and 6

    def test_30x50_without_ansible_is_estimated_from_the_30x10_rate(self):
        cells = table_row(self.table, "30x50", "first")
        self.assertEqual(cells[4], "not run; est. ~50x (~175 s at the 30x10 rate)")   # 5 x 35 s / 3.5 s
        self.assertEqual(cells[6], "-")                         # no Mitogen run
        self.assertEqual(cells[10], "- / - / -")

    def test_scenarios_without_runs_have_no_row_and_rows_keep_their_order(self):
        self.assertNotIn("| loop100 |", self.table)
        order = [line.split("|")[1].strip() for line in self.table.splitlines()[2:]]
        self.assertEqual(order, ["empty", "30x10", "30x50"])

    def test_every_run_is_listed_in_order(self):
        self.assertIn("| 30x10 | first | meshplay | 1.00 1.20 |", report.runs_table(self.r))
        self.assertIn("| 30x10 | first | mitogen | 22.00 (6.0) |", report.runs_table(self.r))


class ScaleTableTest(unittest.TestCase):
    def setUp(self):
        self.r = report.Results([
            row("30x10", "meshplay", "first", 1.20, cpu=1.5),
            row("30x100", "meshplay", "first", 9.00, cpu=6.0, sshd="12.00", rss=250 * 1024, conns=100, load="3.50"),
            row("30x100", "meshplay", "first", 11.00, cpu=7.0, sshd="14.00", rss=260 * 1024, conns=100, load="4.50"),
        ])

    def test_per_host_task_costs_and_the_ratio_to_10_hosts(self):
        cells = table_row(report.scale_table(self.r), "30x100", "first")
        self.assertEqual(cells[2], "100")
        self.assertEqual(cells[3], "10.00, 2")                 # median of 9 and 11
        self.assertEqual(cells[4], "3.33")                     # 10000 ms / 3000 host-tasks
        self.assertEqual(cells[5], "0.8x")                     # 3.33 ms against 1200 / 300 = 4 ms
        self.assertEqual(cells[6], "2.17")                     # 6.5 s of CPU / 3000
        self.assertEqual(cells[7], "13.00 (4.33)")             # sshd: 13 s, 13000 ms / 3000
        self.assertEqual(cells[8], "255")
        self.assertEqual(cells[9], "100")
        self.assertEqual(cells[10], "4.0")

    def test_no_runs_beyond_10_hosts_no_table(self):
        self.assertEqual(report.scale_table(report.Results([row("30x10", "meshplay", "first", 1.0)])), "")


class TargetsTest(unittest.TestCase):
    def test_met_and_missed_targets(self):
        r = report.Results([row("empty", "meshplay", "empty", 0.2), row("30x10", "meshplay", "first", 2.0),
                            row("30x10", "ansible", "first", 90.0)])
        lines = report.targets(r)
        self.assertIn("- [x] 30x10 first run: meshplay at least 40x faster than ansible-playbook measured in this run: "
                      "45.0x (2.00 s vs 90.0 s)", lines)
        self.assertIn("- [x] 30x10 first run: at least 30x faster than the reference ansible-playbook time (~130 s): 65.0x",
                      lines)
        # (2.0 - 0.2) s / 300 = 6 ms: over the 5 ms target
        self.assertIn("- [ ] 30x10 first run: per host-task overhead under 5 ms: 6.00 ms ((2.00 s - 0.20 s empty run) / 300)", lines)

    def test_3_host_and_mitogen_targets(self):
        r = report.Results([row("30x3", "meshplay", "first", 1.0), row("30x3", "ansible", "first", 29.0),
                            row("30x10", "meshplay", "first", 1.0), row("30x10", "mitogen", "first", 36.0)])
        lines = report.targets(r)
        self.assertIn("- [ ] 30x3 first run (the guide's cluster size): meshplay at least 30x faster than ansible-playbook: "
                      "29.0x (1.00 s vs 29.0 s)", lines)
        self.assertIn("- [x] 30x10 first run: meshplay at least 35x faster than Ansible + Mitogen measured in this run: "
                      "36.0x (1.00 s vs 36.0 s)", lines)

    def test_scale_targets(self):
        r = report.Results([row("30x10", "meshplay", "first", 1.2), row("30x100", "meshplay", "first", 9.0),
                            row("30x300", "meshplay", "first", 30.0, cpu=10.8, rss=390 * 1024),
                            row("30x300", "meshplay", "second", 20.0, cpu=8.0, rss=410 * 1024)])
        lines = report.targets(r)
        # 9 s / 3000 = 3 ms per host-task against 1.2 s / 300 = 4 ms
        self.assertIn("- [x] 30x100 first run: wall time per host-task within 2x of the 10-host figure: 0.8x (3.00 ms vs 4.00 ms)",
                      lines)
        self.assertIn("- [x] 30x300 first run: every host reachable (1 of 1 runs checked from the recap)", lines)
        self.assertIn("- [ ] 30x300 first run: controller CPU at most 1 ms per host-task: 1.20 ms (10.8 s / 9,000)", lines)
        self.assertIn("- [ ] 30x300: meshplay peak RSS at most 400 MiB: 410 MiB", lines)

    def test_rss_target_takes_the_larger_of_first_and_second_run(self):
        r = report.Results([row("30x50", "meshplay", "first", 3.0, rss=200 * 1024),
                            row("30x50", "meshplay", "second", 2.0, rss=310 * 1024)])
        self.assertEqual(report.targets(r), ["- [ ] meshplay peak RSS under 300 MiB at 50 hosts: 310 MiB"])

    def test_load_note_compares_the_highest_load_with_the_cores(self):
        self.assertEqual(report.load_note("1.0 1.0 1.0", "1.9 1.0 1.0", 2), "The load average stayed at or below the core count.")
        self.assertTrue(report.load_note("1.0 1.0 1.0", "9.88 1.0 1.0", 2).startswith("The load average reached 9.9 on 2 cores"))

    def test_jit_share_is_read_from_the_citime_line(self):
        self.assertEqual(report.jit_share("  C1 {speed: 1 bytes/s; standard: 0.52 s, 1234 bytes, 2500 methods; osr"), (0.52, 2500))
        self.assertEqual(report.jit_share(""), (None, None))


class RenderTest(unittest.TestCase):
    def setUp(self):
        self.r = report.Results([row("empty", "meshplay", "empty", 0.2), row("30x10", "meshplay", "first", 1.0, cpu=1.2),
                                 row("30x10", "ansible", "first", 36.0)])

    def test_report_states_facts_settings_and_explains_the_30x10_run(self):
        md = report.render(self.r, facts(), "", "")
        self.assertIn("- sshd: OpenSSH_9.2 on 127.0.0.1:2299, user meshbench", md)
        self.assertIn("- Ansible + Mitogen: ansible-mitogen 0.3.3-9+deb12u1, strategy mitogen_linear", md)
        self.assertNotIn("## Scale", md)
        self.assertIn("- Repetitions: meshplay 3 per scenario (2 for 30x100 and 30x300); ansible-playbook 3 for the empty and 30x1 "
                      "scenarios, 1 for 30x3", md)
        self.assertIn(report.NOT_RUN_50, md)
        self.assertIn("not run (BENCH_MICRO=0)", md)
        # (1.2 + 0.5) / 2 = 0.85 s of CPU per core; ansible 36 s asks meshplay for 36 / 40 = 0.90 s or less
        self.assertIn("(1.2 + 0.50) / 2 = 0.85 s of CPU per core", md)
        self.assertIn("asks meshplay for 0.90 s or less", md)

    def test_measured_30x50_and_micro_benchmarks(self):
        md = report.render(self.r, facts(ansible_50="1"), "template render: 3 us", "")
        self.assertNotIn(report.NOT_RUN_50, md)
        self.assertIn("```\ntemplate render: 3 us\n```", md)

    def test_main_writes_the_report_and_prints_the_table(self):
        with tempfile.TemporaryDirectory() as d:
            paths = [os.path.join(d, n) for n in ("results.tsv", "RESULTS.md", "micro.txt", "jit.txt")]
            with open(paths[0], "w") as f:
                f.write("\t".join(row("30x1", "meshplay", "first", 0.6)) + "\n")
            for p in paths[2:]:
                open(p, "w").close()
            out = io.StringIO()
            with redirect_stdout(out):
                report.main(paths + ["--cores", "2", "--load-before", "1 1 1", "--load-after", "1 1 1"])
            self.assertIn("| 30x1 | first | 0.60 (0.60), 1 |", out.getvalue())
            with open(paths[1]) as f:
                self.assertIn("| 30x1 | first | meshplay | 0.60 |", f.read())


if __name__ == "__main__":
    unittest.main()

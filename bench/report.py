#!/usr/bin/python3
"""The benchmark's report: reads bench/run's results (one TSV line per run) and writes RESULTS.md
(machine and versions, settings, the medians table of meshplay, ansible-playbook and Ansible + Mitogen,
the scale table of meshplay from 10 to 300 hosts, every run, the targets, where the time goes, the
micro-benchmarks). It also prints the medians table.

    bench/report.py RESULTS.tsv RESULTS.md MICRO.txt JIT.txt --cores N --load-before "1 5 15" ...
(bench/run passes every option; see parse_args.)
"""
import argparse
import re
import statistics
import sys
from collections import defaultdict

# host-tasks of each scenario (loop100: loop items)
WORK = {"30x1": 30, "30x3": 90, "30x10": 300, "30x10-check": 300, "loop100": 100, "30x50": 1500, "30x100": 3000,
        "30x300": 9000}
# hosts of the 30-task scenarios, the scale table's rows
HOSTS = {"30x1": 1, "30x3": 3, "30x10": 10, "30x50": 50, "30x100": 100, "30x300": 300}
# (scenario, run) rows of the tables, in order
ORDER = [("empty", "empty"), ("30x1", "first"), ("30x1", "second"), ("30x3", "first"), ("30x3", "second"),
         ("30x10", "first"), ("30x10", "second"), ("30x10-check", "check"), ("loop100", "first"), ("loop100", "second"),
         ("30x50", "first"), ("30x50", "second"), ("30x100", "first"), ("30x100", "second"), ("30x300", "first"),
         ("30x300", "second")]
SCALE = ("30x10", "30x50", "30x100", "30x300")
REFERENCE_ANSIBLE_30X10 = 130.0   # the reference: ansible-core 2.14, 30 tasks x 10 hosts, these machines
TOOLS = ("meshplay", "ansible", "mitogen")
# fields of one measured run: wall s, peak RSS KiB, process tree RSS KiB, SSH connections, CPU s, sshd CPU s (or None),
# the 1-minute load average when the run started (or None)
WALL, RSS, TREE, CONNS, CPU, SSHD_CPU, LOAD = range(7)


class Results:
    """The runs of one benchmark, keyed by (scenario, phase, tool), with the statistics the report uses."""

    def __init__(self, rows):
        self.data = defaultdict(list)
        for scen, tool, phase, rep, wall, rss, tree, conns, hosts, changed, failed, unreach, cpu, sshd_cpu, *load in rows:
            self.data[(scen, phase, tool)].append((float(wall), int(rss), int(tree), int(conns), float(cpu),
                                                   None if sshd_cpu == "-" else float(sshd_cpu),
                                                   float(load[0]) if load and load[0] not in ("", "-") else None))

    @classmethod
    def read(cls, path):
        with open(path) as f:
            return cls([line.rstrip("\n").split("\t") for line in f if line.strip()])

    def runs(self, key):
        return self.data.get(key, [])

    def med(self, key, i):
        """Median of field I over the runs of KEY (runs without the field left out), or None."""
        v = [x[i] for x in self.runs(key) if x[i] is not None]
        return statistics.median(v) if v else None

    def best(self, key):
        v = self.runs(key)
        return min(x[WALL] for x in v) if v else None

    def n(self, key):
        return len(self.runs(key))


def f(v, fmt="%.2f"):
    return "-" if v is None else fmt % v


def ratio(m, other):
    return "%.1fx" % (other / m) if m and other else "-"


def mib(r, key, i):
    return f(r.med(key, i) / 1024 if r.runs(key) else None, "%.0f")


def medians_table(r):
    empty_m = r.med(("empty", "empty", "meshplay"), WALL)
    lines = ["| scenario | run | meshplay s: median (best), n | ansible s: median, n | ansible / meshplay (medians) | "
             "mitogen s: median, n | mitogen / meshplay (medians) | meshplay ms per host-task (raw / minus empty run) | "
             "ms per host-task ansible / mitogen | CPU s (user+sys) meshplay / ansible / mitogen | sshd CPU s meshplay / "
             "ansible / mitogen | peak RSS MiB meshplay | ansible: largest process / process tree | mitogen: largest "
             "process / process tree | SSH connections meshplay / ansible / mitogen | load (1 min, median at start) |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for scen, phase in ORDER:
        km, ka, kg = ((scen, phase, t) for t in TOOLS)
        if not any(r.runs(k) for k in (km, ka, kg)):
            continue
        m, a, g = r.med(km, WALL), r.med(ka, WALL), r.med(kg, WALL)
        a_ratio = ratio(m, a)
        hw = WORK.get(scen)
        per_m = "%.2f / %.2f" % (m * 1000 / hw, (m - (empty_m or 0)) * 1000 / hw) if hw and m is not None else "-"
        per_ag = " / ".join(f(x * 1000 / hw if hw and x is not None else None, "%.0f") for x in (a, g))
        if scen == "30x50" and a is None:
            a10 = r.med(("30x10", phase, "ansible"), WALL)
            a_ratio = ("not run; est. ~%.0fx (~%.0f s at the 30x10 rate)" % (a10 * 5 / m, a10 * 5)
                       if a10 and m else "not run")
        loads = [x[LOAD] for k in (km, ka, kg) for x in r.runs(k) if x[LOAD] is not None]
        lines.append("| %s | %s | %s (%s), %d | %s, %d | %s | %s, %d | %s | %s | %s | %s | %s | %s | %s / %s | %s / %s | %s | %s |" % (
            scen, phase, f(m), f(r.best(km)), r.n(km), f(a), r.n(ka), a_ratio, f(g), r.n(kg), ratio(m, g), per_m, per_ag,
            " / ".join(f(r.med(k, CPU), "%.1f") for k in (km, ka, kg)),
            " / ".join(f(r.med(k, SSHD_CPU)) for k in (km, ka, kg)),
            mib(r, km, RSS), mib(r, ka, RSS), mib(r, ka, TREE), mib(r, kg, RSS), mib(r, kg, TREE),
            " / ".join(f(r.med(k, CONNS), "%.0f") for k in (km, ka, kg)),
            f(statistics.median(loads) if loads else None, "%.1f")))
    return "\n".join(lines)


def scale_table(r):
    """meshplay from 10 to 300 hosts: what each host-task costs in wall time and in CPU on both sides."""
    lines = ["| scenario | run | hosts | meshplay wall s (median), n | wall ms per host-task | x the 10-host figure | "
             "controller CPU ms per host-task | sshd CPU s (ms per host-task) | peak RSS MiB | SSH connections | "
             "load (1 min, median at start) |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for scen in SCALE:
        for phase in ("first", "second"):
            key = (scen, phase, "meshplay")
            if not r.runs(key):
                continue
            hw, m, cpu, sshd = WORK[scen], r.med(key, WALL), r.med(key, CPU), r.med(key, SSHD_CPU)
            m10 = r.med(("30x10", phase, "meshplay"), WALL)
            loads = [x[LOAD] for x in r.runs(key) if x[LOAD] is not None]
            lines.append("| %s | %s | %d | %s, %d | %.2f | %s | %.2f | %s | %s | %s | %s |" % (
                scen, phase, HOSTS[scen], f(m), r.n(key), m * 1000 / hw,
                f((m / hw) / (m10 / WORK["30x10"]) if m10 else None, "%.1fx"), cpu * 1000 / hw,
                "-" if sshd is None else "%.2f (%.2f)" % (sshd, sshd * 1000 / hw), mib(r, key, RSS),
                f(r.med(key, CONNS), "%.0f"), f(statistics.median(loads) if loads else None, "%.1f")))
    beyond_10 = any(r.runs((scen, "first", "meshplay")) for scen in SCALE[1:])
    return "\n".join(lines) if beyond_10 else ""


def runs_table(r):
    lines = ["| scenario | run | tool | wall s of every run, in order (1-minute load average at its start) |",
             "|---|---|---|---|"]
    for scen, phase in ORDER:
        for tool in TOOLS:
            v = r.runs((scen, phase, tool))
            if v:
                lines.append("| %s | %s | %s | %s |" % (scen, phase, tool, " ".join(
                    "%.2f" % x[WALL] + ("" if x[LOAD] is None else " (%.1f)" % x[LOAD]) for x in v)))
    return "\n".join(lines)


def targets(r):
    """The targets as checklist lines ("- [x] ..." met, "- [ ] ..." missed)."""
    out = []

    def target(text, ok):
        out.append("- [%s] %s" % ("x" if ok else " ", text))
    empty_m = r.med(("empty", "empty", "meshplay"), WALL)
    m3, a3 = r.med(("30x3", "first", "meshplay"), WALL), r.med(("30x3", "first", "ansible"), WALL)
    if m3 and a3:
        target("30x3 first run (the guide's cluster size): meshplay at least 30x faster than ansible-playbook: %.1fx "
               "(%.2f s vs %.1f s)" % (a3 / m3, m3, a3), a3 / m3 >= 30)
    for phase, times in (("first", 40), ("second", 30)):
        m, a = r.med(("30x10", phase, "meshplay"), WALL), r.med(("30x10", phase, "ansible"), WALL)
        g = r.med(("30x10", phase, "mitogen"), WALL)
        if m and a:
            target("30x10 %s run: meshplay at least %dx faster than ansible-playbook measured in this run: %.1fx (%.2f s vs %.1f s)"
                   % (phase, times, a / m, m, a), a / m >= times)
        if m and g and phase == "first":
            target("30x10 first run: meshplay at least 35x faster than Ansible + Mitogen measured in this run: %.1fx "
                   "(%.2f s vs %.1f s)" % (g / m, m, g), g / m >= 35)
        if m:
            target("30x10 %s run: at least 30x faster than the reference ansible-playbook time (~%.0f s): %.1fx"
                   % (phase, REFERENCE_ANSIBLE_30X10, REFERENCE_ANSIBLE_30X10 / m), REFERENCE_ANSIBLE_30X10 / m >= 30)
        if m is not None and empty_m is not None:
            per = (m - empty_m) * 1000 / 300
            target("30x10 %s run: per host-task overhead under 5 ms: %.2f ms ((%.2f s - %.2f s empty run) / 300)"
                   % (phase, per, m, empty_m), per < 5)
    rss50 = [x for x in (r.med(("30x50", p, "meshplay"), RSS) for p in ("first", "second")) if x is not None]
    if rss50:
        target("meshplay peak RSS under 300 MiB at 50 hosts: %.0f MiB" % (max(rss50) / 1024), max(rss50) / 1024 < 300)
    m10, m100 = r.med(("30x10", "first", "meshplay"), WALL), r.med(("30x100", "first", "meshplay"), WALL)
    if m10 and m100:
        x = (m100 / 3000) / (m10 / 300)
        target("30x100 first run: wall time per host-task within 2x of the 10-host figure: %.1fx (%.2f ms vs %.2f ms)"
               % (x, m100 / 3, m10 * 1000 / 300), x <= 2)
    k300 = ("30x300", "first", "meshplay")
    if r.runs(k300):
        # bench/run stops at the first run with an unreachable or failed host, so a recorded run had none
        target("30x300 first run: every host reachable (%d of %d runs checked from the recap)" % (r.n(k300), r.n(k300)), True)
        cpu = r.med(k300, CPU) * 1000 / 9000
        target("30x300 first run: controller CPU at most 1 ms per host-task: %.2f ms (%.1f s / 9,000)"
               % (cpu, r.med(k300, CPU)), cpu <= 1)
        rss300 = max(x for x in (r.med(("30x300", p, "meshplay"), RSS) for p in ("first", "second")) if x is not None)
        target("30x300: meshplay peak RSS at most 400 MiB: %.0f MiB" % (rss300 / 1024), rss300 / 1024 <= 400)
    return out


def load_note(load_before, load_after, cores):
    load = max(float(x) for x in ("%s %s" % (load_before, load_after)).split())
    if load > cores:
        return ("The load average reached %.1f on %d cores during the runs: ansible-playbook's forks and the Python "
                "modules they start on the target count in it, and so would any other work on the machine, which slows "
                "both tools." % (load, cores))
    return "The load average stayed at or below the core count."


def jit_share(text):
    """(seconds, methods) that C1 spent compiling, from -XX:+CITime output, or (None, None)."""
    jit = re.search(r"standard: +([0-9.]+) s, \d+ bytes, (\d+) methods", text)
    return (float(jit.group(1)), int(jit.group(2))) if jit else (None, None)


def where_the_time_goes(r, cores, load, missed, jit_s, jit_methods):
    """The paragraph that explains the 30x10 first run from its CPU and wall times ("" without one)."""
    key = ("30x10", "first", "meshplay")
    m1, c1 = r.med(key, WALL), r.med(key, CPU)
    if not (m1 and c1):
        return ""
    empty_m = r.med(("empty", "empty", "meshplay"), WALL)
    s1 = r.med(key, SSHD_CPU)
    b1, a1 = r.best(key), r.med(("30x10", "first", "ansible"), WALL)
    m50 = r.med(("30x50", "first", "meshplay"), WALL)
    lead = "Missed targets, measured: in" if missed else "Where the time goes: in"
    if s1 is not None:
        parts = ["%s the 30x10 first run meshplay used %.1f s of CPU (user+sys) and the sshd %.2f s (its sessions and "
                 "what they ran), for %.2f s of wall time (median; best of %d: %.2f s) on %d cores: (%.1f + %.2f) / %d "
                 "= %.2f s of CPU per core, so the run is bound by CPU." %
                 (lead, c1, s1, m1, r.n(key), b1, cores, c1, s1, cores, (c1 + s1) / cores)]
    else:
        parts = ["%s the 30x10 first run meshplay used %.1f s of CPU (user+sys) for %.2f s of wall time (median; best "
                 "of %d: %.2f s); the sshd's CPU was not measured (no cgroup for it)." % (lead, c1, m1, r.n(key), b1)]
    if jit_s:
        parts.append("C1, the JIT, spent %.2f s compiling %d methods (one extra untimed run with -XX:+CITime; "
                     "elapsed time in the compiler threads, which includes waiting for a core): a fixed cost "
                     "of every short JVM run, paid again at each start." % (jit_s, jit_methods))
    parts.append("The per host-task figure spreads the fixed costs over 300 host-tasks" +
                 (("; over 1,500 at 50 hosts the same run type costs %.2f ms per host-task." %
                   ((m50 - (empty_m or 0)) * 1000 / 1500)) if m50 else "."))
    if m1 - (c1 + (s1 or 0)) / cores > 0.3 * m1:
        parts.append("The rest of the wall time is waiting: every task is a chain of hand-offs (host thread, MINA I/O "
                     "thread, sshd, its forked session, /bin/sh, the command, and back), and at a load average of up "
                     "to %.1f on %d cores each hand-off waits in the run queue." % (load, cores))
    if a1:
        parts.append("ansible-playbook took %.1f s for this case here, %.0f%% of the reference's ~%.0f s, so the "
                     "40x ratio against the measured run asks meshplay for %.2f s or less." %
                     (a1, a1 * 100 / REFERENCE_ANSIBLE_30X10, REFERENCE_ANSIBLE_30X10, a1 / 40))
    return " ".join(parts)


NOT_RUN_50 = ("30 tasks x 50 hosts: ansible-playbook is not run by default: at its measured rate (the 30x10 row; "
              "Ansible's cost grows with host-tasks on 2 cores) one run takes about 5 times the 30x10 time, two runs do "
              "not fit the 15-minute budget of this script. The 30x50 ratio is therefore an estimate (5 x the 30x10 "
              "ansible time); run with BENCH_ANSIBLE_50=1 to measure it.")


def render(r, o, micro, jit_text):
    """RESULTS.md of results R and the run's facts O (the parsed options)."""
    table = medians_table(r)
    goals = targets(r)
    load = max(float(x) for x in ("%s %s" % (o.load_before, o.load_after)).split())
    jit_s, jit_methods = jit_share(jit_text)
    missed = [t for t in goals if t.startswith("- [ ]")]
    why = where_the_time_goes(r, o.cores, load, missed, jit_s, jit_methods)
    scale = scale_table(r)
    scale_part = f"""## Scale: meshplay from 10 to 300 hosts

30 tasks on N aliases of the one sshd, forks = N, meshplay only. Controller CPU is meshplay's user+sys time; the sshd's is
that of its sessions and everything they ran. Every run's recap was checked (every host present, failed=0,
unreachable=0).

{scale}
""" if scale else ""
    return f"""# meshplay vs ansible-playbook and Ansible + Mitogen: benchmark results

Generated by `bench/run` on {o.date} (whole run: {o.elapsed} s). Do not edit by hand.

## Machine and versions

- Machine: {o.machine}
- Load average (1/5/15 min) before the timed runs: {o.load_before}; after: {o.load_after}. {load_note(o.load_before, o.load_after, o.cores)}
- meshplay: {o.meshplay_version} (commit {o.commit}), {o.java_version}, started through the ./meshplay launcher (JVM start included in every time)
- ansible-playbook: {o.ansible_version}, {o.python_version} on the target
- Ansible + Mitogen: {o.mitogen_version}
- sshd: {o.ssh_version} on 127.0.0.1:{o.port}, user {o.user} (/bin/sh, empty home), MaxSessions 500, MaxStartups 1000:30:2000

## Settings

- All tools: the same INI inventory (N aliases of 127.0.0.1:{o.port}, key auth, host key checked against a generated known_hosts), the same playbooks, fact gathering off, forks = number of hosts.
- ansible-playbook: pipelining on, ssh_args `-o ControlMaster=auto -o ControlPersist=60s`, interpreter /usr/bin/python3, internal_poll_interval 0.001, default stdout callback. Each run gets its own ControlPath directory and its masters are closed after it, so no run reuses an earlier run's connection. Ansible's ControlPath is keyed by address, port and user, so all aliases of one address share one master connection: that is Ansible's behaviour here, and counted as it is.
- Ansible + Mitogen ("mitogen" in the tables): the same ansible-playbook and settings with `strategy = mitogen_linear` and its strategy_plugins path; ssh_args without ControlMaster (Mitogen keeps one ssh connection and one Python interpreter for the whole run per address, port and user, so the aliases of the one sshd share it, as Ansible's ControlPath masters do). A -vvv warm-up run checks that Mitogen is in effect (its ansible_mitogen log lines) before any timed run.
- meshplay: `./meshplay run PLAYBOOK -i INV -f N --known-hosts FILE` (plus `--check`).
- "first" starts from an empty target tree; "second" is the idempotent re-run (changed=0 verified from the recap for every tool, the benchmark fails otherwise); "check" is `--check` on the converged tree (changed=0 verified).
- Repetitions: meshplay {o.reps} per scenario ({o.scale_reps} for 30x100 and 30x300); ansible-playbook {o.ansible_small_reps} for the empty and 30x1 scenarios, {o.ansible_reps} for 30x3 / 30x10 / check / loop100, Ansible + Mitogen as often as ansible-playbook; the tools take turns going first, one repetition after another. The (n) column says how many runs each median is over.
- Times: wall seconds from /usr/bin/time; CPU is its user+sys time of the tool and the children it waited for (Ansible's forks and ssh clients, not the daemonized ControlPersist masters; not the sshd side). "sshd CPU" is the server side of the same run: the CPU time of the sshd's sessions and everything they ran (Ansible's Python modules included), counted by a CPU-accounting cgroup the sshd runs in ("-" when no cgroup could be made). Peak RSS: meshplay is one JVM (time's %M). For ansible-playbook, forks are separate processes: "largest process" is time's %M, "process tree" the peak of the summed RSS of ansible-playbook and all its children (forks, ssh clients), sampled every 50 ms; the daemonized ssh ControlPersist masters are not in the tree.
- SSH connections: "Connection from" lines in the sshd log (LogLevel VERBOSE) during the run.
- Per host-task: wall time / (tasks x hosts; loop100: 100 items); "minus empty run" subtracts the median meshplay run of a playbook without tasks (JVM start, loading, inventory) first.

## Results (medians)

{"" if o.ansible_50 == "1" else NOT_RUN_50}

{table}

### Every run

{runs_table(r)}

{scale_part}
## Targets

{chr(10).join(goals)}

{why}

## Micro-benchmarks (bench/micro, plain harness: warm-up, then measured rounds; median of rounds)

```
{micro if micro else "not run (BENCH_MICRO=0)"}
```
"""


def parse_args(argv):
    p = argparse.ArgumentParser(description="Writes bench/RESULTS.md from bench/run's measurements.")
    p.add_argument("results", help="the runs, one TSV line each")
    p.add_argument("out", help="the Markdown report to write")
    p.add_argument("micro", help="the micro-benchmarks' output (empty: not run)")
    p.add_argument("jit", help="the -XX:+CITime line of the JIT run (empty: not run)")
    p.add_argument("--cores", type=int, required=True)
    p.add_argument("--load-before", required=True, help='"1 5 15" minute load averages before the timed runs')
    p.add_argument("--load-after", required=True)
    for opt in ("date", "elapsed", "machine", "meshplay-version", "commit", "java-version", "ansible-version",
                "python-version", "ssh-version", "port", "user", "reps", "ansible-reps", "ansible-small-reps", "scale-reps"):
        p.add_argument("--" + opt, default="")
    p.add_argument("--ansible-50", default="0", help='"1" when ansible-playbook ran the 30x50 scenario')
    p.add_argument("--mitogen-version", default="not run")
    return p.parse_args(argv)


def main(argv):
    o = parse_args(argv)
    r = Results.read(o.results)
    print(medians_table(r))
    with open(o.micro) as f:
        micro = f.read().strip()
    with open(o.jit) as f:
        jit_text = f.read()
    with open(o.out, "w") as f:
        f.write(render(r, o, micro, jit_text))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

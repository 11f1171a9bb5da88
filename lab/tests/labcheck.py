"""The harness of the lab's end-to-end tests (lab/tests/run, lab/tests/playbooks): Python unittest
whose checks are subtests, printed one line each ("ok   - ..." / "FAIL - ..."), then "N passed, N failed".

A test module is one ordered story against a lab of its own (its own name, state directory and
ports), so its steps are methods named step_NN_... that run in that order and share the lab; a
failed check does not stop the story, as a person testing by hand would carry on.

    python3 lab/tests/labcheck.py MODULE     (what lab/tests/run and lab/tests/playbooks do)
    E2E_STEPS=03,04 python3 lab/tests/labcheck.py MODULE     (steps 03 and 04 only, on the lab as it is)
"""
import os
import re
import subprocess
import sys
import time
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "lab", "lib"))

import labinv  # noqa: E402
from meshlab.topology import Topology  # noqa: E402

LAB = os.path.join(REPO, "lab", "lab")


def plan():
    """The cluster's plan (inventories/cluster.yml): per node router_id, en05_cidr, en06_cidr ..."""
    with open(os.path.join(REPO, "inventories", "cluster.yml")) as f:
        return labinv.parse_yaml(f.read())


def eventually(seconds, probe):
    """Polls PROBE (a callable) once a second until it is true or SECONDS have passed."""
    end = time.monotonic() + seconds
    while True:
        try:
            if probe():
                return True
        except Exception:   # a probe that fails to run counts as "not yet"
            pass
        if time.monotonic() >= end:
            return False
        time.sleep(1)


def shifted_inventory(dest, offset):
    """Writes the lab inventory with every ansible_port moved by OFFSET to DEST (a lab of its own)."""
    with open(os.path.join(REPO, "inventories", "lab", "hosts.yml")) as f:
        text = f.read()
    text = re.sub(r"(ansible_port:\s*)(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + offset), text)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, "w") as f:
        f.write(text)


class TestLab:
    """A lab run by the tests beside any other: its name, state directory and inventory, and ways
    to run lab/lab, ssh and commands inside its nodes."""

    def __init__(self, name, state, inventory):
        self.name, self.state, self.inventory = name, state, inventory
        os.environ.update(MESHPLAY_LAB_NAME=name, MESHPLAY_LAB_STATE=state, MESHPLAY_LAB_INVENTORY=inventory)
        self.topology = Topology.load(inventory)
        self.nodes = self.topology.names
        self.log_path = None

    def log(self):
        """Where lab/lab's own output goes (opened for appending)."""
        return open(self.log_path, "a") if self.log_path else subprocess.DEVNULL

    def lab(self, *args):
        """Runs lab/lab ARGS, its output into the log; returns the exit code."""
        with self.log() as out:
            return subprocess.run([LAB] + list(args), stdin=subprocess.DEVNULL, stdout=out, stderr=out).returncode

    def port(self, node):
        return self.topology.node(node).ssh_port

    def ssh_argv(self, node, command):
        """The ssh command line that runs COMMAND on NODE (strict host key, the lab's key)."""
        return ["ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5",
                "-o", "UserKnownHostsFile=" + os.path.join(self.state, "known_hosts"),
                "-o", "StrictHostKeyChecking=yes", "-i", os.path.join(self.state, "id_ed25519"),
                "-p", str(self.port(node)), "root@127.0.0.1", command]

    def ssh(self, node, command, stdin=None, timeout=300):
        """Runs COMMAND on NODE over ssh; a CompletedProcess with text."""
        return run(self.ssh_argv(node, command), stdin=stdin, timeout=timeout)

    def on(self, node, command, stdin=None):
        """COMMAND's stdout on NODE over ssh ("" when it fails)."""
        r = self.ssh(node, command, stdin)
        return r.stdout if r.returncode == 0 else ""

    def ok(self, node, command, stdin=None):
        """Whether COMMAND succeeds on NODE over ssh."""
        return self.ssh(node, command, stdin).returncode == 0

    def exec(self, node, command):
        """`lab exec NODE COMMAND` (a bash command line): a CompletedProcess with text."""
        return run([LAB, "exec", node, command])

    def pid(self, node):
        try:
            with open(os.path.join(self.state, "run", "pids", node + ".pid")) as f:
                return f.read().strip()
        except OSError:
            return ""


def run(argv, stdin=None, timeout=600, **kw):
    """Runs ARGV (a list, or a string for bash) and returns a CompletedProcess with its text output."""
    if isinstance(argv, str):
        argv = ["/bin/bash", "-c", argv]
    feed = {"input": stdin} if stdin is not None else {"stdin": subprocess.DEVNULL}
    try:
        return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True, timeout=timeout, **feed, **kw)
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(argv, 124, e.stdout or "", "timed out after %s s" % timeout)


class Story(unittest.TestCase):
    """A test case whose step_NN methods run in order, each check a subtest (one printed line).
    ALWAYS names the steps that run even when E2E_STEPS selects others (e.g. the one that stops the lab)."""
    ALWAYS = ()

    def check(self, what, ok, detail=""):
        """One check: WHAT passes when OK (a value, or a callable returning one) is true."""
        with self.subTest(what):
            result = ok() if callable(ok) else ok
            self.assertTrue(result, detail or what)


def selected_steps(environ=os.environ):
    """The step numbers named by E2E_STEPS ("03,04": steps 03 and 04 only), or None (every step)."""
    value = environ.get("E2E_STEPS", "").strip()
    return {s.strip().zfill(2) for s in value.split(",") if s.strip()} if value else None


class StepLoader(unittest.TestLoader):
    """Loads the step_NN methods of each Story in their numbered order; with ONLY (a set of step
    numbers, see selected_steps) just those, and the Story's ALWAYS steps (its clean-up)."""
    testMethodPrefix = "step_"

    def __init__(self, only=None):
        super().__init__()
        self.only = only

    def getTestCaseNames(self, testCaseClass):
        names = super().getTestCaseNames(testCaseClass)
        if self.only is None:
            return names
        return [n for n in names if n.split("_")[1] in self.only or n in getattr(testCaseClass, "ALWAYS", ())]


class CheckResult(unittest.TestResult):
    """Prints one line per check (subtest), and after each step its duration ("# step_03_cable_out: 95 s");
    an error outside a check counts as a failed check."""

    def __init__(self, clock=time.monotonic):
        super().__init__()
        self.passed = self.failed = 0
        self.clock, self.started = clock, None

    def startTest(self, test):
        super().startTest(test)
        self.started = self.clock()

    def stopTest(self, test):
        super().stopTest(test)
        print("# %s: %d s" % (getattr(test, "_testMethodName", test), self.clock() - self.started), flush=True)

    def _line(self, ok, what, err=None):
        if ok:
            self.passed += 1
            print("ok   - %s" % what, flush=True)
        else:
            self.failed += 1
            print("FAIL - %s" % what, flush=True)
            if err is not None and not issubclass(err[0], AssertionError):
                print("    %s: %s" % (err[0].__name__, err[1]), flush=True)

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        self._line(err is None, getattr(subtest, "_message", str(subtest)), err)

    def addError(self, test, err):
        super().addError(test, err)
        self._line(False, "%s (error outside a check)" % getattr(test, "_testMethodName", test), err)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._line(False, "%s (failure outside a check)" % getattr(test, "_testMethodName", test), err)


def main(module_name):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    suite = StepLoader(selected_steps()).loadTestsFromName(module_name)
    result = CheckResult()
    suite.run(result)
    print("%d passed, %d failed" % (result.passed, result.failed))
    return 0 if result.failed == 0 and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

"""The command line of lab/lab: parses the command, takes the lab's lock, reports errors as "lab: ..."."""
import fcntl
import os
import subprocess
import sys
import time

from meshlab import cabling, commands
from meshlab.context import Lab, LabError
from meshlab.topology import TopologyError

USAGE = """usage: lab up                  start the nodes of {inventory} (idempotent)
       lab down [--purge]      stop everything (--purge also deletes node files and disks)
       lab status              nodes, ssh ports, FRR, TB links
       lab reboot NODE...      emulated reboot (power cycle) of nodes
       lab cut NODE:IFACE      pull the TB cable in that port (both ends lose carrier)
       lab heal NODE:IFACE     plug it back
       lab exec NODE CMD...    run a command inside a node (one argument: a bash command line)
"""


def lab_lock(lab):
    """up, down and reboot of the same lab never overlap (a node's emulated reboot runs detached)."""
    os.makedirs(lab.state, exist_ok=True)
    lock = open(os.path.join(lab.state, "lab.lock"), "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    return lock


def _locked(command):
    def run(lab, args):
        commands.need_root()
        with lab_lock(lab):
            return command(lab, args)
    return run


def _detached_hook(command, logged):
    """A hook a node calls after its reboot/poweroff command returned: wait, then act under the lock."""
    def run(lab, args):
        commands.need_root()
        node = args[0]
        time.sleep(float(args[1]) if len(args) > 1 else 1)
        if logged:
            log_file = os.open(os.path.join(lab.state, "log", node + ".boot.log"), os.O_WRONLY | os.O_APPEND | os.O_CREAT)
            os.dup2(log_file, 1)
            os.dup2(log_file, 2)
        with lab_lock(lab):
            return command(lab, node)
    return run


def _tb_attach(lab, args):
    commands.need_root()
    cabling.attach(lab, args[0], "hotplug")
    return 0


COMMANDS = {
    "up": _locked(commands.up),
    "down": _locked(commands.down),
    "status": commands.status,
    "reboot": _locked(commands.reboot),
    "cut": commands.cut,
    "heal": commands.heal,
    "exec": commands.exec_,
    # called by a node: a module load plugs its cables; its emulated reboot/poweroff (detached)
    "__tb-attach": _tb_attach,
    "__reboot": _detached_hook(lambda lab, node: commands.reboot(lab, [node]), logged=True),
    "__poweroff": _detached_hook(commands.poweroff, logged=False),
}


def main(argv):
    cmd, args = (argv[0], argv[1:]) if argv else ("", [])
    try:
        lab = Lab()
        if cmd in ("-h", "--help", "help"):
            sys.stdout.write(USAGE.format(inventory=lab.inventory))
            return 0
        if cmd not in COMMANDS:
            sys.stderr.write(USAGE.format(inventory=lab.inventory))
            return 2
        return COMMANDS[cmd](lab, args)
    except (LabError, TopologyError) as e:
        sys.stdout.flush()
        sys.stderr.write("lab: %s\n" % e)
        return getattr(e, "code", 1)
    except subprocess.CalledProcessError as e:
        sys.stderr.write("lab: %s failed (exit %d)\n" % (" ".join(e.cmd), e.returncode))
        return 1
    except KeyboardInterrupt:
        return 130

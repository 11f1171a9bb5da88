"""Running host commands: quietly, with their output into a log, and small probes (ports, mounts)."""
import shutil
import subprocess
import time

# the lab's one reader and atomic writer of small files, inside nodes (emulators) and on the host
from labnode import atomic_write as write, read  # noqa: F401

DEVNULL = subprocess.DEVNULL


def run(argv, out=None, check=False, **kw):
    """Runs ARGV and returns its exit code. OUT (a file) takes stdout and stderr; None inherits them."""
    if out is not None:
        out.flush()
        kw.setdefault("stdout", out)
        kw.setdefault("stderr", subprocess.STDOUT)
    rc = subprocess.run(argv, **kw).returncode
    if check and rc != 0:
        raise subprocess.CalledProcessError(rc, argv)
    return rc


def quiet(argv, **kw):
    """Runs ARGV with no output; True when it succeeded."""
    return subprocess.run(argv, stdin=DEVNULL, stdout=DEVNULL, stderr=DEVNULL, **kw).returncode == 0


def output(argv, **kw):
    """ARGV's stdout (stderr dropped), or "" when it fails to start."""
    try:
        return subprocess.run(argv, stdin=DEVNULL, stdout=subprocess.PIPE, stderr=DEVNULL,
                              universal_newlines=True, **kw).stdout
    except OSError:
        return ""


def listening(port):
    """Whether something listens on TCP PORT (any address)."""
    return bool(output(["ss", "-Hltn", "sport = :%s" % port]).strip())


def is_mountpoint(path):
    return quiet(["mountpoint", "-q", path])


def unmount(path):
    """Unmounts PATH, lazily when it is busy; silent when it is not mounted."""
    if not quiet(["umount", path]):
        quiet(["umount", "-l", path])


def wait_for(predicate, tries=100, interval=0.05):
    """Polls PREDICATE until it is true (True) or the tries run out (False)."""
    for _ in range(tries):
        if predicate():
            return True
        time.sleep(interval)
    return False


def remove_tree_contents(path):
    """Deletes everything inside directory PATH (not following links); nothing when it is missing."""
    quiet(["find", path, "-mindepth", "1", "-delete"])


def chown_frr(*paths):
    """Gives PATHS to the frr user, as the frr package does; nothing when the user does not exist."""
    for p in paths:
        try:
            shutil.chown(p, "frr", "frr")
        except (LookupError, OSError):
            pass

"""PVE worker tasks: a UPID, a task log printed as it runs, and a status that
`pvesh get /nodes/<node>/tasks/<UPID>/status` reads back. Kept in /etc/pve/.lab/tasks (shared)."""
import os
import sys
import time

from . import env

TASK_DIR = "/etc/pve/.lab/tasks"


class Task:
    def __init__(self, kind, task_id="", quiet=False):
        self.quiet = quiet  # a sub-task whose lines the parent task prints
        self.node = env.node_name()
        self.pid = os.getpid()
        self.start = int(time.time())
        self.kind = kind
        self.upid = "UPID:%s:%08X:%08X:%08X:%s:%s:root@pam:" % (
            self.node, self.pid, int(time.monotonic() * 100) & 0xFFFFFFFF, self.start, kind, task_id)
        self.warnings = 0
        self.log_lines = []
        self._save("running", None)

    def log(self, line):
        self.log_lines.append(line)
        if not self.quiet:
            print(line, flush=True)

    def warn(self, line):
        """RESTEnvironment.pm log_warn: "WARN: " in the log, counted (the task ends "WARNINGS: n")."""
        self.warnings += 1
        self.log_lines.append("WARN: " + line)
        sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def plain_warn(self, line):
        """A Perl `warn` inside a worker: the text goes to the task log, uncounted (the task stays OK)."""
        self.log_lines.append(line)
        sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def finish(self, error=None):
        """Ends the task: OK, 'WARNINGS: n' or the error text, as PVE records it."""
        if error:
            status = error.strip()
            self.log("TASK ERROR: " + status)
        elif self.warnings:
            status = "WARNINGS: %d" % self.warnings
            self.log("TASK WARNINGS: %d" % self.warnings)
        else:
            status = "OK"
            self.log("TASK OK")
        self._save("stopped", status)
        return status

    def _save(self, state, exitstatus):
        data = {"upid": self.upid, "node": self.node, "pid": self.pid, "pstart": 0, "starttime": self.start,
                "type": self.kind, "id": "", "user": "root@pam", "status": state}
        if exitstatus is not None:
            data["exitstatus"] = exitstatus
            data["endtime"] = int(time.time())
        env.write_json(file_for(self.upid), data)
        env.write_text(file_for(self.upid) + ".log", "\n".join(self.log_lines) + "\n")


def file_for(upid):
    return "%s/%s.json" % (TASK_DIR, upid.replace(":", "_").replace("@", "-"))


def status(upid):
    data = env.read_json(file_for(upid))
    if data is None:
        raise env.Die("unable to parse worker upid '%s'" % upid if not upid.startswith("UPID:") else "no such task")
    return data


def list_node(node, typefilter=None, since=None, limit=50):
    """GET /nodes/<node>/tasks: the node's tasks, newest first; a finished one carries endtime and
    its exit status in `status` (as the task index of pve-manager API2/Tasks.pm lists them)."""
    found = []
    directory = env.path(TASK_DIR)
    for name in os.listdir(directory) if os.path.isdir(directory) else []:
        if not name.endswith(".json"):
            continue
        data = env.read_json("%s/%s" % (TASK_DIR, name))
        if not data or data.get("node") != node:
            continue
        if typefilter and data.get("type") != typefilter:
            continue
        if since is not None and data.get("starttime", 0) < int(since):
            continue
        item = {k: data[k] for k in ("upid", "node", "pid", "pstart", "starttime", "type", "id", "user") if k in data}
        if "exitstatus" in data:
            item["status"] = data["exitstatus"]
            item["endtime"] = data["endtime"]
        found.append(item)
    found.sort(key=lambda t: (t["starttime"], t["upid"]), reverse=True)
    return found[:int(limit)]


def log(upid):
    text = env.read_text(file_for(upid) + ".log", "")
    return [{"n": i + 1, "t": line} for i, line in enumerate(text.splitlines())]

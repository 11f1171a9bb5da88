"""rados: bench (write|seq|rand), cleanup, lspools.

The numbers are measured, never invented: `write` writes each object of the block size into this
node's emulated OSD disk file(s) with fdatasync and, at the same time, sends it over TCP to a replica
receiver on (pool size - 1) peer nodes that hold OSDs, which writes it into their disk file with
fdatasync before acknowledging; the latency of one op is the time until the local write and every
replica ack are done. `seq`/`rand` read the local copies back with the page cache dropped for each
object. The last line of the output states what was measured.
"""
import math
import os
import random
import re
import socket
import struct
import subprocess
import sys
import threading
import time

from . import cephstate as cs
from . import env
from .env import Die

HEADER = 1 << 20  # the first MiB of a disk holds the OSD label
MB = 1024.0 * 1024.0


def main(argv):
    cs.require_binary("rados")
    pool, args, opts = None, [], {}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-p", "--pool"):
            pool = argv[i + 1]
            i += 2
            continue
        if a.startswith("--pool="):
            pool = a.split("=", 1)[1]
        elif a in ("-b", "-t", "-o", "--object-size", "--concurrent-ios"):
            opts[{"--object-size": "-o", "--concurrent-ios": "-t"}.get(a, a)] = argv[i + 1]
            i += 2
            continue
        elif a == "--no-cleanup":
            opts["no-cleanup"] = True
        elif a == "--run-name":
            opts["run-name"] = argv[i + 1]
            i += 2
            continue
        else:
            args.append(a)
        i += 1
    state = cs.load()
    cs.require_cluster(state)
    if args == ["lspools"]:
        for p in state["pools"]:
            print(p)
        return 0
    if pool is None:
        raise Die("pool name was not specified", 1)
    if pool not in state["pools"]:
        raise Die("error opening pool %s: (2) No such file or directory" % pool, 1)
    if args[:1] == ["cleanup"]:
        return cleanup(pool)
    if len(args) >= 3 and args[0] == "bench":
        try:
            seconds = int(args[1])
        except ValueError:
            raise Die("Invalid value for seconds: '%s'" % args[1], 1)
        mode = args[2]
        if mode == "write":
            return bench_write(state, pool, seconds, parse_size(opts.get("-b", "4M")), int(opts.get("-t", 16)),
                               opts.get("no-cleanup", False))
        if mode in ("seq", "rand"):
            return bench_read(state, pool, seconds, mode, int(opts.get("-t", 16)))
        raise Die("Invalid benchmark mode: %s" % mode, 1)
    raise Die("usage: rados -p POOL bench SECONDS write|seq|rand [-b SIZE] [-t THREADS] [--no-cleanup] | cleanup | lspools", 1)


def parse_size(text):
    m = re.fullmatch(r"(\d+)([KMG]?)B?", str(text).upper())
    if not m:
        raise Die("Invalid value for block-size: %s" % text, 1)
    return int(m.group(1)) * {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}[m.group(2)]


# ---------------------------------------------------------------- targets

class LocalStore:
    """Where this node keeps its copy: its OSD disk files, else a directory (no OSD here)."""

    def __init__(self, state, node, pool):
        self.disks = [o["devpath"] for o in sorted(state["osds"].values(), key=lambda o: o["id"])
                      if o["host"] == node and os.path.isfile(env.path(o["devpath"])) and cs.disk_size(o["devpath"]) > 2 * HEADER]
        self.directory = "/var/lib/ceph/lab-bench/%s" % pool
        if not self.disks:
            env.mkdirs(self.directory)
        self.fds = {d: os.open(env.path(d), os.O_RDWR) for d in self.disks}

    def describe(self):
        return ", ".join(self.disks) if self.disks else self.directory

    def place(self, index, size):
        """(disk, offset) for object `index`: round-robin over the disks, packed after the label."""
        if not self.disks:
            return None, index * size
        disk = self.disks[index % len(self.disks)]
        slots = max(1, (cs.disk_size(disk) - HEADER) // size)
        return disk, HEADER + ((index // len(self.disks)) % slots) * size

    def write(self, disk, offset, data):
        if disk is None:
            with open(env.path("%s/obj-%d" % (self.directory, offset)), "wb") as f:
                f.write(data)
                f.flush()
                os.fdatasync(f.fileno())
        else:
            os.pwrite(self.fds[disk], data, offset)
            os.fdatasync(self.fds[disk])

    def read(self, disk, offset, size):
        if disk is None:
            p = env.path("%s/obj-%d" % (self.directory, offset))
            fd = os.open(p, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                return os.pread(fd, size, 0)
            finally:
                os.close(fd)
        fd = self.fds[disk]
        os.posix_fadvise(fd, offset, size, os.POSIX_FADV_DONTNEED)
        return os.pread(fd, size, offset)

    def close(self):
        for fd in self.fds.values():
            os.close(fd)


class Replicas:
    """Receivers on peer nodes (lab only), reached at their fabric router ID or cluster address."""

    def __init__(self, state, node, pool_size):
        self.peers = []  # (node, addr, device, process, port)
        self.missing = []
        self.note = ""
        peers = []
        for o in sorted(state["osds"].values(), key=lambda o: o["id"]):
            if o["host"] != node and o["up"] and o["in"] and o["host"] not in [p[0] for p in peers]:
                peers.append((o["host"], o["devpath"]))
        peers = peers[:max(0, pool_size - 1)]
        if not peers:
            self.note = "no replica: no other node holds an up+in OSD"
            return
        if not env.can_fan_out():
            self.note = "no replica: lab-node-exec is not available here, so replicas to %s were not sent" % \
                        ", ".join(p[0] for p in peers)
            return
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "replica.py")
        for peer, device in peers:
            port = random.randint(20000, 29999)
            proc = subprocess.Popen([env.node_exec(), peer, "/usr/bin/python3", script, str(port), device],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            line = proc.stdout.readline().strip()
            if line != "READY":
                proc.kill()
                # a replica that cannot be reached is left out, and the summary says so
                self.missing.append("%s (%s)" % (peer, (line + proc.stderr.read()).strip()[-200:]))
                continue
            self.peers.append((peer, peer_address(peer), device, proc, port))

    def connect(self):
        conns = []
        for peer, addr, device, proc, port in self.peers:
            s = socket.create_connection((addr, port), timeout=30)
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conns.append(s)
        return conns

    def describe(self):
        missing = ("; replica receiver not started on: " + ", ".join(self.missing)) if self.missing else ""
        if not self.peers:
            return (self.note or "no replica") + missing
        return "replicated to " + ", ".join("%s:%s at %s via %s" % (p, d, a, route_dev(a))
                                            for p, a, d, _, _ in self.peers) + missing

    def close(self):
        for _, _, _, proc, _ in self.peers:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def peer_address(peer):
    """The peer's fabric router ID when a fabric is applied, else its cluster.json address."""
    from . import sdn
    cfg = sdn.running_objects()
    for (fid, nid), n in sorted(cfg.nodes.items()):
        if nid == peer and "ip" in n:
            return n["ip"]
    return (env.node_info(peer) or {}).get("ip", peer)


def route_dev(addr):
    try:
        out = subprocess.run(["ip", "-o", "route", "get", addr], capture_output=True, text=True, timeout=5).stdout
        m = re.search(r"\bdev (\S+)", out)
        return m.group(1) if m else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "?"


# ---------------------------------------------------------------- stats and output

class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.started = 0
        self.finished = 0
        self.latencies = []
        self.done_times = []

    def op_done(self, latency, when):
        with self.lock:
            self.finished += 1
            self.latencies.append(latency)
            self.done_times.append(when)


def progress(stats, start, size, stop_event):
    print("  sec Cur ops   started  finished  avg MB/s  cur MB/s last lat(s)  avg lat(s)")
    print("%5d %7d %9d %9d %9s %9s %11s %11s" % (0, 0, 0, 0, "0", "0", "-", "0"))
    last_finished = 0
    sec = 0
    while not stop_event.wait(1.0):
        sec += 1
        with stats.lock:
            fin, started = stats.finished, stats.started
            last = stats.latencies[-1] if stats.latencies else None
            avg = sum(stats.latencies) / len(stats.latencies) if stats.latencies else 0
        elapsed = time.monotonic() - start
        print("%5d %7d %9d %9d %9.5g %9.5g %11s %11.6g" % (
            sec, started - fin, started, fin, fin * size / MB / elapsed, (fin - last_finished) * size / MB,
            ("%.6g" % last) if last is not None else "-", avg))
        last_finished = fin


def per_second(done_times, start, total):
    """Ops completed in each whole second of the run (a trailing partial second is not a sample)."""
    buckets = [0] * max(1, int(total))
    for t in done_times:
        second = int(t - start)
        if second < len(buckets):
            buckets[second] += 1
    return buckets


def num(v):
    """Fixed-point text (never 1e-05 notation), so `Average Latency(s): ([0-9.]+)` parses."""
    text = ("%.8f" % v).rstrip("0").rstrip(".")
    return text or "0"


def mean_std(values):
    if not values:
        return 0.0, 0.0
    m = sum(values) / len(values)
    if len(values) < 2:
        return m, 0.0
    return m, math.sqrt(sum((v - m) ** 2 for v in values) / (len(values) - 1))


# ---------------------------------------------------------------- write

def bench_write(state, pool, seconds, size, threads, no_cleanup):
    node = env.node_name()
    pool_size = state["pools"][pool]["size"]
    store = LocalStore(state, node, pool)
    replicas = Replicas(state, node, pool_size)
    prefix = "benchmark_data_%s_%d" % (node, os.getpid())
    print("hints = 1")
    print("Maintaining %d concurrent writes of %d bytes to objects of size %d for up to %d seconds or 0 objects"
          % (threads, size, size, seconds))
    print("Object prefix: %s" % prefix)
    data = (prefix.encode() * (size // len(prefix) + 1))[:size]
    stats = Stats()
    objects = []
    next_index = [0]
    start = time.monotonic()
    deadline = start + seconds
    errors = []

    def worker():
        try:
            conns = replicas.connect()
        except OSError as e:
            errors.append("cannot reach replica: %s" % e)
            return
        try:
            while time.monotonic() < deadline:
                with stats.lock:
                    index = next_index[0]
                    next_index[0] += 1
                    stats.started += 1
                disk, offset = store.place(index, size)
                t0 = time.monotonic()
                for c in conns:
                    c.sendall(struct.pack(">QQ", offset, size) + data)
                store.write(disk, offset, data)
                for c in conns:
                    if c.recv(1) != b"A":
                        raise OSError("replica closed the connection")
                t1 = time.monotonic()
                stats.op_done(t1 - t0, t1)
                with stats.lock:
                    objects.append({"name": "%s_object%d" % (prefix, index), "size": size, "host": node,
                                    "disk": disk, "offset": offset})
        except OSError as e:
            errors.append(str(e))
        finally:
            for c in conns:
                try:
                    c.sendall(struct.pack(">QQ", 0, 0))
                    c.close()
                except OSError:
                    pass

    stop = threading.Event()
    mon = threading.Thread(target=progress, args=(stats, start, size, stop), daemon=True)
    mon.start()
    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    total = time.monotonic() - start
    stop.set()
    mon.join()
    replicas.close()
    store.close()
    if errors and not stats.finished:
        raise Die("write error: %s" % errors[0], 1)
    iops = per_second(stats.done_times, start, total)
    bw = [n * size / MB for n in iops]
    lat_mean, lat_std = mean_std(stats.latencies)
    _, bw_std = mean_std(bw)
    _, iops_std = mean_std(iops)
    print("Total time run:         %s" % num(total))
    print("Total writes made:      %d" % stats.finished)
    print("Write size:             %d" % size)
    print("Object size:            %d" % size)
    print("Bandwidth (MB/sec):     %s" % num((stats.finished * size / MB / total)))
    print("Stddev Bandwidth:       %s" % num(bw_std))
    print("Max bandwidth (MB/sec): %s" % num(max(bw)))
    print("Min bandwidth (MB/sec): %s" % num(min(bw)))
    print("Average IOPS:           %d" % round(stats.finished / total))
    print("Stddev IOPS:            %s" % num(iops_std))
    print("Max IOPS:               %d" % max(iops))
    print("Min IOPS:               %d" % min(iops))
    print("Average Latency(s):     %s" % num(lat_mean))
    print("Stddev Latency(s):      %s" % num(lat_std))
    print("Max latency(s):         %s" % num(max(stats.latencies or [0])))
    print("Min latency(s):         %s" % num(min(stats.latencies or [0])))
    for e in sorted(set(errors)):
        sys.stderr.write("write error: %s\n" % e)
    if no_cleanup:
        with env.cluster_lock("ceph"):
            st = cs.load()
            st.setdefault("pool_objects", {}).setdefault(pool, []).extend(objects)
            cs.save(st)
    else:
        t0 = time.monotonic()
        print("Cleaning up (deleting benchmark objects)")
        remove_objects(store, objects)
        print("Removed %d objects" % len(objects))
        print("Clean up completed and total clean up time :%s" % num((time.monotonic() - t0)))
    print("lab: measured %d writes of %d bytes with fdatasync to %s on %s; %s; latency = local write + all replica acks"
          % (stats.finished, size, store.describe(), node, replicas.describe()))
    return 0


def remove_objects(store, objects):
    for o in objects:
        if o["disk"] is None:
            env.remove("%s/obj-%d" % (store.directory, o["offset"]))


# ---------------------------------------------------------------- read

def bench_read(state, pool, seconds, mode, threads):
    node = env.node_name()
    objs = [o for o in state.get("pool_objects", {}).get(pool, []) if o["host"] == node]
    if not objs:
        raise Die("Must write data before running a read benchmark!", 1)
    size = objs[0]["size"]
    store = LocalStore(state, node, pool)
    print("hints = 1")
    stats = Stats()
    cursor = [0]
    start = time.monotonic()
    deadline = start + seconds
    errors = []

    def worker():
        try:
            while time.monotonic() < deadline:
                with stats.lock:
                    if mode == "seq":
                        if cursor[0] >= len(objs):
                            return
                        o = objs[cursor[0]]
                        cursor[0] += 1
                    else:
                        o = random.choice(objs)
                    stats.started += 1
                t0 = time.monotonic()
                got = store.read(o["disk"], o["offset"], o["size"])
                if len(got) != o["size"]:
                    raise OSError("short read of %s" % o["name"])
                t1 = time.monotonic()
                stats.op_done(t1 - t0, t1)
        except OSError as e:
            errors.append(str(e))

    stop = threading.Event()
    mon = threading.Thread(target=progress, args=(stats, start, size, stop), daemon=True)
    mon.start()
    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    total = time.monotonic() - start
    stop.set()
    mon.join()
    store.close()
    iops = per_second(stats.done_times, start, total)
    lat_mean, _ = mean_std(stats.latencies)
    _, iops_std = mean_std(iops)
    print("Total time run:       %s" % num(total))
    print("Total reads made:     %d" % stats.finished)
    print("Read size:            %d" % size)
    print("Object size:          %d" % size)
    print("Bandwidth (MB/sec):   %s" % num((stats.finished * size / MB / total)))
    print("Average IOPS:         %d" % round(stats.finished / total))
    print("Stddev IOPS:          %s" % num(iops_std))
    print("Max IOPS:             %d" % max(iops))
    print("Min IOPS:             %d" % min(iops))
    print("Average Latency(s):   %s" % num(lat_mean))
    print("Max latency(s):       %s" % num(max(stats.latencies or [0])))
    print("Min latency(s):       %s" % num(min(stats.latencies or [0])))
    for e in sorted(set(errors)):
        sys.stderr.write("read error: %s\n" % e)
    print("lab: measured %d %s reads of %d bytes from %s on %s, page cache dropped per object (posix_fadvise DONTNEED)"
          % (stats.finished, "sequential" if mode == "seq" else "random", size, store.describe(), node))
    return 0


def cleanup(pool):
    node = env.node_name()
    with env.cluster_lock("ceph"):
        st = cs.load()
        objs = st.get("pool_objects", {}).get(pool, [])
        mine = [o for o in objs if o["host"] == node]
        st["pool_objects"][pool] = [o for o in objs if o["host"] != node]
        cs.save(st)
    store = LocalStore(st, node, pool)
    remove_objects(store, mine)
    store.close()
    print("Removed %d objects" % len(mine))
    return 0

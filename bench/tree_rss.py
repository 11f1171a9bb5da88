#!/usr/bin/python3
"""Samples the summed RSS of a process tree (every 50 ms) until its root exits; prints the peak in KiB.

    bench/tree_rss.py PID      (bench/run measures ansible-playbook and its forks with it)
"""
import os, sys, time
root = int(sys.argv[1]); page = os.sysconf("SC_PAGE_SIZE") // 1024; peak = 0
def alive():
    try:
        with open(f"/proc/{root}/stat") as f:
            s = f.read()
        return s[s.rindex(")") + 2] != "Z"   # a zombie has exited: bash has not reaped it yet
    except OSError:
        return False
while alive():
    kids, rss = {}, {}
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open(f"/proc/{p}/stat") as f:
                s = f.read()
            with open(f"/proc/{p}/statm") as f:
                rss[int(p)] = int(f.read().split()[1]) * page
        except OSError:
            continue
        kids.setdefault(int(s[s.rindex(")") + 2:].split()[1]), []).append(int(p))
    total, todo = 0, [root]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(kids.get(p, []))
    peak = max(peak, total)
    time.sleep(0.05)
print(peak)

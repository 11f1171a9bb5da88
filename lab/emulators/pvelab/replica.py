#!/usr/bin/python3
"""Replica receiver for `rados bench` in the lab: started on a peer node (through lab-node-exec),
it accepts replica writes over TCP and writes each object into that node's emulated OSD disk with
fdatasync before it acknowledges, like a replica OSD commits before the primary acks the client.

Usage: replica.py PORT TARGET   (TARGET: a disk file written at the given offsets, or a directory;
                                 prefixed with MESHPLAY_TEST_ROOT when that is set)
Protocol per object: 8-byte offset, 8-byte length (big endian), then the bytes; reply b"A".
A length of 0 closes the connection. The receiver exits when every connection is closed, or after
30 s without any connection.
"""
import os
import socket
import struct
import sys
import threading


def recv_exact(conn, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = conn.recv(min(n - len(buf), 1 << 20))
        if not chunk:
            return None
        buf.extend(chunk)
    return bytes(buf)


def serve(conn, target):
    is_dir = os.path.isdir(target)
    fd = None if is_dir else os.open(target, os.O_WRONLY)
    try:
        while True:
            head = recv_exact(conn, 16)
            if head is None:
                return
            offset, length = struct.unpack(">QQ", head)
            if length == 0:
                return
            data = recv_exact(conn, length)
            if data is None:
                return
            if is_dir:
                path = os.path.join(target, "obj-%d" % offset)
                with open(path, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fdatasync(f.fileno())
            else:
                os.pwrite(fd, data, offset)
                os.fdatasync(fd)
            conn.sendall(b"A")
    finally:
        if fd is not None:
            os.close(fd)
        conn.close()


def main(argv):
    port = int(argv[0])
    # TARGET is a path of the node; unit tests stand a directory in for "/" (MESHPLAY_TEST_ROOT)
    target = os.environ.get("MESHPLAY_TEST_ROOT", "").rstrip("/") + argv[1]
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("0.0.0.0", port))
    srv.listen(64)
    srv.settimeout(30)
    print("READY", flush=True)
    threads = []
    while True:
        try:
            conn, _ = srv.accept()
        except socket.timeout:
            break
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        t = threading.Thread(target=serve, args=(conn, target), daemon=True)
        t.start()
        threads.append(t)
        srv.settimeout(2)  # the sender opens all its connections at once
    for t in threads:
        t.join()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/bin/bash
# Builds a node's private view of the filesystem. Runs once per node boot, as the first
# process of the node's new mount + UTS namespaces, already inside the node's network
# namespace. Every mount below is private to the node: nothing here touches the host's view.
# Usage: node-mounts.sh NODE NODE_STATE_DIR PVE_DIR PIDS_DIR
set -euo pipefail
node=$1 S=$2 pve=$3 pids=$4

hostname "$node"

# Drop this namespace's copies of the labs' namespace handles (this lab's and those of labs running
# side by side, /run/meshplay-lab-NAME): holding them would keep other nodes' namespaces alive
# after they are torn down.
for m in $(awk '$5 ~ "^/run/(netns|meshplay-lab(-[a-z0-9]+)?)(/|$)" {print $5}' /proc/self/mountinfo | sort -r); do
    umount -l "$m" 2>/dev/null || true
done

# /sys for this network namespace: read-only, except the virtual net devices that
# ifupdown2 and ip configure, and /sys/module which shows the emulated kernel modules.
# (The superblock stays rw, it is this namespace's own; the /sys mount is made read-only.)
mount -t sysfs -o nosuid,nodev,noexec sysfs /sys
mount --bind /sys/devices/virtual/net /sys/devices/virtual/net
mount --bind "$S/kernel/sysmodule" /sys/module
mount -o remount,bind,ro,nosuid,nodev,noexec /sys

# /proc/sys: only the per-namespace net.* keys stay writable; the rest belongs to the host kernel.
mount --bind /proc/sys /proc/sys
mount -o remount,bind,ro /proc/sys
mount --bind /proc/sys/net /proc/sys/net
mount -o remount,bind,rw /proc/sys/net
# net.core keys that the kernel keeps global (one value for every network namespace) are missing
# from a namespace's /proc/sys/net/core, but a real node has them (phase 5 tunes
# netdev_max_backlog); others are shown read-only there (rmem_max, wmem_max ...). /proc/sys/net/core
# becomes a small tmpfs: the namespace's own writable keys bound in, the others as node-owned files
# (the kernel's value or default), which sysctl then writes like any key.
netcore=$S/kernel/netcore
mkdir -p "$netcore"
mount --bind /proc/sys/net/core "$netcore"
mount -t tmpfs -o mode=0755,size=64k netcore /proc/sys/net/core
for f in "$netcore"/*; do
    if [ "$(stat -c %a "$f")" = 644 ]; then
        touch "/proc/sys/net/core/${f##*/}"
        mount --bind "$f" "/proc/sys/net/core/${f##*/}"
    else
        cat "$f" > "/proc/sys/net/core/${f##*/}"
    fi
done
umount "$netcore"
for kv in netdev_max_backlog=1000 netdev_budget=300 netdev_budget_usecs=8000 dev_weight=64 \
          rps_sock_flow_entries=0 busy_poll=0 busy_read=0 default_qdisc=fq_codel; do
    [ -e "/proc/sys/net/core/${kv%%=*}" ] || echo "${kv#*=}" > "/proc/sys/net/core/${kv%%=*}"
done
[ -e /proc/sysrq-trigger ] && mount --bind /dev/null /proc/sysrq-trigger
# A new boot id for every emulated boot, as a real kernel has: reboot tools (Ansible's and
# meshplay's reboot module) wait for /proc/sys/kernel/random/boot_id to change.
cat /proc/sys/kernel/random/uuid > "$S/kernel/boot_id"
mount --bind "$S/kernel/boot_id" /proc/sys/kernel/random/boot_id
if [ -f /proc/modules ]; then
    mount --bind "$S/kernel/modules" /proc/modules
fi

# /dev: a small tmpfs with the host's character devices, a terminal multiplexer, and the
# node's emulated disks (regular sparse files).
stage="$S/devstage"
mkdir -p "$stage"
mount -t tmpfs -o mode=0755,nosuid,size=1m devtmp "$stage"
for d in null zero full random urandom tty ptmx; do
    touch "$stage/$d"
    mount --bind "/dev/$d" "$stage/$d"
done
mkdir -p "$stage/pts" "$stage/shm" "$stage/net"
mount --bind /dev/pts "$stage/pts"
mount -t tmpfs -o mode=1777,nosuid,nodev,size=64m shm "$stage/shm"
[ -e /dev/net/tun ] && touch "$stage/net/tun" && mount --bind /dev/net/tun "$stage/net/tun"
ln -s /proc/self/fd "$stage/fd"
ln -s /proc/self/fd/0 "$stage/stdin"
ln -s /proc/self/fd/1 "$stage/stdout"
ln -s /proc/self/fd/2 "$stage/stderr"
for disk in "$S"/disks/*; do
    [ -f "$disk" ] || continue
    name=$(basename "$disk")
    mkdir -p "$stage/$(dirname "${name//__//}")"
    touch "$stage/${name//__//}"
    mount --bind "$disk" "$stage/${name//__//}"
done
mount --move "$stage" /dev

# Node-owned directories over the host's. The lab's state may itself live under one of the
# directories about to be covered (a clone in /tmp, a state dir under /var/lib ...), so the
# sources are first reached through a private staging mount on /mnt, which nothing covers.
[ -d /mnt ] || { echo "node-mounts: /mnt is missing; it is needed as a staging point" >&2; exit 1; }
mount -t tmpfs -o mode=0700,size=64k labstage /mnt
mkdir /mnt/node /mnt/pve /mnt/pids
mount --bind "$S" /mnt/node
mount --bind "$pve" /mnt/pve
mount --bind "$pids" /mnt/pids
for d in etc root var/lib var/log var/tmp var/cache var/spool usr/local run tmp; do
    mount --bind "/mnt/node/root/$d" "/$d"
done
mount --bind /mnt/pve /etc/pve
mount --bind /mnt/node/lab /run/meshplay-lab
mount --bind /mnt/pids /run/meshplay-lab/pids
mount -o remount,bind,ro /run/meshplay-lab/pids
mount -o remount,bind,ro /run/meshplay-lab
umount -R -l /mnt

# Tools that would act on the host kernel are replaced by the node's emulators, also at
# their absolute paths (programs call /sbin/modprobe, /bin/systemctl ... directly).
for tool in systemctl reboot shutdown poweroff halt kmod modprobe insmod rmmod lsmod depmod sysctl udevadm update-initramfs; do
    emu="/usr/local/sbin/$tool"
    [ -x "$emu" ] || continue
    for real in /usr/bin/$tool /usr/sbin/$tool; do
        # Only regular files: a symlink (reboot -> systemctl) would redirect the bind to its target.
        [ -f "$real" ] && [ ! -L "$real" ] || continue
        mount --bind "$emu" "$real"
    done
done
# ifupdown2 creates "link-type dummy" interfaces with /bin/ip; this kernel has no dummy
# driver, so the node's /bin/ip is a wrapper that builds an equivalent (see README).
if [ -x /usr/local/lib/meshplay-lab/ip ]; then
    mount --bind /usr/local/lib/meshplay-lab/ip /usr/bin/ip
fi

# Everything else of the host is read-only inside the node (apt/dpkg cannot change the host).
mount -o remount,bind,ro /

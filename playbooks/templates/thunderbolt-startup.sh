#!/bin/bash
# Runs the TB4 bring-up scripts at boot, for links that udev saw before the scripts could run
# (managed by meshplay).
LOGFILE=/var/log/thunderbolt-startup.log

echo "$(date): configuring TB4 interfaces" >> "$LOGFILE"
for i in $(seq 1 30); do
    if ip link show {{ tb4_iface1 }} >/dev/null 2>&1 && ip link show {{ tb4_iface2 }} >/dev/null 2>&1; then
        break
    fi
    sleep 1
done
for IF in {{ tb4_iface1 }} {{ tb4_iface2 }}; do
    if ip link show "$IF" >/dev/null 2>&1; then
        /usr/local/bin/pve-$IF.sh && echo "$(date): $IF configured" >> "$LOGFILE"
    else
        echo "$(date): $IF not present" >> "$LOGFILE"
    fi
done

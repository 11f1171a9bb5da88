#!/bin/bash
# Brings {{ item }} up when udev reports the TB4 port (managed by meshplay).
# A thunderbolt-net interface is re-created on every re-plug or peer reboot, so this re-applies
# its /etc/network/interfaces stanzas (address and MTU, and PVE's interfaces.d/sdn stanza) with
# ifup, retrying while the link settles. When FRR already runs, the port's OpenFabric circuit is
# restarted from /etc/frr/frr.conf: fabricd does not announce IPv4 on a circuit whose interface
# appeared after it read its configuration, and its peer then never completes the adjacency
# (it stays Initializing).
LOGFILE="{{ tb4_udev_log }}"
IF="{{ item }}"

echo "$(date): $IF bring-up triggered" >> "$LOGFILE"
up=0
for i in $(seq 1 10); do
    if /usr/sbin/ifup "$IF" >> "$LOGFILE" 2>&1 && ip link set "$IF" up mtu {{ tb4_mtu }} >> "$LOGFILE" 2>&1; then
        echo "$(date): $IF up on attempt $i" >> "$LOGFILE"
        up=1
        break
    fi
    echo "$(date): attempt $i for $IF failed, retrying in 3 seconds" >> "$LOGFILE"
    sleep 3
done
if [ $up = 0 ]; then
    echo "$(date): $IF did not come up" >> "$LOGFILE"
    exit 1
fi
fabric=$(awk -v ifc="$IF" '$1 == "interface" { inb = ($2 == ifc); next }
    inb && $1 == "exit" { inb = 0 }
    inb && $1 == "ip" && $2 == "router" && $3 == "openfabric" { print $4 }' /etc/frr/frr.conf 2>/dev/null)
if [ -n "$fabric" ] && systemctl is-active --quiet frr; then
    vtysh -c 'configure terminal' -c "interface $IF" -c "no ip router openfabric $fabric" >> "$LOGFILE" 2>&1
    /usr/lib/frr/frr-reload.py --reload /etc/frr/frr.conf >> "$LOGFILE" 2>&1
    echo "$(date): $IF OpenFabric circuit of fabric $fabric restarted" >> "$LOGFILE"
fi
exit 0

#!/bin/bash
# Brings {{ item }} up when udev reports the TB4 port (managed by meshplay).
# A thunderbolt-net interface is re-created on every re-plug or peer reboot, so this re-applies
# its /etc/network/interfaces stanza (address and MTU) with ifup, retrying while the link settles.
LOGFILE="{{ tb4_udev_log }}"
IF="{{ item }}"

echo "$(date): $IF bring-up triggered" >> "$LOGFILE"
for i in $(seq 1 10); do
    if /usr/sbin/ifup "$IF" >> "$LOGFILE" 2>&1 && ip link set "$IF" up mtu {{ tb4_mtu }} >> "$LOGFILE" 2>&1; then
        echo "$(date): $IF up on attempt $i" >> "$LOGFILE"
        exit 0
    fi
    echo "$(date): attempt $i for $IF failed, retrying in 3 seconds" >> "$LOGFILE"
    sleep 3
done
echo "$(date): $IF did not come up" >> "$LOGFILE"
exit 1

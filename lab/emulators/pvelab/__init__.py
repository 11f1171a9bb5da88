"""Shared code of the lab's Proxmox VE and Ceph tool emulators (pvesh, pveceph, ceph, ceph-volume,
rados, pvesm). Python 3 standard library only."""

/**
 * Proxmox VE 9 modules: the SDN fabric (pve-sdn), the Ceph bootstrap through pveceph (pve-ceph) and
 * storage definitions (pve-storage), with the helpers that run the PVE command-line tools on the
 * target ({@link meshplay.modules.pve.PveCli}: pvesh, pveceph, pvesm, ceph). They compare parsed state,
 * and check results where the tools exit 0 on failure (SDN apply task, pveceph tasks).
 *
 * <pre>
 * - name: TB4 OpenFabric fabric (phase 2)
 *   pve-sdn:
 *     fabric: {id: tb4, protocol: openfabric, ip_prefix: 10.100.0.0/24}
 *     nodes:
 *       - {node_id: n2, ip: 10.100.0.102, interfaces: [en05, en06]}
 *       - {node_id: n3, ip: 10.100.0.103, interfaces: [en05, en06]}
 *       - {node_id: n4, ip: 10.100.0.104, interfaces: [en05, en06]}
 *   run_once: true
 *
 * - pve-ceph: {action: install, repository: test, version: squid}        # every node
 * - pve-ceph: {action: init, network: 10.1.1.0/24, cluster_network: 10.100.0.0/24}
 *   run_once: true
 * - pve-ceph: {action: mon}                                              # per node, one at a time
 * - pve-ceph: {action: mgr}                                              # no-op where the first mon made it
 *
 * - pve-storage: {storage: cephtb4, type: rbd, pool: cephtb4, content: [images, rootdir]}
 *   run_once: true
 * </pre>
 *
 * One module, pve-ceph, covers the four bootstrap steps with an {@code action}, because each is a
 * single pveceph call with the same shape (check, then create) and playbooks read as the guide does.
 */
package meshplay.modules.pve;

/**
 * Ceph modules: OSDs, pools and the configuration database. They drive the Ceph tools on the target
 * (ceph, ceph-volume, through {@link meshplay.modules.pve.PveCli}) and compare parsed state. The
 * cluster itself is bootstrapped by pve-ceph (package {@code meshplay.modules.pve}).
 *
 * <pre>
 * - ceph-osd: {device: /dev/nvme0n1}                                     # per node
 * - ceph-pool: {name: cephtb4, size: 3, min_size: 2, pg_num: 256, pg_autoscale_mode: warn, application: rbd}
 *   run_once: true
 * - ceph-config:
 *     who: osd
 *     settings: {osd_memory_target: 8G, bluestore_cache_size_ssd: 4G, osd_op_num_shards: 12}
 *   run_once: true
 * </pre>
 */
package meshplay.modules.ceph;

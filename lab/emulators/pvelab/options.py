"""Ceph Squid (19.2) configuration options known to the emulated config database.

Name -> (type, default, level, can_update_at_runtime, description). Types are Ceph's: size, uint,
int, float, bool, str, secs, addr. The list covers the options the guide's phases use plus the
common neighbours; `bluestore_cache_kv_max` is deliberately absent: it was removed upstream (it is
Luminous-era), so `ceph config set osd bluestore_cache_kv_max ...` fails as on a real Squid cluster.
"""

OPTIONS = {
    "public_network": ("str", "", "advanced", False, "Network(s) from which to choose a public address to bind to"),
    "cluster_network": ("str", "", "advanced", False, "Network(s) from which to choose a cluster address to bind to"),
    "public_addr": ("addr", "v2:0.0.0.0:0/0", "basic", False, "Public-facing address to bind to"),
    "cluster_addr": ("addr", "v2:0.0.0.0:0/0", "basic", False, "Cluster-facing address to bind to"),
    "fsid": ("str", "00000000-0000-0000-0000-000000000000", "basic", False, "cluster fsid (uuid)"),
    "mon_host": ("str", "", "basic", False, "list of hosts or addresses to search for a monitor"),
    "mon_allow_pool_delete": ("bool", "false", "advanced", True, "allow pool deletions"),
    "mon_max_pg_per_osd": ("uint", "250", "advanced", True, "Max number of PGs per OSD the cluster will allow"),
    "auth_allow_insecure_global_id_reclaim": ("bool", "true", "advanced", True, "Allow reclaiming global_id without presenting a valid ticket"),
    "auth_cluster_required": ("str", "cephx", "advanced", False, "authentication methods required by the cluster"),
    "auth_service_required": ("str", "cephx", "advanced", False, "authentication methods required by service daemons"),
    "auth_client_required": ("str", "cephx, none", "advanced", False, "authentication methods allowed by clients"),
    "ms_bind_ipv4": ("bool", "true", "advanced", False, "Bind servers to IPv4 address(es)"),
    "ms_bind_ipv6": ("bool", "false", "advanced", False, "Bind servers to IPv6 address(es)"),
    "ms_tcp_nodelay": ("bool", "true", "advanced", False, "Disable Nagle's algorithm and send queued network traffic immediately"),
    "ms_tcp_rcvbuf": ("size", "0", "advanced", False, "Size of TCP socket receive buffer"),
    "ms_tcp_prefetch_max_size": ("size", "4096", "advanced", False, "Maximum amount of data to prefetch out of the socket receive buffer"),
    "ms_cluster_mode": ("str", "crc secure", "basic", False, "Connection modes (crc, secure) for intra-cluster connections in order of preference"),
    "ms_async_op_threads": ("uint", "3", "advanced", False, "Threadpool size for AsyncMessenger (ms_type=async)"),
    "ms_dispatch_throttle_bytes": ("size", "104857600", "advanced", False, "Limit messages that are read off the network but still being processed"),
    "osd_pool_default_size": ("uint", "3", "advanced", True, "the number of copies of an object for new replicated pools"),
    "osd_pool_default_min_size": ("uint", "0", "advanced", True, "the minimal number of copies allowed to write to a degraded pool for new replicated pools"),
    "osd_pool_default_pg_num": ("uint", "32", "advanced", True, "number of PGs for new pools"),
    "osd_pool_default_pg_autoscale_mode": ("str", "on", "advanced", True, "Default PG autoscaling behavior for new pools"),
    "osd_memory_target": ("size", "4294967296", "basic", True, "When tcmalloc and cache autotuning is enabled, try to keep this many bytes mapped in memory."),
    "osd_memory_cache_min": ("size", "134217728", "dev", True, "When tcmalloc and cache autotuning is enabled, set the minimum amount of memory used for caches."),
    "osd_memory_cache_resize_interval": ("float", "1.000000", "dev", True, "When tcmalloc and cache autotuning is enabled, wait this many seconds between resizing caches."),
    "osd_heartbeat_grace": ("int", "20", "advanced", True, "Duration of missed heartbeats after which a peer is considered down"),
    "osd_heartbeat_interval": ("int", "6", "dev", True, "Interval (in seconds) between peer pings"),
    "osd_op_num_threads_per_shard": ("uint", "0", "advanced", False, "Number of OSD op worker threads per shard"),
    "osd_op_num_shards": ("uint", "0", "advanced", False, "Number of shards for the OSD op queue"),
    "osd_scrub_during_recovery": ("bool", "false", "advanced", True, "Allow scrubbing when PGs on the OSD are undergoing recovery"),
    "osd_scrub_begin_hour": ("int", "0", "advanced", True, "Restrict scrubbing to this hour of the day or later"),
    "osd_scrub_end_hour": ("int", "0", "advanced", True, "Restrict scrubbing to hours of the day earlier than this"),
    "osd_scrub_min_interval": ("float", "86400.000000", "advanced", True, "The desired interval between scrubs of a specific PG."),
    "osd_scrub_max_interval": ("float", "604800.000000", "advanced", True, "Scrub each PG no less often than this interval"),
    "osd_deep_scrub_interval": ("float", "604800.000000", "advanced", True, "Deep scrub each PG (i.e., verify data checksums) at least this often"),
    "osd_recovery_max_active": ("uint", "0", "advanced", True, "Number of simultaneous active recovery operations per OSD"),
    "osd_recovery_op_priority": ("uint", "3", "advanced", True, "Priority to use for recovery operations if not specified for the pool"),
    "osd_max_backfills": ("uint", "1", "advanced", True, "Maximum number of concurrent local and remote backfills or recoveries per OSD"),
    "osd_client_message_cap": ("uint", "256", "advanced", True, "maximum number of in-flight client requests"),
    "osd_client_message_size_cap": ("size", "524288000", "advanced", True, "maximum memory to devote to in-flight client requests"),
    "osd_crush_update_on_start": ("bool", "true", "advanced", True, "update OSD CRUSH location on startup"),
    "bluestore_cache_size": ("size", "0", "dev", True, "Cache size (in bytes) for BlueStore"),
    "bluestore_cache_size_ssd": ("size", "3221225472", "dev", True, "Default bluestore_cache_size for non-rotational (solid state) media"),
    "bluestore_cache_size_hdd": ("size", "1073741824", "dev", True, "Default bluestore_cache_size for rotational media"),
    "bluestore_cache_meta_ratio": ("float", "0.450000", "dev", True, "Ratio of bluestore cache to devote to metadata"),
    "bluestore_cache_kv_ratio": ("float", "0.450000", "dev", True, "Ratio of bluestore cache to devote to key/value database (RocksDB)"),
    "bluestore_cache_autotune": ("bool", "true", "dev", True, "Automatically tune the ratio of caches while respecting min values."),
    "bluestore_cache_trim_interval": ("float", "0.050000", "advanced", True, "How frequently we trim the bluestore cache"),
    "bluestore_compression_algorithm": ("str", "snappy", "advanced", True, "Default compression algorithm to use when writing object data"),
    "bluestore_compression_mode": ("str", "none", "advanced", True, "Default policy for using compression when pool does not specify"),
    "bluestore_compression_required_ratio": ("float", "0.875000", "advanced", True, "Compression ratio required to store compressed data"),
    "bluestore_sync_submit_transaction": ("bool", "false", "dev", True, "Try to submit metadata transaction to rocksdb in queuing thread context"),
    "bluestore_throttle_bytes": ("size", "67108864", "advanced", True, "Maximum bytes in flight before we throttle IO submission"),
    "bluestore_throttle_deferred_bytes": ("size", "134217728", "advanced", True, "Maximum bytes for deferred writes before we throttle IO submission"),
    "bluestore_block_db_size": ("size", "0", "dev", False, "Size of file to create for bluestore_block_db_path"),
    "bluestore_block_wal_size": ("size", "100663296", "dev", False, "Size of file to create for bluestore_block_wal_path"),
    "mgr/balancer/active": ("bool", "true", "advanced", True, "automatically balance PGs across cluster"),
    "log_to_file": ("bool", "false", "basic", True, "Log to a file"),
    "debug_ms": ("str", "0/0", "advanced", True, "Debug level for ms"),
}

CHOICES = {
    "bluestore_compression_algorithm": ("", "snappy", "zlib", "zstd", "lz4"),
    "bluestore_compression_mode": ("none", "passive", "aggressive", "force"),
    "osd_pool_default_pg_autoscale_mode": ("off", "warn", "on"),
}

SIZE_UNITS = {"": 1, "B": 1, "K": 1 << 10, "KI": 1 << 10, "M": 1 << 20, "MI": 1 << 20, "G": 1 << 30, "GI": 1 << 30,
              "T": 1 << 40, "TI": 1 << 40, "P": 1 << 50, "PI": 1 << 50}


def parse_value(name, value):
    """Checks a value against the option's type the way Ceph's Option::parse_value does and returns
    (error, normalised): the mon stores the normalised form (8G -> 8589934592, yes -> true, 0.4 -> 0.400000)."""
    import re
    kind = OPTIONS[name][0]
    v = str(value).strip()
    normalised = v
    if kind == "size":
        m = re.fullmatch(r"(\d+)\s*([KMGTP]i?|B)?", v, re.I)
        if not m:
            return "strict_iecstrtoll: the specified value '%s' is not a valid size" % v, None
        normalised = str(int(m.group(1)) * SIZE_UNITS[(m.group(2) or "").upper()])
    elif kind in ("uint", "int"):
        if not re.fullmatch(r"-?\d+" if kind == "int" else r"\d+", v):
            return "strict_strtoll: expected integer, got: '%s'" % v, None
        normalised = str(int(v))
    elif kind in ("float", "secs"):
        try:
            normalised = "%f" % float(v)
        except ValueError:
            return "strict_strtod: expected double, got: '%s'" % v, None
    elif kind == "bool":
        low = v.lower()
        if low not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
            return "Expected option value to be integer, got '%s'" % v, None
        normalised = "true" if low in ("true", "1", "yes", "on") else "false"
    if name in CHOICES and v not in CHOICES[name]:
        return "value '%s' not in allowed values %s" % (v, list(CHOICES[name])), None
    return None, normalised

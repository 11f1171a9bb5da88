package meshplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.vars.HostVars;
import org.junit.jupiter.api.Test;

/** Expressions as the guide's playbooks write them, against the cluster plan and realistic task results. */
class GuideExpressionsTest {
    private final MvelTemplar t = new MvelTemplar();

    private static Map<String, Object> node(String en05, String en06, String rid) {
        return Map.of("en05_cidr", en05, "en06_cidr", en06, "router_id", rid, "public_ip", "10.1.1.12",
            "osd_devices", List.of("/dev/nvme0n1", "/dev/nvme1n1"));
    }

    private Map<String, Object> vars() {
        Map<String, Object> nodes = new LinkedHashMap<>();
        nodes.put("n2", node("10.100.0.2/30", "10.100.0.5/30", "10.100.0.102"));
        nodes.put("n3", node("10.100.0.6/30", "10.100.0.9/30", "10.100.0.103"));
        nodes.put("n4", node("10.100.0.10/30", "10.100.0.1/30", "10.100.0.104"));
        Map<String, Object> perHost = Map.of("sdn_fabric_node", "fabric-n3", "iperf_line", "n3 -> n4 31.20");
        Map<String, Object> v = Y.vars(
            "inventory_hostname", "n3",
            "ansible_play_hosts", List.of("n2", "n3", "n4"),
            "ansible_check_mode", false,
            "pve_nodes", nodes,
            "tb4_mtu", Y.plain("65520", 65520),
            "tb4_iface1", Y.s("en05"),
            "ceph_first_node", Y.s("n2"),
            "mesh_max_avg_rtt_ms", 1.0,
            "rid", "10.100.0.104",
            "item", Map.of("peer", "n4:en05", "item", "en06", "stdout",
                "3 packets transmitted, 3 received, 0% packet loss, time 2003ms\nrtt min/avg/max/mdev = 0.031/0.045/0.060/0.012 ms",
                "a", "n3:en06", "b", "n4:en05"),
            "mesh_routes", Map.of("stdout", "10.100.0.102 nhid 12 via 10.100.0.5 dev en05 proto openfabric metric 20\n"
                + "10.100.0.104 nhid 13 via 10.100.0.10 dev en06 proto openfabric metric 20"),
            "mesh_iperf", Map.of("rc", 0, "stdout", "{\"end\": {\"sum_received\": {\"bits_per_second\": 31234567890.5}}}"),
            "ceph_status_raw", Map.of("stdout", "{\"osdmap\": {\"num_up_osds\": 6, \"num_in_osds\": 6}, \"pgmap\": {\"pgs_by_state\": "
                + "[{\"state_name\": \"active+clean\", \"count\": 256}]}, \"mgrmap\": {\"available\": true}}"),
            "planned_osds", 6,
            "bench_write", Map.of("stdout", "Total time run: 10\nBandwidth (MB/sec): 1234.5\nAverage IOPS: 308\nAverage Latency(s): 0.0518\n",
                "stdout_lines", List.of("lab: emulated", "Bandwidth (MB/sec): 1234.5", "lab: note")),
            "osd_tuning", Map.of("changed", true),
            "pve_version", Map.of("stdout", "pve-manager/9.0.3/abc (running kernel: 6.14.8-2-pve)"),
            "mesh_rows", List.of(Map.of("ok", true, "line", "row1"), Map.of("ok", false, "line", "row2")),
            "gbits", 31.23, "loss", 0.0, "avg_ms", 0.045, "jumbo_ok", true, "route_ok", true, "row_ok", true,
            "next_node", "n4");
        v.put("hostvars", new HostVars(() -> List.of("n2", "n3", "n4"), h -> h.equals("n2") ? Map.of("osd_tuning", Map.of("changed", true))
            : perHost));
        return v;
    }

    private Object e(String expr) {
        return t.evaluate(expr, vars(), Y.AT);
    }

    @Test
    void ringNeighbourAndAddresses() {
        assertEquals("n4", e("ansible_play_hosts[(ansible_play_hosts.index(inventory_hostname) + 1) % (ansible_play_hosts | length)]"));
        assertEquals("10.100.0.10", e("pve_nodes[item.peer.split(':')[0]][item.peer.split(':')[1] ~ '_cidr'] | ipaddr('address')"));
        assertEquals("10.100.0.9/30", e("pve_nodes[inventory_hostname].en05_cidr if item.item == tb4_iface1 else pve_nodes[inventory_hostname].en06_cidr"));
        assertEquals(true, e("(pve_nodes[inventory_hostname].router_id | ipaddr('address')) is not none"));
        assertEquals(true, e("pve_nodes[inventory_hostname].en05_cidr | ipaddr('network/prefix') != pve_nodes[inventory_hostname].en06_cidr | ipaddr('network/prefix')"));
        assertEquals(6, e("ansible_play_hosts | map('extract', pve_nodes) | map(attribute='osd_devices') | flatten | length"));
        assertEquals(65492, e("tb4_mtu - 28"));
        assertEquals(true, e("item.a.startswith(inventory_hostname ~ ':') or item.b.startswith(inventory_hostname ~ ':')"));
        assertEquals(true, e("inventory_hostname in pve_nodes"));
    }

    @Test
    void parsingCommandOutput() {
        assertEquals(0.045, e("item.stdout | regex_search('= [0-9.]+/([0-9.]+)/', '\\\\1') | default(['-1'], true) | first | float"));
        assertEquals(0.0, e("item.stdout | regex_search('([0-9.]+)% packet loss', '\\\\1') | default(['100'], true) | first | float"));
        assertEquals(-1.0, e("'no match' | regex_search('= [0-9.]+/([0-9.]+)/', '\\\\1') | default(['-1'], true) | first | float"));
        assertEquals(true, e("mesh_routes.stdout is search('(?m)^' ~ (rid | regex_escape) ~ ' .*proto (openfabric|197)')"));
        assertEquals(31.23, e("((mesh_iperf.stdout | from_json).end.sum_received.bits_per_second / 1000000000.0) | round(2)"));
        assertEquals("1234.5", e("bench_write.stdout | regex_search('Bandwidth \\\\(MB/sec\\\\): *([0-9.]+)', '\\\\1') | first"));
        assertEquals("0.0518", e("bench_write.stdout | regex_search('Average Latency\\\\(s\\\\): *([0-9.]+)', '\\\\1') | first"));
        assertEquals("lab: emulated lab: note", e("bench_write.stdout_lines | select('match', '^lab:') | list | join(' ')"));
        assertEquals(true, e("pve_version.stdout is search('^pve-manager/9\\\\.')"));
    }

    @Test
    void cephConditions() {
        assertEquals(true, e("(ceph_status_raw.stdout | from_json).osdmap.num_up_osds == planned_osds"));
        assertEquals(true, e("(ceph_status_raw.stdout | from_json).mgrmap.available"));
        assertEquals(true, e("(ceph_status_raw.stdout | from_json).pgmap.pgs_by_state | rejectattr('state_name', 'equalto', 'active+clean') | list | length == 0"));
        assertEquals(true, e("hostvars[ceph_first_node].osd_tuning is changed and not ansible_check_mode"));
        assertEquals(true, e("inventory_hostname != ceph_first_node and not ansible_check_mode"));
    }

    @Test
    void reportLines() {
        assertEquals("n3     -> n4        31.23", e("'%-6s -> %-6s %8.2f' | format(inventory_hostname, next_node, gbits)"));
        assertEquals("n3     en06   10.100.0.104      0.0   0.045 True  True  ok",
            e("'%-6s %-6s %-15s %5.1f %7.3f %-5s %-5s %s' | format(inventory_hostname, item.item, rid, loss, avg_ms, jumbo_ok, route_ok, 'ok' if row_ok else 'FAIL')"));
        assertEquals(List.of("row2"), e("mesh_rows | rejectattr('ok') | map(attribute='line') | list"));
        assertEquals(List.of("fabric-n3", "fabric-n3"), e("ansible_play_hosts[1:] | map('extract', hostvars, 'sdn_fabric_node') | list"));
        assertEquals(List.of("HEAD", "row1", "row2", "", "IPERF", "n3 -> n4 31.20"),
            e("['HEAD'] + (mesh_rows | map(attribute='line') | list) + ['', 'IPERF'] + (['n3'] | map('extract', hostvars, 'iperf_line') | list)"));
        assertEquals(3, ((List<?>) e("(mesh_rows | default([])) + [{'ok': true}]")).size());
        assertTrue(t.test("loss == 0 and avg_ms >= 0 and avg_ms <= mesh_max_avg_rtt_ms and jumbo_ok and route_ok", vars(), Y.AT));
    }
}

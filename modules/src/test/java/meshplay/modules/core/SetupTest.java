package meshplay.modules.core;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.LocalConnection;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleRegistry;
import meshplay.engine.testing.ModuleHarness.Outcome;
import org.junit.jupiter.api.Test;

class SetupTest {
    /** The real machine, read only. */
    final LocalConnection local = new LocalConnection("localhost");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facts(Outcome o) {
        Map<String, Object> data = o.result() != null ? o.result().data() : o.plan().data();
        return (Map<String, Object>) data.get("ansible_facts");
    }

    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void gathersThisMachinesFacts() throws Exception {
        Outcome o = apply(new SetupModule(), args(), local);
        assertFalse(o.changed());
        Map<String, Object> f = facts(o);
        String hostname = run("hostname");
        assertEquals(hostname.contains(".") ? hostname.substring(0, hostname.indexOf('.')) : hostname, f.get("hostname"));
        assertEquals(run("uname", "-r"), f.get("kernel"));
        assertEquals(run("uname", "-m"), f.get("architecture"));
        assertEquals(run("id", "-un"), f.get("user_id"));
        assertTrue(((List<String>) f.get("interfaces")).contains("lo"));
        Map<String, Object> lo = (Map<String, Object>) f.get("lo");
        assertEquals("127.0.0.1", ((Map<String, Object>) lo.get("ipv4")).get("address"));
        assertEquals("255.0.0.0", ((Map<String, Object>) lo.get("ipv4")).get("netmask"));
        assertTrue(((Number) f.get("memtotal_mb")).longValue() > 0);
        assertTrue(((Number) f.get("processor_vcpus")).intValue() > 0);
        assertEquals(Integer.parseInt(run("nproc")), f.get("processor_vcpus"));
        assertNotNull(f.get("distribution"));
        assertTrue(f.get("distribution_major_version").toString().matches("\\w+"));
        assertTrue(((Map<String, Object>) f.get("date_time")).get("epoch").toString().matches("\\d+"));
        assertTrue(f.get("devices") instanceof Map);
        assertTrue(f.get("all_ipv4_addresses") instanceof List);
    }

    @Test
    @SuppressWarnings("unchecked")
    void subsetsAndFilter() throws Exception {
        Map<String, Object> min = facts(check(new SetupModule(), args("gather_subset", List.of("min")), local));
        assertTrue(min.containsKey("distribution"));
        assertFalse(min.containsKey("interfaces"));
        assertFalse(min.containsKey("memtotal_mb"));
        Map<String, Object> noHw = facts(check(new SetupModule(), args("gather_subset", List.of("all", "!hardware")), local));
        assertTrue(noHw.containsKey("interfaces"));
        assertFalse(noHw.containsKey("devices"));
        Map<String, Object> filtered = facts(check(new SetupModule(), args("filter", List.of("ansible_mem*", "kernel")), local));
        assertEquals(java.util.Set.of("memtotal_mb", "memfree_mb", "kernel"), filtered.keySet());
    }

    @Test
    @SuppressWarnings("unchecked")
    void parsesInterfacesRoutesAndDevices() {
        String out = String.join("\n",
                "@@@hostname", "n2.lab.example",
                "@@@fqdn", "n2.lab.example",
                "@@@uname", "Linux", "6.14.8-2-pve", "x86_64", "#1 SMP", "n2",
                "@@@os_release", "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"", "ID=debian", "VERSION_ID=\"13\"", "VERSION_CODENAME=trixie",
                "@@@debian_version", "13.1",
                "@@@user", "root", "0", "0", "/root",
                "@@@date", "1764150000|2025-11-26|09:40:00|UTC|+0000", "2025-11-26T09:40:00Z",
                "@@@python", "/usr/bin/python3", "3 11 2 final 0", "True",
                "@@@link",
                "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
                "5: en05@if6: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 65520 qdisc noqueue state UP mode DEFAULT\\    link/ether 02:00:00:00:05:02 brd ff:ff:ff:ff:ff:ff",
                "7: vmbr-0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN\\    link/ether 02:00:00:00:07:02 brd ff:ff:ff:ff:ff:ff",
                "@@@addr",
                "1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever",
                "1: lo    inet 10.0.0.82/32 scope global lo\\       valid_lft forever preferred_lft forever",
                "5: en05    inet 10.100.0.2/30 brd 10.100.0.3 scope global en05\\       valid_lft forever preferred_lft forever",
                "5: en05    inet 10.100.0.9/29 scope global secondary en05\\       valid_lft forever preferred_lft forever",
                "5: en05    inet6 fe80::ff:fe00:502/64 scope link \\       valid_lft forever preferred_lft forever",
                "@@@route4", "default via 10.100.0.1 dev en05 proto static",
                "@@@meminfo", "MemTotal:       65756208 kB", "MemFree:        61234567 kB",
                "@@@nproc", "16",
                "@@@cpuinfo", "processor\t: 0", "physical id\t: 0", "model name\t: Intel(R) Core(TM) i9", "cpu cores\t: 8", "processor\t: 1",
                "@@@devices", "dev|nvme0n1|1953525168|0|0|512", "model|nvme0n1|Samsung SSD 990 PRO 1TB  ", "vendor|nvme0n1|",
                "part|nvme0n1|nvme0n1p1|2097152|2048", "");
        Map<String, Object> f = SetupModule.parse(out, true, true);
        assertEquals("n2", f.get("hostname"));
        assertEquals("n2.lab.example", f.get("fqdn"));
        assertEquals("lab.example", f.get("domain"));
        assertEquals("Debian", f.get("distribution"));
        assertEquals("13.1", f.get("distribution_version"));
        assertEquals("13", f.get("distribution_major_version"));
        assertEquals("trixie", f.get("distribution_release"));
        assertEquals("Debian", f.get("os_family"));
        assertEquals("6.14.8-2-pve", f.get("kernel"));
        Map<String, Object> python = (Map<String, Object>) f.get("python");
        assertEquals("/usr/bin/python3", python.get("executable"));
        assertEquals(List.of(3, 11, 2, "final", 0), python.get("version_info"));
        assertEquals(11, ((Map<String, Object>) python.get("version")).get("minor"));
        assertEquals(true, python.get("has_sslcontext"));
        assertEquals("3.11.2", f.get("python_version"));
        assertEquals(List.of("lo", "en05", "vmbr-0"), f.get("interfaces"));
        Map<String, Object> en05 = (Map<String, Object>) f.get("en05");
        assertEquals(65520, en05.get("mtu"));
        assertEquals(true, en05.get("active"));
        assertEquals("02:00:00:00:05:02", en05.get("macaddress"));
        assertEquals(Map.of("address", "10.100.0.2", "broadcast", "10.100.0.3", "netmask", "255.255.255.252", "network", "10.100.0.0", "prefix", "30"),
                en05.get("ipv4"));
        assertEquals(List.of(Map.of("address", "10.100.0.9", "netmask", "255.255.255.248", "network", "10.100.0.8", "prefix", "29")),
                en05.get("ipv4_secondaries"));
        assertEquals("fe80::ff:fe00:502", ((List<Map<String, Object>>) en05.get("ipv6")).get(0).get("address"));
        assertEquals(false, ((Map<String, Object>) f.get("vmbr_0")).get("active"));
        Map<String, Object> lo = (Map<String, Object>) f.get("lo");
        assertEquals("127.0.0.1", ((Map<String, Object>) lo.get("ipv4")).get("address"));
        assertEquals("10.0.0.82", ((List<Map<String, Object>>) lo.get("ipv4_secondaries")).get(0).get("address"));
        assertEquals(List.of("10.0.0.82", "10.100.0.2", "10.100.0.9"), f.get("all_ipv4_addresses"));
        Map<String, Object> def = (Map<String, Object>) f.get("default_ipv4");
        assertEquals("10.100.0.1", def.get("gateway"));
        assertEquals("en05", def.get("interface"));
        assertEquals("10.100.0.2", def.get("address"));
        assertEquals(64215L, f.get("memtotal_mb"));
        assertEquals(16, f.get("processor_vcpus"));
        assertEquals(1, f.get("processor_count"));
        assertEquals(8, f.get("processor_cores"));
        Map<String, Object> nvme = (Map<String, Object>) ((Map<String, Object>) f.get("devices")).get("nvme0n1");
        assertEquals("931.51 GB", nvme.get("size"));
        assertEquals("Samsung SSD 990 PRO 1TB", nvme.get("model"));
        assertEquals("1.00 GB", ((Map<String, Map<String, Object>>) nvme.get("partitions")).get("nvme0n1p1").get("size"));
        assertEquals("1764150000", ((Map<String, Object>) f.get("date_time")).get("epoch"));
    }

    @Test
    void aliasAndBadArguments() {
        assertEquals("setup", ModuleRegistry.load().find("gather_facts").name());
        rejects(new SetupModule(), args("gather_subset", "all", "fact_path", "/etc"), local, ") module: fact_path.");
        rejects(new SetupModule(), args("gather_timeout", "long"), local, "not a whole number");
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> check(new SetupModule(), args("gather_subset", "virtual"), local));
        assertTrue(e.getMessage().contains("unknown gather_subset 'virtual'"));
    }
}

package meshplay.modules.core;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Memory (/proc/meminfo), processors (nproc, /proc/cpuinfo) and block devices (/sys/block) as Ansible reports them. */
final class HardwareFacts {
    private HardwareFacts() {
    }

    static void add(Map<String, String> s, Map<String, Object> facts) {
        for (String line : PlatformFacts.lines(s.get("meminfo"))) {
            String[] f = line.split("[:\\s]+");
            if (f.length < 2) continue;
            switch (f[0]) {
                case "MemTotal" -> facts.put("memtotal_mb", Long.parseLong(f[1]) / 1024);
                case "MemFree" -> facts.put("memfree_mb", Long.parseLong(f[1]) / 1024);
                case "SwapTotal" -> facts.put("swaptotal_mb", Long.parseLong(f[1]) / 1024);
                case "SwapFree" -> facts.put("swapfree_mb", Long.parseLong(f[1]) / 1024);
                default -> { }
            }
        }
        processors(s, facts);
        facts.put("devices", devices(s.get("devices")));
    }

    private static void processors(Map<String, String> s, Map<String, Object> facts) {
        int logical = 0;
        Set<String> sockets = new HashSet<>();
        Integer cores = null;
        List<String> models = new java.util.ArrayList<>();
        for (String line : PlatformFacts.lines(s.get("cpuinfo"))) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "processor" -> logical++;
                case "physical id" -> sockets.add(value);
                case "cpu cores" -> cores = Integer.valueOf(value);
                case "model name" -> {
                    if (models.isEmpty() || !models.get(models.size() - 1).equals(value)) models.add(value);
                }
                default -> { }
            }
        }
        String nproc = s.getOrDefault("nproc", "").strip();
        int vcpus = nproc.matches("\\d+") ? Integer.parseInt(nproc) : logical;
        int count = sockets.isEmpty() ? 1 : sockets.size();
        facts.put("processor_vcpus", vcpus);
        facts.put("processor_nproc", vcpus);
        facts.put("processor_count", count);
        facts.put("processor_cores", cores == null ? Math.max(1, logical / count) : cores);
        facts.put("processor", models);
    }

    private static Map<String, Object> devices(String text) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String line : PlatformFacts.lines(text)) {
            String[] f = line.split("\\|", -1);
            if (f.length < 3) continue;
            Map<String, Object> d = out.computeIfAbsent(f[1], n -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("partitions", new LinkedHashMap<String, Object>());
                return m;
            });
            switch (f[0]) {
                case "dev" -> {
                    long sectors = parse(f[2]);
                    d.put("sectors", f[2]);
                    d.put("sectorsize", f.length > 5 && !f[5].isEmpty() ? f[5] : "512");
                    d.put("size", humanSize(sectors * 512));
                    d.put("removable", f.length > 3 ? f[3] : "");
                    d.put("rotational", f.length > 4 ? f[4] : "");
                }
                case "model" -> d.put("model", f[2].isBlank() ? null : f[2].trim());
                case "vendor" -> d.put("vendor", f[2].isBlank() ? null : f[2].trim());
                case "part" -> {
                    if (f.length < 5) continue;
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("sectors", f[3]);
                    p.put("start", f.length > 4 ? f[4] : "");
                    p.put("size", humanSize(parse(f[3]) * 512));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> parts = (Map<String, Object>) d.get("partitions");
                    parts.put(f[2], p);
                }
                default -> { }
            }
        }
        return new LinkedHashMap<>(out);
    }

    private static long parse(String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Ansible's bytes_to_human: "931.51 GB", "512.00 MB", "0.00 Bytes". */
    static String humanSize(long bytes) {
        String[] units = {"Bytes", "KB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.2f %s", v, units[u]);
    }
}

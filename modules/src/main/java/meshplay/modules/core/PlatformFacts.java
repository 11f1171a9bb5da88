package meshplay.modules.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Host name, kernel, distribution (from os-release), user and date facts, named as Ansible names them. */
final class PlatformFacts {
    private PlatformFacts() {
    }

    static void add(Map<String, String> s, Map<String, Object> facts) {
        String hostname = s.getOrDefault("hostname", "").strip();
        List<String> uname = lines(s.get("uname"));
        String nodename = uname.size() > 4 ? uname.get(4) : hostname;
        facts.put("hostname", hostname.contains(".") ? hostname.substring(0, hostname.indexOf('.')) : hostname);
        facts.put("nodename", nodename);
        String fqdn = s.getOrDefault("fqdn", "").strip();
        facts.put("fqdn", fqdn.isEmpty() ? hostname : fqdn);
        facts.put("domain", facts.get("fqdn").toString().contains(".") ? facts.get("fqdn").toString().substring(facts.get("fqdn").toString().indexOf('.') + 1) : "");
        if (uname.size() > 3) {
            facts.put("system", uname.get(0));
            facts.put("kernel", uname.get(1));
            facts.put("architecture", uname.get(2));
            facts.put("machine", uname.get(2));
            facts.put("kernel_version", uname.get(3));
        }
        distribution(s, facts);
        List<String> user = lines(s.get("user"));
        if (user.size() >= 3) {
            facts.put("user_id", user.get(0));
            facts.put("user_uid", toInt(user.get(1)));
            facts.put("user_gid", toInt(user.get(2)));
            if (user.size() > 3) facts.put("user_dir", user.get(3));
        }
        dateTime(s, facts);
        python(s, facts);
    }

    /** python and python_version, as Ansible reports the interpreter: executable, version parts, type. */
    private static void python(Map<String, String> s, Map<String, Object> facts) {
        List<String> p = lines(s.get("python"));
        if (p.size() < 2) return;
        String[] v = p.get(1).trim().split(" ");
        if (v.length < 5) return;
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("major", toInt(v[0]));
        version.put("minor", toInt(v[1]));
        version.put("micro", toInt(v[2]));
        version.put("releaselevel", v[3]);
        version.put("serial", toInt(v[4]));
        Map<String, Object> python = new LinkedHashMap<>();
        python.put("executable", p.get(0).trim());
        python.put("has_sslcontext", p.size() > 2 && p.get(2).trim().equals("True"));
        python.put("type", "cpython");
        python.put("version", version);
        python.put("version_info", List.of(toInt(v[0]), toInt(v[1]), toInt(v[2]), v[3], toInt(v[4])));
        facts.put("python", python);
        facts.put("python_version", v[0] + "." + v[1] + "." + v[2]);
    }

    private static void distribution(Map<String, String> s, Map<String, Object> facts) {
        Map<String, String> os = new LinkedHashMap<>();
        for (String line : lines(s.get("os_release"))) {
            int eq = line.indexOf('=');
            if (eq <= 0) continue;
            String v = line.substring(eq + 1).trim();
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) v = v.substring(1, v.length() - 1);
            os.put(line.substring(0, eq).trim(), v);
        }
        String id = os.getOrDefault("ID", "").toLowerCase();
        String name = switch (id) {
            case "debian" -> "Debian";
            case "ubuntu" -> "Ubuntu";
            case "centos" -> "CentOS";
            case "rhel" -> "RedHat";
            case "fedora" -> "Fedora";
            case "rocky" -> "Rocky";
            case "almalinux" -> "AlmaLinux";
            case "alpine" -> "Alpine";
            case "arch" -> "Archlinux";
            case "opensuse-leap", "opensuse-tumbleweed", "sles" -> "openSUSE";
            case "" -> "NA";
            default -> Character.toUpperCase(id.charAt(0)) + id.substring(1);
        };
        facts.put("distribution", name);
        String version = os.getOrDefault("VERSION_ID", "NA");
        String debianVersion = s.getOrDefault("debian_version", "").strip();
        if (id.equals("debian") && debianVersion.matches("\\d+(\\.\\d+)*")) version = debianVersion;
        facts.put("distribution_version", version);
        facts.put("distribution_major_version", version.contains(".") ? version.substring(0, version.indexOf('.')) : version);
        facts.put("distribution_release", os.getOrDefault("VERSION_CODENAME", "NA"));
        String like = (id + " " + os.getOrDefault("ID_LIKE", "")).toLowerCase();
        String family = like.contains("debian") || like.contains("ubuntu") ? "Debian"
                : like.contains("rhel") || like.contains("fedora") || like.contains("centos") ? "RedHat"
                : like.contains("suse") ? "Suse"
                : like.contains("arch") ? "Archlinux"
                : like.contains("alpine") ? "Alpine" : name;
        facts.put("os_family", family);
    }

    private static void dateTime(Map<String, String> s, Map<String, Object> facts) {
        List<String> d = lines(s.get("date"));
        if (d.isEmpty()) return;
        String[] f = d.get(0).split("\\|");
        if (f.length < 5) return;
        Map<String, Object> dt = new LinkedHashMap<>();
        dt.put("epoch", f[0]);
        dt.put("date", f[1]);
        dt.put("time", f[2]);
        String[] ymd = f[1].split("-");
        String[] hms = f[2].split(":");
        if (ymd.length == 3 && hms.length == 3) {
            dt.put("year", ymd[0]);
            dt.put("month", ymd[1]);
            dt.put("day", ymd[2]);
            dt.put("hour", hms[0]);
            dt.put("minute", hms[1]);
            dt.put("second", hms[2]);
        }
        dt.put("tz", f[3]);
        dt.put("tz_offset", f[4]);
        if (d.size() > 1) dt.put("iso8601", d.get(1));
        facts.put("date_time", dt);
    }

    static List<String> lines(String text) {
        if (text == null || text.isBlank()) return List.of();
        return List.of(text.split("\n"));
    }

    static Object toInt(String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return v;
        }
    }
}

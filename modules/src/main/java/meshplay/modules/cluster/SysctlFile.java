package meshplay.modules.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import meshplay.engine.lang.Truth;
import meshplay.modules.support.Lines;

/**
 * sysctl.d(5) drop-in files and values: {@code key = value} lines (spaces around '=' optional, a
 * leading '-' ignores errors, '#' and ';' start comments; keys with dots or slashes), edited so that
 * every line not about the managed key is kept byte for byte. Values compare as whitespace-separated
 * tokens, so "4096 87380 6291456" equals "4096\t87380  6291456" (what /proc/sys prints).
 */
final class SysctlFile {
    private SysctlFile() {
    }

    /** The key as a path under /proc/sys: net.ipv4.ip_forward -> net/ipv4/ip_forward. */
    static String procPath(String key) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        return "/proc/sys/" + (k.contains("/") ? k : k.replace('.', '/'));
    }

    /** The key in one spelling, for comparing keys written with dots or with slashes. */
    static String canonicalKey(String key) {
        return procPath(key);
    }

    static List<String> tokens(String value) {
        String t = value == null ? "" : value.strip();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
    }

    static boolean sameValue(String a, String b) {
        return tokens(a).equals(tokens(b));
    }

    /** A wanted value as sysctl takes it: booleans become 1/0, a list its items separated by spaces. */
    static String valueText(Object value) {
        if (value instanceof Boolean b) return b ? "1" : "0";
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) parts.add(valueText(o));
            return String.join(" ", parts);
        }
        String t = String.valueOf(value).strip();
        Boolean b = Truth.parse(t);
        return b == null ? t : b ? "1" : "0";
    }

    /** key and value of a setting line, or null for blank and comment lines. */
    static String[] setting(String line) {
        String t = Lines.body(line).strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) return null;
        int eq = t.indexOf('=');
        if (eq <= 0) return null;
        String key = t.substring(0, eq).strip();
        if (key.startsWith("-")) key = key.substring(1).strip();
        return new String[]{key, t.substring(eq + 1).strip()};
    }

    /** The value the file gives the key (the last line wins, as when sysctl reads it), or null. */
    static String value(String text, String key) {
        String found = null;
        for (String line : Lines.split(text)) {
            String[] s = setting(line);
            if (s != null && canonicalKey(s[0]).equals(canonicalKey(key))) found = s[1];
        }
        return found;
    }

    /**
     * The text with exactly one line for the key, holding the value: an equal first line is kept as
     * written, a different one is rewritten as {@code key=value}, later lines for the key are removed
     * (they would override it), and a missing key is appended.
     */
    static String withSetting(String text, String key, String value) {
        List<String> out = new ArrayList<>();
        boolean placed = false;
        for (String line : Lines.split(text)) {
            String[] s = setting(line);
            if (s == null || !canonicalKey(s[0]).equals(canonicalKey(key))) {
                out.add(line);
            } else if (!placed) {
                out.add(sameValue(s[1], value) ? line : key + "=" + value + (line.endsWith("\n") ? "\n" : ""));
                placed = true;
            }
        }
        if (!placed) Lines.appendLine(out, key + "=" + value);
        String after = Lines.join(out);
        return after.equals(text) ? text : after;
    }

    /** The text without any line for the key. */
    static String withoutSetting(String text, String key) {
        if (text == null) return null;
        List<String> out = new ArrayList<>();
        for (String line : Lines.split(text)) {
            String[] s = setting(line);
            if (s == null || !canonicalKey(s[0]).equals(canonicalKey(key))) out.add(line);
        }
        String after = Lines.join(out);
        return after.equals(text) ? text : after;
    }
}

package meshplay.modules.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import meshplay.modules.support.RegexArg;

/** The find module's filters, as Ansible's find applies them, and its per-file stat result. */
final class FindFilters {
    private static final Pattern AMOUNT = Pattern.compile("(-?\\d+)([a-zA-Z]?)");

    private FindFilters() {
    }

    private static final Map<String, Long> SECONDS = Map.of("", 1L, "s", 1L, "m", 60L, "h", 3600L, "d", 86400L, "w", 604800L);
    private static final Map<String, Long> BYTES = Map.of("", 1L, "b", 1L, "k", 1L << 10, "m", 1L << 20, "g", 1L << 30, "t", 1L << 40);

    /** Seconds for an age such as "2d" or "-30m" (s, m, h, d, w; no unit is seconds); null when not one. */
    static Long seconds(String age) {
        return amount(age, SECONDS);
    }

    /** Bytes for a size such as "10m" or "-1k" (b, k, m, g, t; binary units); null when not one. */
    static Long bytes(String size) {
        return amount(size, BYTES);
    }

    private static Long amount(String text, Map<String, Long> units) {
        Matcher m = AMOUNT.matcher(text.strip());
        if (!m.matches()) return null;
        Long unit = units.get(m.group(2).toLowerCase());
        return unit == null ? null : Long.parseLong(m.group(1)) * unit;
    }

    /** As Ansible: a non-negative age selects entries at least that old, a negative one entries at most that old. */
    static boolean ageMatches(double entryAge, long age) {
        return age >= 0 ? entryAge >= age : entryAge <= -age;
    }

    static boolean sizeMatches(long entrySize, long size) {
        return size >= 0 ? entrySize >= size : entrySize <= -size;
    }

    /** Globs become anchored expressions (fnmatch); regexes match from the name's start (re.match). */
    static List<Pattern> names(List<String> patterns, boolean regex) throws meshplay.engine.module.ModuleFailure {
        List<Pattern> out = new ArrayList<>();
        for (String p : patterns) {
            out.add(regex ? Pattern.compile("(?:" + RegexArg.compile("patterns", p).pattern() + ").*", Pattern.DOTALL)
                    : Pattern.compile(glob(p), Pattern.DOTALL));
        }
        return out;
    }

    /** No patterns means every name ({@code whenEmpty}); otherwise any pattern matching the whole name. */
    static boolean matchesAny(List<Pattern> patterns, String name, boolean whenEmpty) {
        if (patterns.isEmpty()) return whenEmpty;
        for (Pattern p : patterns) {
            if (p.matcher(name).matches()) return true;
        }
        return false;
    }

    static boolean contentMatches(byte[] content, Pattern contains, boolean wholeFile) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (wholeFile) return contains.matcher(text).find();
        for (String line : text.split("(?<=\n)")) {
            if (contains.matcher(line).lookingAt()) return true;
        }
        return false;
    }

    static boolean typeMatches(String fileType, Map<String, Object> info) {
        return switch (fileType) {
            case "file" -> Boolean.TRUE.equals(info.get("isreg"));
            case "directory" -> Boolean.TRUE.equals(info.get("isdir"));
            case "link" -> Boolean.TRUE.equals(info.get("islnk"));
            default -> true;
        };
    }

    /** Python's fnmatch translation: * ? [seq] [!seq]. */
    static String glob(String glob) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                out.append(".*");
            } else if (c == '?') {
                out.append('.');
            } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
                int close = glob.indexOf(']', i + 2);
                String set = glob.substring(i + 1, close);
                if (set.startsWith("!")) set = "^" + set.substring(1);
                out.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = close;
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }

    /** Ansible's stat result for one entry from find -printf's fields (see FindModule's format). */
    static Map<String, Object> statInfo(String[] f) {
        int mode = Integer.parseInt(f[1], 8);
        String type = f[0];
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("path", f[13]);
        r.put("mode", String.format("%04o", mode & 07777));
        r.put("isdir", type.equals("d"));
        r.put("ischr", type.equals("c"));
        r.put("isblk", type.equals("b"));
        r.put("isreg", type.equals("f"));
        r.put("isfifo", type.equals("p"));
        r.put("islnk", type.equals("l"));
        r.put("issock", type.equals("s"));
        r.put("uid", Integer.parseInt(f[2]));
        r.put("gid", Integer.parseInt(f[3]));
        r.put("size", Long.parseLong(f[4]));
        r.put("inode", Long.parseLong(f[5]));
        r.put("dev", Long.parseLong(f[6]));
        r.put("nlink", Integer.parseInt(f[7]));
        r.put("atime", Double.parseDouble(f[8]));
        r.put("mtime", Double.parseDouble(f[9]));
        r.put("ctime", Double.parseDouble(f[10]));
        r.put("gr_name", f[12]);
        r.put("pw_name", f[11]);
        r.put("wusr", (mode & 0200) != 0);
        r.put("rusr", (mode & 0400) != 0);
        r.put("xusr", (mode & 0100) != 0);
        r.put("wgrp", (mode & 020) != 0);
        r.put("rgrp", (mode & 040) != 0);
        r.put("xgrp", (mode & 010) != 0);
        r.put("woth", (mode & 02) != 0);
        r.put("roth", (mode & 04) != 0);
        r.put("xoth", (mode & 01) != 0);
        r.put("isuid", (mode & 04000) != 0);
        r.put("isgid", (mode & 02000) != 0);
        return r;
    }
}

package meshplay.modules.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import meshplay.engine.lang.Truth;
import meshplay.modules.support.Lines;

/**
 * Pure functions over the files that decide kernel modules: modules-load lists (/etc/modules,
 * /etc/modules-load.d/*.conf), modprobe.d ({@code options NAME k=v}, {@code blacklist NAME}),
 * /proc/modules and modules.builtin. Module names compare with '-' and '_' as the same character,
 * as the kernel does ({@code thunderbolt-net} is {@code thunderbolt_net}). Every line this class
 * does not own is kept byte for byte.
 */
final class KmodFiles {
    private KmodFiles() {
    }

    static String canonical(String moduleName) {
        return moduleName.replace('-', '_');
    }

    static boolean sameModule(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    /** First word of a line without its # comment, or null for blank and comment lines. */
    private static String firstWord(String line) {
        String l = Lines.body(line);
        int hash = l.indexOf('#');
        if (hash >= 0) l = l.substring(0, hash);
        l = l.strip();
        if (l.isEmpty() || l.startsWith(";")) return null;
        return l.split("\\s+")[0];
    }

    private static String[] words(String line) {
        String l = Lines.body(line);
        int hash = l.indexOf('#');
        if (hash >= 0) l = l.substring(0, hash);
        l = l.strip();
        return l.isEmpty() ? new String[0] : l.split("\\s+");
    }

    /** True when a modules-load list names the module on a line of its own. */
    static boolean listed(String text, String name) {
        for (String line : Lines.split(text)) {
            String w = firstWord(line);
            if (w != null && sameModule(w, name)) return true;
        }
        return false;
    }

    /** The list with the module added as a last line (unchanged when already listed). Null text = no file. */
    static String withListed(String text, String name) {
        if (text != null && listed(text, name)) return text;
        List<String> lines = Lines.split(text);
        Lines.appendLine(lines, name);
        return Lines.join(lines);
    }

    /** The list without the module's lines (unchanged, including null, when it is not listed). */
    static String withoutListed(String text, String name) {
        if (text == null || !listed(text, name)) return text;
        List<String> out = new ArrayList<>();
        for (String line : Lines.split(text)) {
            String w = firstWord(line);
            if (w == null || !sameModule(w, name)) out.add(line);
        }
        return Lines.join(out);
    }

    /** The k=v parameters of the first {@code options NAME} line, or null when there is none. */
    static Map<String, String> options(String text, String name) {
        for (String line : Lines.split(text)) {
            String[] w = words(line);
            if (w.length >= 2 && w[0].equals("options") && sameModule(w[1], name)) {
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 2; i < w.length; i++) {
                    int eq = w[i].indexOf('=');
                    if (eq < 0) params.put(w[i], "");
                    else params.put(w[i].substring(0, eq), unquote(w[i].substring(eq + 1)));
                }
                return params;
            }
        }
        return null;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    static String optionsLine(String name, Map<String, String> params) {
        StringBuilder sb = new StringBuilder("options ").append(name);
        params.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.append('\n').toString();
    }

    /**
     * A modprobe.d file whose {@code options NAME} line carries exactly {@code params} (compared as
     * a map, so order does not matter): the first such line is replaced, later ones removed; an
     * empty map removes them all. Unchanged text when it already holds these parameters.
     */
    static String withOptions(String text, String name, Map<String, String> params) {
        Map<String, String> current = text == null ? null : options(text, name);
        int count = 0;
        for (String line : Lines.split(text)) {
            String[] w = words(line);
            if (w.length >= 2 && w[0].equals("options") && sameModule(w[1], name)) count++;
        }
        if (params.isEmpty() ? count == 0 : count == 1 && Objects.equals(current, params)) return text;
        List<String> out = new ArrayList<>();
        boolean placed = false;
        for (String line : Lines.split(text)) {
            String[] w = words(line);
            if (w.length >= 2 && w[0].equals("options") && sameModule(w[1], name)) {
                if (!placed && !params.isEmpty()) out.add(optionsLine(name, params));
                placed = true;
            } else {
                out.add(line);
            }
        }
        if (!placed && !params.isEmpty()) Lines.appendLine(out, optionsLine(name, params));
        return Lines.join(out);
    }

    static boolean blacklisted(String text, String name) {
        for (String line : Lines.split(text)) {
            String[] w = words(line);
            if (w.length >= 2 && w[0].equals("blacklist") && sameModule(w[1], name)) return true;
        }
        return false;
    }

    /** Adds or removes the {@code blacklist NAME} line. */
    static String withBlacklist(String text, String name, boolean wanted) {
        if (blacklisted(text, name) == wanted) return text;
        List<String> out = new ArrayList<>();
        for (String line : Lines.split(text)) {
            String[] w = words(line);
            if (!(w.length >= 2 && w[0].equals("blacklist") && sameModule(w[1], name))) out.add(line);
        }
        if (wanted) Lines.appendLine(out, "blacklist " + name);
        return Lines.join(out);
    }

    /** True when /proc/modules lists the module. */
    static boolean loaded(String procModules, String name) {
        // /proc/modules has the shape of a modules-load list: the name first on each line
        return listed(procModules, name);
    }

    /** True when modules.builtin lists the module ("kernel/drivers/thunderbolt/thunderbolt.ko"). */
    static boolean builtin(String modulesBuiltin, String name) {
        for (String line : Lines.split(modulesBuiltin)) {
            String path = Lines.body(line).strip();
            if (path.isEmpty()) continue;
            String file = path.substring(path.lastIndexOf('/') + 1);
            if (file.endsWith(".ko")) file = file.substring(0, file.length() - 3);
            if (sameModule(file, name)) return true;
        }
        return false;
    }

    /**
     * True when a parameter value read from /sys/module/NAME/parameters/KEY means the wanted value:
     * booleans show as Y/N there, whatever spelling was used to set them.
     */
    static boolean sameParamValue(String live, String wanted) {
        String l = live.strip();
        String w = wanted.strip();
        if (l.equals(w)) return true;
        if (l.equals("Y") || l.equals("N")) {
            Boolean b = Truth.parse(w);
            return l.equals(b == null ? w : b ? "Y" : "N");
        }
        return false;
    }
}

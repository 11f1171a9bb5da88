package meshplay.modules.system;

import java.util.List;

/**
 * /etc/fstab edits as Ansible's mount module makes them: find the line of a mount point (for swap,
 * of its source), rewrite it when a field differs, add it at the end when missing, or drop it.
 * Comments, blank lines and lines of other mount points are kept as they are.
 */
final class Fstab {
    /** One desired line; every field already escaped (see {@link #escape}). */
    record Line(String src, String name, String fstype, String opts, String dump, String passno) {
        String text() {
            return src + " " + name + " " + fstype + " " + opts + " " + dump + " " + passno + "\n";
        }
    }

    private Fstab() {
    }

    /** fstab's escapes for a space, an ampersand and a backslash. */
    static String escape(String v) {
        return v == null ? null : v.replace("\\", "\\134").replace(" ", "\\040").replace("&", "\\046");
    }

    /** The text with {@code want} in it; {@code srcGiven}: the task named a source (used to tell swap lines apart). */
    static String set(String text, Line want, boolean srcGiven) {
        StringBuilder out = new StringBuilder();
        boolean exists = false;
        for (String line : lines(text)) {
            if (!line.endsWith("\n")) line += "\n";
            String[] f = line.strip().split("\\s+");
            if (line.strip().isEmpty() || line.strip().startsWith("#") || f.length < 4 || f.length > 6 || !same(f, want, srcGiven)) {
                out.append(line);
                continue;
            }
            exists = true;
            String[] have = {f[0], f[1], f[2], f[3], f.length > 4 ? f[4] : null, f.length > 5 ? f[5] : null};
            String[] wanted = {want.src(), want.name(), want.fstype(), want.opts(), want.dump(), want.passno()};
            boolean differs = false;
            for (int i : new int[] {0, 2, 3, 4, 5}) {
                if (!wanted[i].equals(have[i])) differs = true;
            }
            out.append(differs ? want.text() : line);
        }
        if (!exists) out.append(want.text());
        return out.toString();
    }

    /** The text without the line of {@code want}'s mount point (only six-field lines count, as in Ansible). */
    static String unset(String text, Line want, boolean srcGiven) {
        StringBuilder out = new StringBuilder();
        for (String line : lines(text)) {
            String[] f = line.strip().split("\\s+");
            if (line.strip().isEmpty() || line.strip().startsWith("#") || f.length != 6 || !same(f, want, srcGiven)) out.append(line);
        }
        return out.toString();
    }

    private static boolean same(String[] f, Line want, boolean srcGiven) {
        if (!f[1].equals(want.name())) return false;
        return !(srcGiven && f[1].equals("none") && f[2].equals("swap") && !f[0].equals(want.src()));
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("(?<=\n)"));
    }
}

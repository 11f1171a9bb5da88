package meshplay.engine.template;

import java.util.ArrayList;
import java.util.List;

/** Python string operations shared by string methods ({@code s.split(',')}) and filters ({@code s | split(',')}). */
public final class StringsText {
    private StringsText() {
    }

    /** Python's str.title(): each word capitalised, the rest lower case. */
    public static String title(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            if (Character.isLetter(c)) {
                b.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
                start = false;
            } else {
                b.append(c);
                start = true;
            }
        }
        return b.toString();
    }

    /** str.capitalize(): first character upper case, the rest lower case. */
    public static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase() + s.substring(1).toLowerCase();
    }

    /** str.replace(old, new, count); a negative count replaces every occurrence. */
    public static String replace(String s, String from, String to, int count) {
        if (count < 0) return s.replace(from, to);
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i = 0; i < count; i++) {
            int f = s.indexOf(from, at);
            if (f < 0) break;
            out.append(s, at, f).append(to);
            at = f + from.length();
        }
        return out.append(s.substring(at)).toString();
    }

    /** str.split(sep, maxsplit): with no separator, runs of whitespace split and the ends are stripped. */
    public static List<Object> split(String s, Object sep, int max) {
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            String rest = s.strip();
            while (!rest.isEmpty()) {
                int ws = 0;
                while (ws < rest.length() && !Character.isWhitespace(rest.charAt(ws))) ws++;
                if ((max >= 0 && out.size() == max) || ws == rest.length()) {
                    out.add(rest);
                    break;
                }
                out.add(rest.substring(0, ws));
                rest = rest.substring(ws).stripLeading();
            }
            return out;
        }
        String sp = Ops.toText(sep);
        if (sp.isEmpty()) throw new TemplateTypeException("split: empty separator");
        int from = 0;
        while (max < 0 || out.size() < max) {
            int at = s.indexOf(sp, from);
            if (at < 0) break;
            out.add(s.substring(from, at));
            from = at + sp.length();
        }
        out.add(s.substring(from));
        return out;
    }

    /** str.strip(chars) / lstrip / rstrip; no chars means whitespace. */
    public static String strip(String s, Object chars, boolean left, boolean right) {
        String set = chars == null ? null : Ops.toText(chars);
        int a = 0;
        int b = s.length();
        while (left && a < b && (set == null ? Character.isWhitespace(s.charAt(a)) : set.indexOf(s.charAt(a)) >= 0)) a++;
        while (right && b > a && (set == null ? Character.isWhitespace(s.charAt(b - 1)) : set.indexOf(s.charAt(b - 1)) >= 0)) b--;
        return s.substring(a, b);
    }
}

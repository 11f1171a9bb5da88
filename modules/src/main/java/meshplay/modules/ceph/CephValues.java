package meshplay.modules.ceph;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic comparison of Ceph option values, by the option's type: sizes with IEC suffixes
 * (8G == 8589934592), booleans (true == 1 == yes), numbers (0.4 == 0.400000), text as is.
 */
public final class CephValues {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGTP]i?|B)?", Pattern.CASE_INSENSITIVE);

    private CephValues() {
    }

    /** The canonical text of a value of the given Ceph type, or null when it does not parse as that type. */
    public static String canonical(String type, String value) {
        if (value == null) return null;
        String v = value.strip();
        switch (type == null ? "str" : type) {
            case "size": {
                Matcher m = SIZE.matcher(v);
                if (!m.matches()) return null;
                String unit = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT).replace("I", "");
                int shift = switch (unit) {
                    case "K" -> 10;
                    case "M" -> 20;
                    case "G" -> 30;
                    case "T" -> 40;
                    case "P" -> 50;
                    default -> 0;
                };
                return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(2).pow(shift)).toPlainString();
            }
            case "bool": {
                String l = v.toLowerCase(Locale.ROOT);
                if (l.equals("true") || l.equals("1") || l.equals("yes") || l.equals("on")) return "true";
                if (l.equals("false") || l.equals("0") || l.equals("no") || l.equals("off")) return "false";
                return null;
            }
            case "int", "uint", "float", "secs", "millisecs": {
                try {
                    return new BigDecimal(v).stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            default:
                return v;
        }
    }

    public static boolean same(String type, String a, String b) {
        if (a == null || b == null) return a == null && b == null;
        String ca = canonical(type, a);
        String cb = canonical(type, b);
        return ca != null && ca.equals(cb) || a.strip().equals(b.strip());
    }
}

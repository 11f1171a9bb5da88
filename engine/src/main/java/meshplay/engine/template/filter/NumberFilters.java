package meshplay.engine.template.filter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import meshplay.engine.lang.Truth;
import meshplay.engine.template.Ops;
import meshplay.engine.template.TemplateTypeException;

/** Numbers and booleans: int, float, abs, round, bool (Ansible words), ternary, log, pow, root. */
final class NumberFilters {
    private NumberFilters() {
    }

    static void register(Registry r) {
        r.filter("int", (in, c) -> toInt(in, c.arg(0, "default", 0), c.integer(1, "base", 10)));
        r.filter("float", (in, c) -> toFloat(in, c.arg(0, "default", 0.0)));
        r.filter("abs", (in, c) -> {
            Number n = number(in, c);
            return Ops.isIntegral(n) ? Ops.integer(Math.abs(n.longValue())) : (Object) Math.abs(n.doubleValue());
        });
        r.filter("round", (in, c) -> {
            double d = number(in, c).doubleValue();
            int precision = c.integer(0, "precision", 0);
            String method = c.string(1, "method", "common");
            return switch (method) {
                // Python's round(): the exact binary value, a tie to the even digit (2.5 -> 2.0, 2.675 -> 2.67)
                case "common" -> new BigDecimal(d).setScale(precision, RoundingMode.HALF_EVEN).doubleValue();
                case "ceil" -> BigDecimal.valueOf(d).setScale(precision, RoundingMode.CEILING).doubleValue();
                case "floor" -> BigDecimal.valueOf(d).setScale(precision, RoundingMode.FLOOR).doubleValue();
                default -> throw new TemplateTypeException("round: method must be common, ceil or floor");
            };
        });
        r.filter("bool", (in, c) -> Truth.boolFilter(in));
        r.filter("ternary", (in, c) -> {
            if (in == null && c.has(2, "none_val")) return c.arg(2, "none_val", null);
            return Ops.truthy(in) ? c.arg(0, "true_val", null) : c.arg(1, "false_val", null);
        });
        r.filter("log", (in, c) -> {
            double base = c.has(0, "base") ? number(c.arg(0, "base", null), c).doubleValue() : Math.E;
            return Math.log(number(in, c).doubleValue()) / Math.log(base);
        });
        r.filter("pow", (in, c) -> Math.pow(number(in, c).doubleValue(), number(c.required(0, "y"), c).doubleValue()));
        r.filter("human_readable", (in, c) -> humanReadable(number(in, c).doubleValue(), c.bool(0, "isbits", false), c.string(1, "unit", null)));
        r.filter("human_to_bytes", (in, c) -> humanToBytes(Ops.toText(in), c.string(0, "default_unit", null), c.bool(1, "isbits", false)));
        r.filter("root", (in, c) -> {
            double base = c.has(0, "base") ? number(c.arg(0, "base", null), c).doubleValue() : 2;
            return base == 2 ? Math.sqrt(number(in, c).doubleValue()) : Math.pow(number(in, c).doubleValue(), 1.0 / base);
        });
    }

    static Number number(Object in, FilterCall c) {
        if (in instanceof Number n) return n;
        if (in instanceof Boolean b) return b ? 1 : 0;
        if (in instanceof CharSequence s) {
            Object v = toFloat(s.toString(), null);
            if (v != null) return Ops.isIntegral(toInt(s.toString(), null, 10)) ? (Number) toInt(s.toString(), null, 10) : (Number) v;
        }
        throw c.wrongInput("a number", in);
    }

    /** Jinja's int filter: numbers are truncated, text parsed (also "12.7"), anything else gives the default. */
    static Object toInt(Object in, Object fallback, int base) {
        if (in instanceof Boolean b) return b ? 1 : 0;
        if (in instanceof Number n) return Ops.isIntegral(n) ? Ops.integer(n.longValue()) : Ops.integer((long) n.doubleValue());
        if (in instanceof CharSequence cs) {
            String s = cs.toString().strip().replace("_", "");
            try {
                String digits = s;
                if (base == 16 && digits.toLowerCase(Locale.ROOT).startsWith("0x")) digits = digits.substring(2);
                if (base == 8 && digits.toLowerCase(Locale.ROOT).startsWith("0o")) digits = digits.substring(2);
                if (base == 2 && digits.toLowerCase(Locale.ROOT).startsWith("0b")) digits = digits.substring(2);
                BigInteger v = new BigInteger(digits, base);
                return v.bitLength() < 64 ? Ops.integer(v.longValue()) : v;
            } catch (NumberFormatException e) {
                try {
                    return Ops.integer((long) Double.parseDouble(s));
                } catch (NumberFormatException e2) {
                    return fallback;
                }
            }
        }
        return fallback;
    }

    static Object toFloat(Object in, Object fallback) {
        if (in instanceof Boolean b) return b ? 1.0 : 0.0;
        if (in instanceof Number n) return n.doubleValue();
        if (in instanceof CharSequence cs) {
            try {
                return Double.parseDouble(cs.toString().strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static final String UNITS = "BKMGTPEZY";

    /** 1536 -> "1.50 KB" (powers of 1024), as Ansible's human_readable; isbits gives "Kb". */
    static String humanReadable(double value, boolean isbits, String unit) {
        String suffix = isbits ? "b" : "B";
        int power;
        if (unit != null) {
            power = UNITS.indexOf(Character.toUpperCase(unit.charAt(0)));
            if (power < 0) throw new TemplateTypeException("human_readable: unknown unit '" + unit + "'");
        } else {
            power = 0;
            while (power < UNITS.length() - 1 && Math.abs(value) >= Math.pow(1024, power + 1)) power++;
        }
        double scaled = value / Math.pow(1024, power);
        String prefix = power == 0 ? "" : String.valueOf(UNITS.charAt(power));
        return String.format(Locale.ROOT, "%.2f %s%s", scaled, prefix, power == 0 ? (isbits ? "bits" : "Bytes") : suffix);
    }

    /** "1.5G", "10 MB", "512" -> bytes (powers of 1024), as Ansible's human_to_bytes. */
    static long humanToBytes(String text, String defaultUnit, boolean isbits) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*(\\d*\\.?\\d+)\\s*([A-Za-z]*)\\s*$").matcher(text);
        if (!m.matches()) throw new TemplateTypeException("human_to_bytes: cannot read '" + text + "' as a size");
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2).isEmpty() ? (defaultUnit == null ? "B" : defaultUnit) : m.group(2);
        int power = UNITS.indexOf(Character.toUpperCase(unit.charAt(0)));
        if (power < 0) throw new TemplateTypeException("human_to_bytes: unknown unit '" + unit + "' in '" + text + "'");
        return Math.round(n * Math.pow(1024, power));
    }
}

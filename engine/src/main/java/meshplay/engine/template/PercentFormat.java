package meshplay.engine.template;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's printf-style formatting: "%s-%02d" % (a, b) and the format filter. */
public final class PercentFormat {
    private static final Pattern SPEC = Pattern.compile("%([-0]*)(\\d*)(?:\\.(\\d+))?([sdifrxX%])");

    private PercentFormat() {
    }

    public static String format(String fmt, List<Object> args) {
        StringBuilder b = new StringBuilder();
        int next = 0;
        Matcher m = SPEC.matcher(fmt);
        int at = 0;
        while (m.find()) {
            b.append(fmt, at, m.start());
            at = m.end();
            char conv = m.group(4).charAt(0);
            if (conv == '%') {
                b.append('%');
                continue;
            }
            if (next >= args.size()) throw new TemplateTypeException("not enough arguments for format string '" + fmt + "'");
            Object a = args.get(next++);
            String flags = m.group(1);
            String width = m.group(2);
            String precision = m.group(3);
            b.append(switch (conv) {
                case 'd', 'i' -> String.format("%" + flags + width + "d", number(a, conv).longValue());
                case 'x', 'X' -> String.format("%" + flags + width + conv, number(a, conv).longValue());
                case 'f' -> String.format("%" + flags + width + "." + (precision == null ? "6" : precision) + "f",
                    number(a, conv).doubleValue());
                case 'r' -> String.format("%" + flags.replace("0", "") + width + "s", Ops.repr(a, true));
                default -> String.format("%" + flags.replace("0", "") + width + "s", Ops.toText(a));
            });
        }
        if (next < args.size()) throw new TemplateTypeException("not all arguments converted by format string '" + fmt + "'");
        return b.append(fmt.substring(at)).toString();
    }

    private static Number number(Object a, char conv) {
        if (a instanceof Number n) return n;
        if (a instanceof Boolean bool) return bool ? 1 : 0;
        if (a instanceof CharSequence s) {
            try {
                return conv == 'f' ? (Number) Double.parseDouble(s.toString().strip()) : (Number) Long.parseLong(s.toString().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new TemplateTypeException("%" + conv + " format needs a number, got " + Ops.typeName(a) + " " + Ops.repr(a, true));
    }
}

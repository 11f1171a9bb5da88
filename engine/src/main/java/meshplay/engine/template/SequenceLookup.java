package meshplay.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import meshplay.engine.yaml.KeyValueText;

/**
 * The sequence lookup (with_sequence): numbers as formatted strings, from the shortcut
 * {@code [start-]end[/stride][:format]} or from {@code start= end= count= stride= format=}.
 * Numbers may be written in hex (0x..) or octal (0..), as Python's int(x, 0) reads them.
 */
final class SequenceLookup {
    private static final String NUM = "(0?x?[0-9a-f]+)";
    private static final Pattern SHORTCUT = Pattern.compile("^(" + NUM + "-)?" + NUM + "(/" + NUM + ")?(:(.+))?$", Pattern.CASE_INSENSITIVE);

    private SequenceLookup() {
    }

    static List<Object> run(List<Object> terms) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String text = Ops.toText(term).strip();
            long start = 1;
            Long end = null;
            Long count = null;
            long stride = 1;
            String format = "%d";
            Matcher m = SHORTCUT.matcher(text);
            if (m.matches()) {
                if (m.group(2) != null) start = number("start", m.group(2));
                end = number("end", m.group(3));
                if (m.group(5) != null) stride = number("stride", m.group(5));
                if (m.group(7) != null) format = m.group(7);
            } else {
                Map<String, String> kv = keyValues(text);
                if (kv.containsKey("start")) start = number("start", kv.remove("start"));
                if (kv.containsKey("end")) end = number("end", kv.remove("end"));
                if (kv.containsKey("count")) count = number("count", kv.remove("count"));
                if (kv.containsKey("stride")) stride = number("stride", kv.remove("stride"));
                if (kv.containsKey("format")) format = kv.remove("format");
                if (!kv.isEmpty()) throw new TemplateTypeException("unrecognized arguments to with_sequence: " + Ops.repr(new ArrayList<>(kv.keySet()), true));
            }
            if (count == null && end == null) throw new TemplateTypeException("must specify count or end in with_sequence");
            if (count != null && end != null) throw new TemplateTypeException("can't specify both count and end in with_sequence");
            if (count != null) {
                if (count != 0) {
                    end = start + count * stride - 1;
                } else {
                    start = 0;
                    end = 0L;
                    stride = 0;
                }
            }
            if (stride > 0 && end < start) throw new TemplateTypeException("to count backwards make stride negative");
            if (stride < 0 && end > start) throw new TemplateTypeException("to count forward don't make stride negative");
            if (format.chars().filter(c -> c == '%').count() != 1) throw new TemplateTypeException("bad formatting string: " + format);
            if (stride == 0) continue;
            long stop = end + (stride > 0 ? 1 : -1);
            for (long i = start; stride > 0 ? i < stop : i > stop; i += stride) {
                out.add(PercentFormat.format(format, List.of(Ops.integer(i))));
                if (out.size() > 1_000_000) throw new TemplateTypeException("with_sequence: the sequence is too long");
            }
        }
        return out;
    }

    private static Map<String, String> keyValues(String text) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int[] w : KeyValueText.split(text)) {
            String word = text.substring(w[0], w[1]);
            int eq = word.indexOf('=');
            if (eq <= 0) throw new TemplateTypeException("unknown error parsing with_sequence arguments: '" + text + "'");
            String value = word.substring(eq + 1);
            if (KeyValueText.isQuoted(value)) value = value.substring(1, value.length() - 1);
            out.put(word.substring(0, eq), value);
        }
        return out;
    }

    /** Python's int(text, 0): decimal, 0x hex, 0o or legacy 0 octal. */
    private static long number(String what, String text) {
        String t = text.strip().toLowerCase();
        try {
            boolean negative = t.startsWith("-");
            if (negative) t = t.substring(1);
            long v;
            if (t.startsWith("0x")) v = Long.parseLong(t.substring(2), 16);
            else if (t.startsWith("0o")) v = Long.parseLong(t.substring(2), 8);
            else if (t.length() > 1 && t.startsWith("0")) v = Long.parseLong(t.substring(1), 8);
            else v = Long.parseLong(t);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw new TemplateTypeException("can't parse " + what + "=" + text + " as integer");
        }
    }
}

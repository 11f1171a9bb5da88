package meshplay.engine.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;

/**
 * Expands Ansible host ranges: {@code web[01:10]} (zero-padded), {@code n[2:4]}, {@code db-[a:c]},
 * {@code h[1:10:2]} (step). Several ranges in one name multiply. Ends are inclusive.
 */
final class HostRanges {
    private static final Pattern RANGE = Pattern.compile("\\[([0-9]*|[a-zA-Z]):([0-9]+|[a-zA-Z])(?::([0-9]+))?]");

    private HostRanges() {
    }

    static List<String> expand(String name, Origin origin) {
        int open = name.indexOf('[');
        if (open < 0) return List.of(name);
        int close = name.indexOf(']', open);
        Matcher m = close < 0 ? null : RANGE.matcher(name.substring(open, close + 1));
        if (m == null || !m.matches()) {
            throw new UserError(origin, "invalid host range in '" + name + "'", "write a range as [start:end] or [start:end:step], e.g. web[01:10] or db-[a:c]");
        }
        String head = name.substring(0, open);
        String tail = name.substring(close + 1);
        List<String> out = new ArrayList<>();
        for (String middle : sequence(m.group(1).isEmpty() ? "0" : m.group(1), m.group(2), m.group(3), name, origin)) {
            out.addAll(expand(head + middle + tail, origin));
        }
        return out;
    }

    private static List<String> sequence(String begin, String end, String stepText, String name, Origin origin) {
        int step = stepText == null ? 1 : Integer.parseInt(stepText);
        if (step <= 0) throw new UserError(origin, "host range step must be positive in '" + name + "'", "e.g. [1:10:2]");
        List<String> out = new ArrayList<>();
        boolean letters = Character.isLetter(begin.charAt(0));
        if (letters != Character.isLetter(end.charAt(0))) {
            throw new UserError(origin, "host range mixes letters and numbers in '" + name + "'", "use [a:c] or [1:3]");
        }
        if (letters) {
            if (begin.charAt(0) > end.charAt(0)) throw backwards(name, origin);
            for (char c = begin.charAt(0); c <= end.charAt(0); c += (char) step) out.add(String.valueOf(c));
            return out;
        }
        boolean padded = begin.length() > 1 && begin.charAt(0) == '0';
        if (padded && begin.length() != end.length()) {
            throw new UserError(origin, "zero-padded host range needs start and end of the same width in '" + name + "'", "e.g. web[01:10]");
        }
        long from = Long.parseLong(begin);
        long to = Long.parseLong(end);
        if (from > to) throw backwards(name, origin);
        if ((to - from) / step > 100_000) throw new UserError(origin, "host range too large in '" + name + "'", "split the range");
        for (long i = from; i <= to; i += step) {
            String digits = Long.toString(i);
            out.add(padded ? "0".repeat(Math.max(0, begin.length() - digits.length())) + digits : digits);
        }
        return out;
    }

    private static UserError backwards(String name, Origin origin) {
        return new UserError(origin, "host range ends before it starts in '" + name + "'", "write the smaller value first");
    }
}

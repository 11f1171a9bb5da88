package meshplay.engine.exec.play;

import java.util.ArrayList;
import java.util.List;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;

/**
 * Splits a play's hosts into serial batches: a number, a percentage ("30%"), or a list of either
 * whose last entry repeats. No serial means one batch of all hosts.
 */
public final class SerialBatches {
    private SerialBatches() {
    }

    public static List<List<String>> split(List<String> hosts, Object serial, Origin origin) {
        List<List<String>> out = new ArrayList<>();
        if (serial == null || hosts.isEmpty()) {
            out.add(List.copyOf(hosts));
            return out;
        }
        List<?> sizes = serial instanceof List<?> l ? l : List.of(serial);
        if (sizes.isEmpty()) {
            out.add(List.copyOf(hosts));
            return out;
        }
        int i = 0;
        int step = 0;
        while (i < hosts.size()) {
            Object spec = sizes.get(Math.min(step, sizes.size() - 1));
            int size = size(spec, hosts.size(), origin);
            int end = Math.min(hosts.size(), i + size);
            out.add(List.copyOf(hosts.subList(i, end)));
            i = end;
            step++;
        }
        return out;
    }

    private static int size(Object spec, int total, Origin origin) {
        String s = String.valueOf(spec).trim();
        try {
            int n;
            if (s.endsWith("%")) {
                double pct = Double.parseDouble(s.substring(0, s.length() - 1).trim());
                n = (int) Math.floor(total * pct / 100.0);
            } else {
                n = (int) Double.parseDouble(s);
            }
            return n <= 0 ? (s.endsWith("%") ? 1 : total) : n;
        } catch (NumberFormatException e) {
            throw new UserError(origin, "serial: '" + s + "' is not a number or a percentage",
                    "write serial: 2, serial: \"30%\" or serial: [1, 5, \"50%\"]", ExitCode.PARSE_ERROR);
        }
    }
}

package meshplay.modules.cluster;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import meshplay.engine.lang.Truth;

/**
 * Options as their tools read them, for comparing a file with what is wanted: key order does not
 * count, runs of white space are one space, and yes/true/on and no/false/off are the same boolean
 * (ifupdown2 and systemd.link accept each spelling).
 */
final class OptionValues {
    private OptionValues() {
    }

    /** The options sorted by key, each value in its normal form. */
    static Map<String, List<String>> normalised(Map<String, List<String>> options) {
        Map<String, List<String>> out = new TreeMap<>();
        options.forEach((key, values) -> out.put(key, values.stream().map(OptionValues::normal).toList()));
        return out;
    }

    static String normal(String value) {
        String t = value.strip().replaceAll("\\s+", " ");
        // only words: "1" and "0" stay numbers (an mtu or a vid is no boolean)
        Boolean b = t.chars().allMatch(Character::isLetter) ? Truth.parse(t) : null;
        return b == null ? t : b ? "yes" : "no";
    }
}

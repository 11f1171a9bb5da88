package meshplay.modules.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import meshplay.engine.lang.Nearest;
import meshplay.modules.support.Lines;

/**
 * systemd .link files (systemd.link(5)): the valid [Match] and [Link] keys, a parser to sections of
 * key/value lists, a canonical renderer, and a comparison that ignores what systemd ignores
 * (comments, blank lines, spaces around '=', key order between different keys, yes/true/on spelling).
 */
final class LinkFile {
    private LinkFile() {
    }

    /** [Match] keys of systemd.link(5) (systemd 257, Debian 13 / PVE 9). */
    static final List<String> MATCH_KEYS = List.of("MACAddress", "PermanentMACAddress", "Path", "Driver", "Type", "Kind",
            "Property", "OriginalName", "Credential", "Host", "Virtualization", "KernelCommandLine", "KernelVersion",
            "Architecture", "Firmware");

    /** [Link] keys of systemd.link(5) (systemd 257, Debian 13 / PVE 9). */
    static final List<String> LINK_KEYS = List.of("Description", "Property", "ImportProperty", "UnsetProperty", "Alias",
            "MACAddressPolicy", "MACAddress", "NamePolicy", "Name", "AlternativeNamesPolicy", "AlternativeName",
            "TransmitQueues", "ReceiveQueues", "TransmitQueueLength", "MTUBytes", "BitsPerSecond", "Duplex",
            "AutoNegotiation", "WakeOnLan", "WakeOnLanPassword", "Port", "Advertise", "ReceiveChecksumOffload",
            "TransmitChecksumOffload", "TCPSegmentationOffload", "TCP6SegmentationOffload", "UDPSegmentationOffload",
            "GenericSegmentationOffload", "GenericReceiveOffload", "GenericReceiveOffloadHardware", "LargeReceiveOffload",
            "ReceivePacketSteeringCPUMask", "ReceiveVLANCTAGHardwareAcceleration", "TransmitVLANCTAGHardwareAcceleration",
            "ReceiveVLANCTAGFilter", "TransmitVLANSTAGHardwareAcceleration", "NTupleFilter", "RxChannels", "TxChannels",
            "OtherChannels", "CombinedChannels", "RxBufferSize", "RxMiniBufferSize", "RxJumboBufferSize", "TxBufferSize",
            "RxFlowControl", "TxFlowControl", "AutoNegotiationFlowControl", "GenericSegmentOffloadMaxBytes",
            "GenericSegmentOffloadMaxSegments", "UseAdaptiveRxCoalesce", "UseAdaptiveTxCoalesce", "RxCoalesceSec",
            "RxCoalesceIrqSec", "RxCoalesceLowSec", "RxCoalesceHighSec", "TxCoalesceSec", "TxCoalesceIrqSec",
            "TxCoalesceLowSec", "TxCoalesceHighSec", "RxMaxCoalescedFrames", "RxMaxCoalescedIrqFrames",
            "RxMaxCoalescedLowFrames", "RxMaxCoalescedHighFrames", "TxMaxCoalescedFrames", "TxMaxCoalescedIrqFrames",
            "TxMaxCoalescedLowFrames", "TxMaxCoalescedHighFrames", "CoalescePacketRateLow", "CoalescePacketRateHigh",
            "CoalescePacketRateSampleIntervalSec", "StatisticsBlockCoalesceSec", "MDI", "SR-IOVVirtualFunctions");

    /** Sections in file order; each maps a key to its values in order (a repeated key has several). */
    static Map<String, Map<String, List<String>>> parse(String text) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        StringBuilder pending = null;
        for (String raw : Lines.split(text)) {
            String line = Lines.body(raw);
            if (pending != null) {
                line = pending + line;
                pending = null;
            }
            String t = line.strip();
            if (t.endsWith("\\")) {
                pending = new StringBuilder(t.substring(0, t.length() - 1)).append(" ");
                continue;
            }
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) continue;
            if (t.startsWith("[") && t.endsWith("]")) {
                current = out.computeIfAbsent(t.substring(1, t.length() - 1).strip(), k -> new LinkedHashMap<>());
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) continue;
            if (current == null) current = out.computeIfAbsent("", k -> new LinkedHashMap<>());
            current.computeIfAbsent(t.substring(0, eq).strip(), k -> new ArrayList<>()).add(t.substring(eq + 1).strip());
        }
        return out;
    }

    /** [Match] then [Link], keys in the given order, one line per value, a blank line between sections. */
    static String render(Map<String, Map<String, List<String>>> sections) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Map<String, List<String>>> s : sections.entrySet()) {
            if (sb.length() > 0) sb.append('\n');
            sb.append('[').append(s.getKey()).append("]\n");
            s.getValue().forEach((k, values) -> values.forEach(v -> sb.append(k).append('=').append(v).append('\n')));
        }
        return sb.toString();
    }

    /** True when both describe the same configuration. */
    static boolean same(Map<String, Map<String, List<String>>> a, Map<String, Map<String, List<String>>> b) {
        return normalised(a).equals(normalised(b));
    }

    private static Map<String, Map<String, List<String>>> normalised(Map<String, Map<String, List<String>>> sections) {
        Map<String, Map<String, List<String>>> out = new TreeMap<>();
        sections.forEach((name, keys) -> {
            if (keys.isEmpty()) return;
            out.put(name, OptionValues.normalised(keys));
        });
        return out;
    }

    /**
     * A section from a playbook mapping: checks every key against {@code valid} and turns values into
     * text (booleans as yes/no, a list as one line per item). Throws IllegalArgumentException naming
     * the bad key and listing the valid ones.
     */
    static Map<String, List<String>> section(String section, Map<String, Object> given, List<String> valid) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!valid.contains(key)) {
                String near = nearest(key, valid);
                throw new IllegalArgumentException("'" + key + "' is not a [" + section + "] key"
                        + (near == null ? "" : " (did you mean '" + near + "'?)") + "; valid keys: " + String.join(", ", valid));
            }
            List<String> values = new ArrayList<>();
            if (e.getValue() instanceof List<?> list) {
                for (Object item : list) values.add(text(section, key, item));
            } else {
                values.add(text(section, key, e.getValue()));
            }
            out.put(key, values);
        }
        return out;
    }

    private static String text(String section, String key, Object value) {
        if (value == null) throw new IllegalArgumentException("[" + section + "] " + key + " has no value");
        if (value instanceof Map) throw new IllegalArgumentException("[" + section + "] " + key + " must be a value or a list of values, not a mapping");
        String t = value instanceof Boolean b ? (b ? "yes" : "no") : String.valueOf(value);
        if (t.contains("\n") || t.contains("\r")) throw new IllegalArgumentException("[" + section + "] " + key + " contains a line break");
        return t.strip();
    }

    private static String nearest(String key, List<String> valid) {
        return Nearest.of(valid, v -> Nearest.editDistance(key.toLowerCase(), v.toLowerCase()), 3);
    }
}

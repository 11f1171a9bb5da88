package meshplay.modules.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An authorized_keys file as Ansible's authorized_key module reads and writes it: each line is a key
 * (options, type, base64 body, comment) known by its body, or a line kept as it is (comments, blank
 * and unparsable lines). Written back in rank order; a key without a comment keeps the trailing
 * space Ansible writes.
 */
final class AuthorizedKeys {
    private static final Set<String> TYPES = Set.of("sk-ecdsa-sha2-nistp256@openssh.com", "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "webauthn-sk-ecdsa-sha2-nistp256@openssh.com", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521",
            "ecdsa-sha2-nistp521-cert-v01@openssh.com", "sk-ssh-ed25519@openssh.com", "sk-ssh-ed25519-cert-v01@openssh.com",
            "ssh-ed25519", "ssh-ed25519-cert-v01@openssh.com", "ssh-dss", "ssh-rsa", "ssh-xmss@openssh.com",
            "ssh-xmss-cert-v01@openssh.com", "rsa-sha2-256", "rsa-sha2-512", "ssh-rsa-cert-v01@openssh.com",
            "rsa-sha2-256-cert-v01@openssh.com", "rsa-sha2-512-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com");
    private static final Pattern OPTION = Pattern.compile("(?:[^,\"']|\"[^\"]*\"|'[^']*')+");

    /** One line: a key ({@code type} set) or a kept line ({@code type} null, {@code body} the line). */
    record Entry(String body, String type, List<String[]> options, String comment, int rank) {
        boolean isKey() {
            return type != null;
        }

        /** Equal as Ansible compares keys: body, type, options (by name, values in order) and comment. */
        boolean sameAs(Entry other) {
            return body.equals(other.body) && type.equals(other.type) && optionMap(options).equals(optionMap(other.options))
                    && comment.equals(other.comment);
        }

        Entry withRank(int r) {
            return new Entry(body, type, options, comment, r);
        }

        Entry withOptions(List<String[]> o) {
            return new Entry(body, type, o, comment, rank);
        }

        Entry withComment(String c) {
            return new Entry(body, type, options, c, rank);
        }

        String line() {
            if (!isKey()) return body;
            StringBuilder out = new StringBuilder();
            if (!options.isEmpty()) {
                List<String> parts = new ArrayList<>();
                for (String[] o : options) parts.add(o[1] == null ? o[0] : o[0] + "=" + o[1]);
                out.append(String.join(",", parts)).append(' ');
            }
            return out.append(type).append(' ').append(body).append(' ').append(comment).append('\n').toString();
        }
    }

    private AuthorizedKeys() {
    }

    /** One key line, or null when it holds no key of a known type. A line starting with '#' is kept as it is. */
    static Entry parseKey(String raw, int rank) {
        String line = raw.replace("\\#", "#");
        String[] parts = line.strip().isEmpty() ? new String[0] : line.strip().split("\\s+");
        if (parts.length > 0 && parts[0].equals("#")) return new Entry(line, null, List.of(), null, rank);
        int typeIndex = -1;
        for (int i = 0; i < parts.length; i++) {
            if (TYPES.contains(parts[i])) {
                typeIndex = i;
                break;
            }
        }
        if (typeIndex < 0 || typeIndex + 1 >= parts.length) return null;
        List<String[]> options = typeIndex == 0 ? List.of() : options(String.join(" ", List.of(parts).subList(0, typeIndex)));
        String comment = String.join(" ", List.of(parts).subList(typeIndex + 2, parts.length));
        return new Entry(parts[typeIndex + 1], parts[typeIndex], options, comment, rank);
    }

    /** ssh key options "a,b=c,d=\"x,y\"" as name/value pairs (value null for a flag), in order. */
    static List<String[]> options(String text) {
        List<String[]> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        Matcher m = OPTION.matcher(text);
        while (m.find()) {
            String part = m.group();
            int eq = part.indexOf('=');
            out.add(eq < 0 ? new String[] {part, null} : new String[] {part.substring(0, eq), part.substring(eq + 1)});
        }
        return out;
    }

    /** The file's lines by identity (a key's body, or the kept line itself), as Ansible's parsekeys. */
    static LinkedHashMap<String, Entry> parseFile(String content) {
        LinkedHashMap<String, Entry> keys = new LinkedHashMap<>();
        int rank = 0;
        for (String line : content.split("(?<=\n)")) {
            if (line.isEmpty()) continue;
            Entry e = parseKey(line, rank);
            keys.put(e == null ? line : e.body(), e == null ? new Entry(line, null, List.of(), null, rank) : e);
            rank++;
        }
        return keys;
    }

    static String serialize(Map<String, Entry> keys) {
        StringBuilder out = new StringBuilder();
        keys.values().stream().sorted(Comparator.comparingInt(Entry::rank)).forEach(e -> out.append(e.line()));
        return out.toString();
    }

    private static Map<String, List<String>> optionMap(List<String[]> options) {
        Map<String, List<String>> m = new HashMap<>();
        for (String[] o : options) m.computeIfAbsent(o[0], k -> new ArrayList<>()).add(o[1]);
        return m;
    }
}

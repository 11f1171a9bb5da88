package meshplay.engine.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;

/**
 * Ansible host patterns. Terms are separated by ',' (or by ':' when there is no ','); a term is a
 * group or host name, {@code all} or {@code *}, a wildcard ({@code web*}), a regex ({@code ~web\d+}),
 * optionally with a subscript ({@code g[0]}, {@code g[-1]}, {@code g[0:2]}, {@code g[1:]}; as in
 * Ansible, the end of a range is inclusive). Plain terms are united first, then {@code &term}s
 * intersect, then {@code !term}s exclude; a pattern of only exclusions starts from all.
 */
final class HostPattern {
    /** How terms are resolved to host lists; implemented by the inventory. */
    interface Hosts {
        List<String> all();

        /** Names of every group. */
        Iterable<String> groupNames();

        List<String> hostsOf(String group);

        /** Host names that exist, including an implicit localhost when asked for by name. */
        boolean isHost(String name);
    }

    private static final Pattern SUBSCRIPT = Pattern.compile("^(.+)\\[(?:(-?\\d+)|(\\d*):(-?\\d*))]$");

    private HostPattern() {
    }

    static List<String> match(String pattern, Hosts hosts) {
        List<String> terms = split(pattern);
        List<String> plain = terms.stream().filter(t -> !t.startsWith("&") && !t.startsWith("!")).toList();
        Set<String> result = new LinkedHashSet<>();
        for (String t : plain.isEmpty() ? List.of("all") : plain) result.addAll(term(t, hosts));
        for (String t : terms) if (t.startsWith("&")) result.retainAll(new LinkedHashSet<>(term(t.substring(1), hosts)));
        for (String t : terms) if (t.startsWith("!")) term(t.substring(1), hosts).forEach(result::remove);
        return new ArrayList<>(result);
    }

    static List<String> split(String pattern) {
        List<String> out = new ArrayList<>();
        if (pattern.indexOf(',') >= 0) {
            for (String p : pattern.split(",")) if (!p.isBlank()) out.add(p.strip());
            return out;
        }
        StringBuilder current = new StringBuilder();
        int brackets = 0;
        boolean regex = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (current.length() == 0 || (current.length() == 1 && "&!".indexOf(current.charAt(0)) >= 0)) regex = c == '~';
            if (c == '[') brackets++;
            if (c == ']') brackets = Math.max(0, brackets - 1);
            if (c == ':' && brackets == 0 && !regex) {
                if (!current.toString().isBlank()) out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) out.add(current.toString().strip());
        return out;
    }

    private static List<String> term(String term, Hosts hosts) {
        Matcher m = SUBSCRIPT.matcher(term);
        if (m.matches() && !term.startsWith("~")) return subscript(names(m.group(1), hosts), m);
        return names(term, hosts);
    }

    private static List<String> names(String term, Hosts hosts) {
        if (term.equals("all") || term.equals("*")) return hosts.all();
        Set<String> out = new LinkedHashSet<>();
        if (term.startsWith("~")) {
            Pattern regex = compile(term.substring(1));
            for (String g : hosts.groupNames()) if (regex.matcher(g).lookingAt()) out.addAll(hosts.hostsOf(g));
            for (String h : hosts.all()) if (regex.matcher(h).lookingAt()) out.add(h);
        } else if (term.indexOf('*') >= 0 || term.indexOf('?') >= 0) {
            Pattern glob = Pattern.compile(globToRegex(term));
            for (String g : hosts.groupNames()) if (glob.matcher(g).matches()) out.addAll(hosts.hostsOf(g));
            for (String h : hosts.all()) if (glob.matcher(h).matches()) out.add(h);
        } else {
            out.addAll(hosts.hostsOf(term));
            if (hosts.isHost(term)) out.add(term);
        }
        return new ArrayList<>(out);
    }

    private static List<String> subscript(List<String> list, Matcher m) {
        if (m.group(2) != null) {
            int i = Integer.parseInt(m.group(2));
            int index = i < 0 ? list.size() + i : i;
            return index >= 0 && index < list.size() ? List.of(list.get(index)) : List.of();
        }
        int start = m.group(3).isEmpty() ? 0 : Integer.parseInt(m.group(3));
        int end = m.group(4).isEmpty() ? list.size() - 1 : Integer.parseInt(m.group(4));
        if (end < 0) end = list.size() + end;
        end = Math.min(end, list.size() - 1);
        return start > end ? List.of() : list.subList(start, end + 1);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UserError(Origin.of("host pattern"), "invalid regular expression in host pattern '~" + regex + "': " + e.getDescription(),
                    "check the expression after '~'", meshplay.engine.error.ExitCode.BAD_OPTIONS);
        }
    }

    /** fnmatch: * any run, ? one character, everything else literal. */
    private static String globToRegex(String glob) {
        StringBuilder out = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') out.append(".*");
            else if (c == '?') out.append('.');
            else out.append(Pattern.quote(String.valueOf(c)));
        }
        return out.toString();
    }
}

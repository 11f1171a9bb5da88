package meshplay.engine.connect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import meshplay.engine.lang.ShellWords;

/**
 * The OpenSSH command-line options in Ansible's ssh_args / ansible_ssh_common_args /
 * ansible_ssh_extra_args texts, split as Ansible splits them (shlex). {@code -o Name=Value},
 * {@code -o "Name Value"} and {@code -oName=Value} are read into options; as in ssh, the first value
 * of an option wins ({@code names}: the options as first written). Everything else (-C, -F file, -i key, ...) is kept in {@link #ignored()}: meshplay
 * is not the ssh binary and reads only the options it knows.
 */
public record SshArgs(Map<String, String> options, List<String> names, List<String> ignored) {
    /** The options meshplay carries out; every other one is ignored. */
    static final Set<String> USED = Set.of("userknownhostsfile", "stricthostkeychecking");

    /** ssh flags that take the next word as their argument. */
    private static final Set<String> WITH_ARGUMENT = Set.of("-B", "-b", "-c", "-D", "-E", "-e", "-F", "-I", "-i", "-J", "-L",
            "-l", "-m", "-O", "-p", "-Q", "-R", "-S", "-W", "-w");

    /** Parses the texts in order (null ones are skipped); option names are looked up case-insensitively. */
    public static SshArgs parse(List<String> texts) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String text : texts) {
            if (text == null || text.isBlank()) continue;
            List<String> words;
            try {
                words = ShellWords.split(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read the ssh arguments '" + text + "': " + e.getMessage());
            }
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                String option = null;
                if (w.equals("-o") && i + 1 < words.size()) option = words.get(++i);
                else if (w.startsWith("-o") && w.length() > 2) option = w.substring(2);
                if (option == null) {
                    if (WITH_ARGUMENT.contains(w) && i + 1 < words.size()) w = w + " " + words.get(++i);
                    ignored.add(w);
                    continue;
                }
                String o = option.strip();
                int cut = indexOfSeparator(o);
                String name = cut < 0 ? o : o.substring(0, cut);
                String value = cut < 0 ? "" : o.substring(cut + 1).strip();
                if (value.startsWith("=")) value = value.substring(1).strip();
                if (options.putIfAbsent(name.toLowerCase(Locale.ROOT), value) == null) names.add(name);
            }
        }
        return new SshArgs(Map.copyOf(options), List.copyOf(names), List.copyOf(ignored));
    }

    /**
     * What of an ssh arguments text meshplay does not carry out (flags and -o options other than
     * UserKnownHostsFile and StrictHostKeyChecking), for a notice.
     */
    public static List<String> unused(String text) {
        SshArgs a = parse(java.util.Collections.singletonList(text));
        List<String> out = new ArrayList<>(a.ignored());
        a.names().stream().filter(n -> !USED.contains(n.toLowerCase(Locale.ROOT))).forEach(n -> out.add("-o " + n));
        return out;
    }

    /** The value of an option (any case), or null when none of the texts sets it. */
    public String option(String name) {
        return options.get(name.toLowerCase(Locale.ROOT));
    }

    private static int indexOfSeparator(String option) {
        for (int i = 0; i < option.length(); i++) {
            char c = option.charAt(i);
            if (c == '=' || Character.isWhitespace(c)) return i;
        }
        return -1;
    }
}

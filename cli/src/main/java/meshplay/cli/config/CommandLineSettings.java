package meshplay.cli.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Which settings the command line gave (those options win over the environment and ansible.cfg), read
 * from picocli's parse result by option name, so an option left out falls through to the config.
 */
public final class CommandLineSettings {
    // --vault-password-file is not here: VaultOptions takes it, and DEFAULT_VAULT_PASSWORD_FILE is the
    // configured file (environment or ansible.cfg), tried after the command line's as in Ansible

    private static final Map<String, Setting> OPTIONS = Map.ofEntries(
            Map.entry("--inventory", Setting.DEFAULT_HOST_LIST),
            Map.entry("--forks", Setting.DEFAULT_FORKS),
            Map.entry("--user", Setting.DEFAULT_REMOTE_USER),
            Map.entry("--private-key", Setting.DEFAULT_PRIVATE_KEY_FILE),
            Map.entry("--timeout", Setting.DEFAULT_TIMEOUT),
            Map.entry("--ask-pass", Setting.DEFAULT_ASK_PASS),
            Map.entry("--become", Setting.DEFAULT_BECOME),
            Map.entry("--become-user", Setting.DEFAULT_BECOME_USER),
            Map.entry("--become-method", Setting.DEFAULT_BECOME_METHOD),
            Map.entry("--ask-become-pass", Setting.DEFAULT_BECOME_ASK_PASS),
            Map.entry("--connection", Setting.DEFAULT_TRANSPORT),
            Map.entry("--force-handlers", Setting.DEFAULT_FORCE_HANDLERS));

    private CommandLineSettings() {
    }

    /** The settings given on this command line; paths are made absolute against the working directory. */
    public static Map<Setting, EffectiveConfig.CommandLineValue> of(ParseResult parsed, ProcessEnv env) {
        Map<Setting, EffectiveConfig.CommandLineValue> out = new EnumMap<>(Setting.class);
        for (Map.Entry<String, Setting> e : OPTIONS.entrySet()) {
            OptionSpec option = parsed.matchedOption(e.getKey());
            if (option == null) continue;
            Object value = value(e.getValue(), option.getValue(), env);
            if (value != null) out.put(e.getValue(), new EffectiveConfig.CommandLineValue(value, e.getKey()));
        }
        return out;
    }

    private static Object value(Setting s, Object given, ProcessEnv env) {
        if (given instanceof List<?> l && s.type != Setting.Type.PATHLIST) given = l.isEmpty() ? null : l.get(l.size() - 1);
        if (given == null) return null;
        return switch (s.type) {
            case PATH -> env.resolve(given.toString());
            case PATHLIST -> sources((List<?>) given, env);
            default -> given;
        };
    }

    /** -i sources: a file or directory relative to the working directory; a host list (h1,h2,) as given. */
    private static List<String> sources(List<?> given, ProcessEnv env) {
        List<String> out = new ArrayList<>();
        for (Object o : given) {
            String s = o.toString();
            Path p = env.resolve(s);
            out.add(Files.exists(p) ? p.toString() : s);
        }
        return out;
    }
}

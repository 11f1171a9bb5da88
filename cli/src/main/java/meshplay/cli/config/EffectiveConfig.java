package meshplay.cli.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.lang.Truth;
import meshplay.engine.yaml.Origin;

/**
 * The settings a run uses and where each came from, resolved as Ansible does: command line, then
 * environment, then the config file, then the default. Values are typed ({@link Setting.Type}); a value
 * that does not fit its type is an error naming the file and line or the variable (exit 5). Keys of the
 * file that meshplay does not use are kept as notices, never errors.
 */
public final class EffectiveConfig {
    /** A resolved value: Boolean, Integer, String, Path, List&lt;Path&gt; (or a List&lt;String&gt; from -i), or null. */
    public record Value(Setting setting, Object value, String origin, boolean isDefault) {
    }

    /** A value given on the command line, with the option that gave it. */
    public record CommandLineValue(Object value, String option) {
    }

    /** Sections whose keys tune Ansible's ssh binary; meshplay speaks SSH itself and ignores them. */
    private static final Set<String> SSH_SECTIONS = Set.of("ssh_connection", "connection", "persistent_connection", "paramiko_connection");

    private final Path file;
    private final Map<Setting, Value> values;
    private final List<String> warnings;
    private final List<String> ignored;
    private final List<String> unused;

    private EffectiveConfig(Path file, Map<Setting, Value> values, List<String> warnings, List<String> ignored, List<String> unused) {
        this.file = file;
        this.values = values;
        this.warnings = warnings;
        this.ignored = ignored;
        this.unused = unused;
    }

    /** Finds and reads the config file (see {@link ConfigFileLocator}) and resolves every setting. */
    public static EffectiveConfig load(ProcessEnv env, Map<Setting, CommandLineValue> commandLine) {
        ConfigFileLocator.Found found = ConfigFileLocator.find(env);
        IniFile ini = found.file() == null ? null : IniFile.read(found.file());
        return resolve(env, ini, commandLine, found.warning());
    }

    static EffectiveConfig resolve(ProcessEnv env, IniFile ini, Map<Setting, CommandLineValue> commandLine, String warning) {
        Map<Setting, Value> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) values.put(s, resolve(s, env, ini, commandLine.get(s)));
        List<String> warnings = new ArrayList<>();
        if (warning != null) warnings.add(warning);
        List<String> ignored = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        if (ini != null) {
            for (IniFile.Entry e : ini.entries()) {
                if (Setting.at(e.section(), e.key()) != null) continue;
                String where = "[" + e.section() + "] " + e.key() + " (line " + e.origin().line() + ")";
                if (SSH_SECTIONS.contains(e.section())) {
                    ignored.add(where);
                } else if (e.key().startsWith("become") && e.section().equals("defaults") && Setting.at("privilege_escalation", e.key()) != null) {
                    unused.add(where + ": Ansible reads it only under [privilege_escalation]");
                } else {
                    unused.add(where);
                }
            }
        }
        return new EffectiveConfig(ini == null ? null : ini.file(), values, List.copyOf(warnings), List.copyOf(ignored), List.copyOf(unused));
    }

    private static Value resolve(Setting s, ProcessEnv env, IniFile ini, CommandLineValue cli) {
        if (cli != null) return new Value(s, cli.value(), "command line (" + cli.option() + ")", false);
        for (String name : s.envVars) {
            String text = env.get(name);
            if (text != null) return new Value(s, convert(s, text, env, env.cwd(), Origin.of("environment variable " + name)), "env: " + name, false);
        }
        if (ini != null) {
            for (Setting.Key k : s.keys) {
                IniFile.Entry e = ini.get(k.section(), k.key());
                if (e != null) {
                    Object v = convert(s, e.value(), env, ini.file().toAbsolutePath().getParent(), e.origin());
                    return new Value(s, v, e.origin().file() + ":" + e.origin().line(), false);
                }
            }
        }
        Object v = s.defaultText == null ? null : convert(s, s.defaultText, env, env.cwd(), Origin.of("default of " + s.name()));
        if (s == Setting.DEFAULT_HOST_LIST) v = ((List<?>) v).stream().filter(p -> Files.exists((Path) p)).toList();
        return new Value(s, v, "default", true);
    }

    /** Ansible's ensure_type() for one setting's text. */
    static Object convert(Setting s, String text, ProcessEnv env, Path base, Origin origin) {
        Object v = switch (s.type) {
            case BOOL -> {
                try {
                    yield Truth.toBool(text);
                } catch (IllegalArgumentException e) {
                    throw bad(s, origin, "'" + text + "' is not a boolean", "use True or False (also yes/no, on/off, 1/0)");
                }
            }
            case INT -> {
                try {
                    yield Integer.valueOf(text.strip());
                } catch (NumberFormatException e) {
                    throw bad(s, origin, "'" + text + "' is not a whole number", "write a number such as " + s.defaultText);
                }
            }
            case STRING -> unquote(text.strip());
            case PATH -> text.isBlank() ? null : Paths.expand(text.strip(), env, base);
            case PATHLIST -> paths(text, ",", env, base);
            case PATHSPEC -> paths(text, ":", env, base);
        };
        if (!s.choices.isEmpty() && v != null && !s.choices.contains(v)) {
            throw bad(s, origin, "'" + v + "' is not one of " + String.join(", ", s.choices), s.description);
        }
        return v;
    }

    private static List<Path> paths(String text, String separator, ProcessEnv env, Path base) {
        List<Path> out = new ArrayList<>();
        for (String part : text.split(java.util.regex.Pattern.quote(separator))) {
            if (!part.isBlank()) out.add(Paths.expand(part.strip(), env, base));
        }
        return List.copyOf(out);
    }

    /** Ansible's unquote(): one pair of matching surrounding quotes is removed. */
    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static UserError bad(Setting s, Origin origin, String what, String hint) {
        return new UserError(origin, "invalid value for " + s.name() + ": " + what, hint, ExitCode.BAD_OPTIONS);
    }

    /** The config file read, or null when none was found. */
    public Path file() {
        return file;
    }

    public Value value(Setting s) {
        return values.get(s);
    }

    public Object get(Setting s) {
        return values.get(s).value();
    }

    public boolean isSet(Setting s) {
        return !values.get(s).isDefault();
    }

    public boolean bool(Setting s) {
        return (Boolean) get(s);
    }

    public int integer(Setting s) {
        return (Integer) get(s);
    }

    public String string(Setting s) {
        return (String) get(s);
    }

    public Path path(Setting s) {
        return (Path) get(s);
    }

    /** A list setting as text: paths as absolute paths, command-line values as given. */
    public List<String> strings(Setting s) {
        Object v = get(s);
        if (v == null) return List.of();
        return ((List<?>) v).stream().map(String::valueOf).toList();
    }

    /** Every setting in catalogue order. */
    public List<Value> values() {
        return List.copyOf(values.values());
    }

    /**
     * The settings as {@code ansible-config dump} shows them, always with their origin:
     * {@code DEFAULT_FORKS(/repo/ansible.cfg:4) = 3}; {@code onlyChanged} leaves out the defaults.
     */
    public List<String> dump(boolean onlyChanged) {
        List<String> out = new ArrayList<>();
        out.add("CONFIG_FILE(" + (file == null ? "default" : "found") + ") = " + (file == null ? "None" : file));
        for (Value v : values.values()) {
            if (onlyChanged && v.isDefault()) continue;
            out.add(v.setting().name() + "(" + v.origin() + ") = " + show(v.value()));
        }
        return out;
    }

    /** A value as Ansible prints it: True/False, None, ['a', 'b']. */
    private static String show(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof List<?> l) return "[" + String.join(", ", l.stream().map(x -> "'" + x + "'").toList()) + "]";
        return String.valueOf(v);
    }

    /** What to tell the user: warnings always; the ignored ssh settings always, in one line; unused keys with -v. */
    public List<String> notices(int verbosity) {
        Set<String> out = new LinkedHashSet<>(warnings);
        if (!ignored.isEmpty()) {
            out.add(file + ": ignored (meshplay keeps one SSH session per host itself): " + String.join(", ", ignored));
        }
        if (verbosity >= 1 && !unused.isEmpty()) {
            out.add(file + ": not used by meshplay: " + String.join(", ", unused));
        }
        return List.copyOf(out);
    }
}

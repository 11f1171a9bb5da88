package meshplay.cli.config;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Path values as Ansible reads them from its config (resolve_path/unfrackpath): $VAR and ${VAR}
 * expanded from the environment (unknown ones left as written), a leading ~ is the home directory,
 * and a relative path is relative to a base: the config file's directory for values from the file,
 * the working directory for values from the environment.
 */
final class Paths {
    private static final Pattern VAR = Pattern.compile("\\$(\\w+|\\{[^}]*})");

    private Paths() {
    }

    static Path expand(String text, ProcessEnv env, Path base) {
        Matcher m = VAR.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).startsWith("{") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
            String value = env.get(name);
            m.appendReplacement(b, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(b);
        String s = b.toString();
        if (s.equals("~")) return env.home();
        if (s.startsWith("~/")) return env.home().resolve(s.substring(2)).normalize();
        return base.resolve(s).normalize();
    }
}

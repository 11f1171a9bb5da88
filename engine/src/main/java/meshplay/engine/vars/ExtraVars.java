package meshplay.engine.vars;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.vault.Vault;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;
import meshplay.engine.yaml.YamlLoader;
import meshplay.engine.yaml.VarsFile;

/**
 * Parses -e / --extra-vars values as ansible-playbook does: "k=v k2='v 2'" (values are strings),
 * a JSON or YAML mapping ("{...}"), or "@file.yml" / "@file.json". The values are trusted text the
 * user wrote, so they stay YNode and are templated when read. As in Ansible, YAML that cannot be read
 * (a syntax error, an alias bomb) is a parse error (exit 4); a value of the wrong shape is a bad option (exit 5).
 */
public final class ExtraVars {
    public static final String ORIGIN = "<extra-vars>";

    private ExtraVars() {
    }

    /** Several -e options in order; a later one overrides an earlier one. */
    public static Map<String, YNode> parseAll(List<String> options, Path baseDir) {
        return parseAll(options, baseDir, Vault.NONE);
    }

    /** The same; an @file may be vault-encrypted or hold !vault values, decrypted with {@code vault}. */
    public static Map<String, YNode> parseAll(List<String> options, Path baseDir, Vault vault) {
        Map<String, YNode> out = new LinkedHashMap<>();
        for (String o : options) out.putAll(parse(o, baseDir, vault));
        return out;
    }

    /** One -e option; {@code baseDir} resolves relative @file paths. */
    public static Map<String, YNode> parse(String option, Path baseDir) {
        return parse(option, baseDir, Vault.NONE);
    }

    private static Map<String, YNode> parse(String option, Path baseDir, Vault vault) {
        String s = option == null ? "" : option.strip();
        if (s.isEmpty()) return Map.of();
        if (s.startsWith("@")) return file(s.substring(1), baseDir, vault);
        if (s.startsWith("{") || s.startsWith("[")) return mapping(YamlLoader.loadString(s, ORIGIN, vault), ORIGIN, s);
        return keyValues(s);
    }

    private static Map<String, YNode> file(String name, Path baseDir, Vault vault) {
        Path p = Path.of(name);
        if (!p.isAbsolute() && baseDir != null) p = baseDir.resolve(p);
        Path file = p;
        if (!Files.isRegularFile(file)) {
            throw new UserError(Origin.of(ORIGIN), "cannot read extra vars file " + file + ": no such file",
                "give an existing file: -e @vars.yml", ExitCode.BAD_OPTIONS);
        }
        YNode root = YamlLoader.loadFile(file, vault);
        if (root == null) return Map.of();
        return mapping(root, file.toString(), name);
    }

    private static Map<String, YNode> mapping(YNode root, String source, String given) {
        if (!(root instanceof YMap m)) {
            throw new UserError(root == null ? Origin.of(source) : root.origin(),
                "extra vars must be a mapping of names to values, got: " + given,
                "use -e 'name=value', -e '{\"name\": \"value\"}' or -e @file.yml", ExitCode.BAD_OPTIONS);
        }
        for (String name : m.entries().keySet()) {
            if (!VarsFile.isVariableName(name)) {
                throw new UserError(m.keyOrigin(name), "extra vars: '" + name + "' is not a valid variable name",
                    "names start with a letter or _ and contain letters, digits and _", ExitCode.BAD_OPTIONS);
            }
        }
        return new LinkedHashMap<>(m.entries());
    }

    /** "k=v k2='v 2' k3=\"x y\"": shell-like words, each name=value; values stay strings. */
    static Map<String, YNode> keyValues(String s) {
        Map<String, YNode> out = new LinkedHashMap<>();
        for (String word : words(s)) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new UserError(Origin.of(ORIGIN), "extra vars: '" + word + "' is not name=value",
                    "use -e 'name=value other=value', -e '{\"name\": 1}' or -e @file.yml", ExitCode.BAD_OPTIONS);
            }
            String name = word.substring(0, eq);
            if (!VarsFile.isVariableName(name)) {
                throw new UserError(Origin.of(ORIGIN), "extra vars: '" + name + "' is not a valid variable name",
                    "names start with a letter or _ and contain letters, digits and _", ExitCode.BAD_OPTIONS);
            }
            String value = word.substring(eq + 1);
            out.put(name, new YScalar(value, value, true, Origin.of(ORIGIN)));
        }
        return out;
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < s.length()) cur.append(s.charAt(++i));
                else cur.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
            } else {
                cur.append(c);
            }
        }
        if (quote != 0) {
            throw new UserError(Origin.of(ORIGIN), "extra vars: unclosed quote in: " + s, null, ExitCode.BAD_OPTIONS);
        }
        if (any || cur.length() > 0) out.add(cur.toString());
        return out;
    }
}

package meshplay.engine.yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import meshplay.engine.error.UserError;
import meshplay.engine.vault.Vault;

/**
 * Reads a file of variables (vars_files, role defaults/vars, group_vars, host_vars): a mapping of valid
 * variable names; a play's vars_files entry may also be a list of such mappings, as in Ansible.
 */
public final class VarsFile {
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private VarsFile() {
    }

    /** The file's variables; an empty file gives an empty mapping. Vault data in it is an error (no password). */
    public static YMap load(Path file) {
        return load(file, Vault.NONE);
    }

    /** The file's variables, the file or its !vault values decrypted with {@code vault}. */
    public static YMap load(Path file, Vault vault) {
        return of(YamlLoader.loadFile(file, vault), file);
    }

    private static YMap of(YNode root, Path file) {
        if (root == null) return empty(file);
        if (!(root instanceof YMap map)) {
            throw new UserError(root.origin(), "a vars file must be a mapping of variable names to values, got "
                    + (root instanceof YList ? "a list" : "'" + ((YScalar) root).text() + "'"),
                    "write one 'name: value' per line, without a leading '- '");
        }
        checkNames(map);
        return map;
    }

    /**
     * A play's vars_files entry: a mapping, or (as Ansible's preprocess_vars allows there) a list of
     * mappings whose variables are merged in order, a later one winning.
     */
    public static YMap loadPlayVars(Path file, Vault vault) {
        YNode root = YamlLoader.loadFile(file, vault);
        if (!(root instanceof YList list)) return load(file, vault);
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, Origin> keyOrigins = new LinkedHashMap<>();
        for (YNode item : list.items()) {
            if (!(item instanceof YMap map)) {
                throw new UserError(item.origin(), "a vars file must be a mapping of variable names to values, or a list of such mappings",
                        "write one 'name: value' per line, or make each item of the list a mapping");
            }
            checkNames(map);
            for (String k : map.entries().keySet()) {
                entries.remove(k);
                entries.put(k, map.entries().get(k));
                keyOrigins.put(k, map.keyOrigin(k));
            }
        }
        return new YMap(entries, keyOrigins, list.origin());
    }

    /** Fails at the first key that is not a valid variable name. */
    public static void checkNames(YMap vars) {
        for (String name : vars.entries().keySet()) {
            if (!isVariableName(name)) {
                throw new UserError(vars.keyOrigin(name), "invalid variable name '" + name + "'",
                        "variable names use letters, digits and _ and do not start with a digit, e.g. " + name.replaceAll("[^A-Za-z0-9_]", "_"));
            }
        }
    }

    public static boolean isVariableName(String name) {
        return VARIABLE_NAME.matcher(name).matches();
    }

    /** NAME.yml, NAME.yaml, NAME.json or NAME in {@code dir}, the first that is a file, or null. */
    public static Path firstExisting(Path dir, String name) {
        for (String candidate : List.of(name + ".yml", name + ".yaml", name + ".json", name)) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    public static YMap empty(Path where) {
        return new YMap(Map.of(), Map.of(), Origin.of(where.toString()));
    }
}

package meshplay.engine.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.vault.Vault;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.VaultData;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YamlLoader;

/**
 * Builds the {@link Inventory} from -i sources: INI or YAML files, directories of such files, or a
 * comma-separated host list ("h1,h2," as in Ansible). group_vars/ and host_vars/ are read beside each
 * source (for a directory: inside it) and beside the playbook; see {@link StaticInventory} for precedence.
 * Vault-encrypted inventory and vars files, and inline !vault values, are decrypted with the given {@link Vault}.
 */
public final class InventoryLoader {
    /** Files in an inventory directory that are not inventories (backups, docs, editor files). */
    private static final List<String> IGNORED_SUFFIXES = List.of("~", ".orig", ".bak", ".cfg", ".retry", ".pyc", ".pyo", ".swp",
            ".md", ".txt", ".rst", ".rpm");

    private InventoryLoader() {
    }

    /** {@code playbookDir} may be null when there is no playbook (ad-hoc use, --list-hosts of an inventory). */
    public static Inventory load(List<String> sources, Path playbookDir) {
        return load(sources, playbookDir, Vault.NONE, null);
    }

    /** The same, decrypting vault data with {@code vault}. */
    public static Inventory load(List<String> sources, Path playbookDir, Vault vault) {
        return load(sources, playbookDir, vault, null);
    }

    /**
     * As {@link #load(List, Path, Vault)}; with {@code warnings} given, a source that does not exist is
     * not an error but a warning (as in ansible-playbook), and the inventory is then what the others
     * define, or only the implicit localhost.
     */
    public static Inventory load(List<String> sources, Path playbookDir, Vault vault, java.util.function.Consumer<String> warnings) {
        InventoryData data = new InventoryData();
        boolean parsedAny = sources.isEmpty();
        List<Path> varsDirs = new ArrayList<>();
        for (String source : sources) {
            Path path = Path.of(source);
            if (Files.isDirectory(path)) {
                loadDirectory(path, data, vault);
                varsDirs.add(path);
            } else if (Files.isRegularFile(path)) {
                loadFile(path, data, vault);
                varsDirs.add(path.toAbsolutePath().getParent());
            } else if (source.contains(",")) {
                for (String host : source.split(",")) if (!host.isBlank()) data.addHost(host.strip(), InventoryData.UNGROUPED);
            } else if (warnings != null) {
                warnings.accept("Unable to parse " + path.toAbsolutePath() + " as an inventory source");
                continue;
            } else {
                throw new UserError(Origin.of(source), "inventory not found: " + source,
                        "give an inventory file or directory, or a host list such as 'host1,host2,'", ExitCode.BAD_OPTIONS);
            }
            parsedAny = true;
        }
        if (!parsedAny) warnings.accept("No inventory was parsed, only implicit localhost is available");
        if (playbookDir != null) varsDirs.add(playbookDir);
        List<Path> distinct = varsDirs.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        return new StaticInventory(data, distinct.stream().map(d -> new VarsDirectory(d.resolve("group_vars"), vault)).toList(),
                distinct.stream().map(d -> new VarsDirectory(d.resolve("host_vars"), vault)).toList());
    }

    /** Parses one inventory file: YAML for .yml/.yaml/.json or a file that starts like YAML, INI otherwise. */
    static void loadFile(Path file, InventoryData data, Vault vault) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(Origin.of(file.toString()), "cannot read inventory " + file + ": " + e.getMessage(), null, ExitCode.BAD_OPTIONS);
        }
        boolean encrypted = VaultData.isVault(text);
        if (encrypted) text = VaultData.decryptFile(text, file, vault);
        if (isYaml(file, text)) {
            YNode root = YamlLoader.loadString(text, file.toString(), vault);
            if (encrypted) VaultData.reveal(root, vault);
            YamlInventoryParser.parse(root, file.toString(), data);
        } else {
            if (encrypted) revealIniValues(text, vault);
            IniInventoryParser.parse(text, file.toString(), data);
        }
        for (String host : data.hosts.keySet()) data.sources.putIfAbsent(host, file.toAbsolutePath().normalize());
    }

    /** The values of an encrypted INI inventory's key=value words are secrets for output. */
    private static void revealIniValues(String text, Vault vault) {
        for (String word : text.split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) vault.revealed().add(word.substring(eq + 1).replaceAll("^[\"']|[\"']$", ""));
        }
    }

    private static boolean isYaml(Path file, String text) {
        String name = file.getFileName().toString();
        if (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json")) return true;
        for (String line : text.lines().toList()) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) continue;
            return t.equals("---") || t.startsWith("{") || t.matches("[A-Za-z0-9_.-]+:(\\s.*)?");
        }
        return false;
    }

    private static void loadDirectory(Path dir, InventoryData data, Vault vault) {
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.sorted().toList();
        } catch (IOException e) {
            throw new UserError(Origin.of(dir.toString()), "cannot read inventory directory " + dir + ": " + e.getMessage(), null, ExitCode.BAD_OPTIONS);
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            if (name.startsWith(".") || IGNORED_SUFFIXES.stream().anyMatch(name::endsWith)) continue;
            if (Files.isDirectory(p)) {
                if (!name.equals("group_vars") && !name.equals("host_vars")) loadDirectory(p, data, vault);
            } else {
                loadFile(p, data, vault);
            }
        }
    }
}

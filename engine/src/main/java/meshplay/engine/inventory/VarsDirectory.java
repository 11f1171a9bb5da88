package meshplay.engine.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import meshplay.engine.error.UserError;
import meshplay.engine.vault.Vault;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.VarsFile;
import meshplay.engine.yaml.YNode;

/**
 * A group_vars/ or host_vars/ directory. The variables of NAME come from the file NAME, NAME.yml,
 * NAME.yaml or NAME.json, then from every such file under the directory NAME/ in name order; later
 * files override earlier ones.
 */
final class VarsDirectory {
    private final Path dir;
    private final Vault vault;
    /** Files are read once: group_by and add_host may ask for new names while running. */
    private final Map<String, Map<String, YNode>> loaded = new java.util.HashMap<>();

    VarsDirectory(Path dir, Vault vault) {
        this.dir = dir;
        this.vault = vault;
    }

    /** Reads the variables of each name now, so a broken file fails before anything runs. */
    void preload(Iterable<String> names) {
        for (String name : names) load(name);
    }

    synchronized Map<String, YNode> load(String name) {
        return loaded.computeIfAbsent(name, n -> {
            Map<String, YNode> out = new LinkedHashMap<>();
            for (Path file : filesFor(n)) out.putAll(VarsFile.load(file, vault).entries());
            return out;
        });
    }

    private List<Path> filesFor(String name) {
        List<Path> files = new ArrayList<>();
        for (String candidate : List.of(name, name + ".yml", name + ".yaml", name + ".json")) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) files.add(p);
        }
        Path sub = dir.resolve(name);
        if (Files.isDirectory(sub)) {
            try (Stream<Path> walk = Files.walk(sub)) {
                walk.filter(Files::isRegularFile).filter(p -> isVarsFile(p.getFileName().toString()))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UserError(Origin.of(sub.toString()), "cannot read " + sub + ": " + e.getMessage(), null);
            }
        }
        return files;
    }

    private static boolean isVarsFile(String fileName) {
        if (fileName.startsWith(".") || fileName.endsWith("~")) return false;
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) return true;
        String ext = fileName.substring(dot);
        return ext.equals(".yml") || ext.equals(".yaml") || ext.equals(".json");
    }
}

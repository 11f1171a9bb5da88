package meshplay.engine.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.lang.Truth;
import meshplay.engine.vault.Vault;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.VarsFile;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;
import meshplay.engine.yaml.YamlLoader;

/**
 * Loads a role from its directory: tasks/, handlers/, defaults/ and vars/ (each optional). Tasks are
 * marked with the role's name and look up files and templates under the role directory.
 */
final class RoleLoader {
    private final RoleLocator locator;
    private final TaskListParser tasks;
    private final Vault vault;

    RoleLoader(RoleLocator locator, TaskListParser tasks, Vault vault) {
        this.locator = locator;
        this.tasks = tasks;
        this.vault = vault;
    }

    /**
     * One entry of a play's roles: list: "name", or a mapping with role: (or name:), keywords (when,
     * tags, become, ...), vars: and role parameters. vars: and parameters both become the role's params.
     */
    Role fromEntry(YNode entry, Path playbookDir) {
        if (entry instanceof YScalar s && s.value() != null) {
            return load(roleName(s), s.origin(), playbookDir, Map.of(), VarsFile.empty(Path.of(s.origin().file())), RoleFiles.MAIN);
        }
        if (!(entry instanceof YMap map)) {
            throw new UserError(entry.origin(), "a roles: entry must be a role name or a mapping with 'role:'", "e.g. - role: common");
        }
        YNode nameNode = map.has("role") ? map.get("role") : map.get("name");
        if (!(nameNode instanceof YScalar name) || name.value() == null) {
            throw new UserError(map.origin(), "this roles: entry has no 'role:'", "add role: NAME");
        }
        Map<String, YNode> keywords = new LinkedHashMap<>();
        Map<String, YNode> params = new LinkedHashMap<>();
        Map<String, Origin> paramOrigins = new LinkedHashMap<>();
        for (var e : map.entries().entrySet()) {
            String key = e.getKey();
            if (key.equals("role") || key.equals("name")) continue;
            if (Keywords.UNSUPPORTED.containsKey(key)) throw TaskParser.unsupported(map, key);
            if (key.equals("vars")) {
                KeywordChecker.checkVars("vars", e.getValue());
                if (e.getValue() instanceof YMap vars) {
                    params.putAll(vars.entries());
                    paramOrigins.putAll(vars.keyOrigins());
                }
                continue;
            }
            KeywordDef<?> k = Keywords.ROLE_ENTRY.get(key);
            if (k != null) {
                KeywordChecker.check(k, e.getValue());
                if (!Templates.isNull(e.getValue())) keywords.put(key, e.getValue());
            } else {
                params.put(key, e.getValue());
                paramOrigins.put(key, map.keyOrigin(key));
            }
        }
        return load(roleName(name), name.origin(), playbookDir, keywords, new YMap(params, paramOrigins, map.origin()), RoleFiles.MAIN);
    }

    private static String roleName(YScalar name) {
        if (Templates.isTemplate(name)) {
            throw new UserError(name.origin(), "a role listed under roles: needs a literal name", "use include_role for a role chosen at run time");
        }
        return name.text();
    }

    Role load(String name, Origin origin, Path playbookDir, Map<String, YNode> keywords, YMap params, RoleFiles files) {
        Path dir = locator.find(name, origin, playbookDir);
        Meta meta = meta(dir, origin, playbookDir);
        Path tasksFile = part(dir, "tasks", files.tasksFrom(), origin);
        Path handlersFile = part(dir, "handlers", files.handlersFrom(), origin);
        List<TaskItem> roleTasks = tasksFile == null ? List.of()
                : tasks.parseFile(tasksFile, TaskScope.role(tasksFile, name, dir, playbookDir), false);
        List<Task> handlers = handlersFile == null ? List.of() : handlers(handlersFile, name, dir, playbookDir);
        YMap defaults = vars(dir, "defaults", files.defaultsFrom(), origin);
        YMap vars = vars(dir, "vars", files.varsFrom(), origin);
        return new Role(name, origin, dir, defaults, vars, params, roleTasks, handlers, KeywordSet.of(keywords), meta.dependencies(), meta.allowDuplicates());
    }

    private List<Task> handlers(Path file, String name, Path dir, Path playbookDir) {
        YNode root = YamlLoader.loadFile(file, vault);
        if (root == null) return List.of();
        return tasks.handlers(root, TaskScope.role(file, name, dir, playbookDir));
    }

    private YMap vars(Path dir, String part, String from, Origin origin) {
        Path file = part(dir, part, from, origin);
        return file == null ? VarsFile.empty(dir.resolve(part)) : VarsFile.load(file, vault);
    }

    /** dir/part/from(.yml|.yaml|.json); "main" may be missing, a named file (tasks_from: x) may not. */
    private static Path part(Path dir, String part, String from, Origin origin) {
        Path file = VarsFile.firstExisting(dir.resolve(part), from);
        if (file == null && !from.equals("main")) {
            throw new UserError(origin, "role file not found: " + dir.resolve(part).resolve(from) + "(.yml)",
                    "check the " + part + "_from value; the file must be in the role's " + part + "/ directory");
        }
        return file;
    }

    /** What meta/main.yml says: the roles this one depends on, and allow_duplicates. */
    private record Meta(List<Role> dependencies, boolean allowDuplicates) {
    }

    /** Roles whose meta/main.yml is being read: a dependency that leads back to one of them is a cycle. */
    private final ThreadLocal<java.util.ArrayDeque<Path>> reading = ThreadLocal.withInitial(java.util.ArrayDeque::new);

    private Meta meta(Path dir, Origin origin, Path playbookDir) {
        Path file = VarsFile.firstExisting(dir.resolve("meta"), "main");
        if (file == null || !(YamlLoader.loadFile(file, vault) instanceof YMap m)) return new Meta(List.of(), false);
        boolean allowDuplicates = false;
        if (m.get("allow_duplicates") != null) {
            KeywordDef<?> k = KeywordDef.bool("allow_duplicates");
            KeywordChecker.check(k, m.get("allow_duplicates"));
            allowDuplicates = Truth.toBool(m.get("allow_duplicates").toJava());
        }
        YNode deps = m.get("dependencies");
        if (Templates.isNull(deps)) return new Meta(List.of(), allowDuplicates);
        if (!(deps instanceof YList list)) {
            throw new UserError(m.keyOrigin("dependencies"), "'dependencies' must be a list of roles, got " + KeywordChecker.describe(deps),
                    "e.g. dependencies: [common, {role: web, port: 80}]");
        }
        java.util.ArrayDeque<Path> chain = reading.get();
        Path key = dir.toAbsolutePath().normalize();
        if (chain.contains(key)) {
            throw new UserError(m.keyOrigin("dependencies"), "role dependency cycle: " + dir.getFileName() + " depends on itself through its dependencies",
                    "remove the dependency that leads back to it");
        }
        chain.push(key);
        try {
            List<Role> out = new java.util.ArrayList<>();
            for (YNode entry : list.items()) out.add(fromEntry(entry, playbookDir));
            return new Meta(out, allowDuplicates);
        } finally {
            chain.pop();
        }
    }
}

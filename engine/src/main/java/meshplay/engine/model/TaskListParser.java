package meshplay.engine.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.error.UserError;
import meshplay.engine.vault.Vault;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;
import meshplay.engine.yaml.YamlLoader;

/**
 * Reads task lists (tasks, pre_tasks, handlers, block/rescue/always, task files). {@code import_tasks}
 * is expanded here, while loading, into a {@link Block} carrying the import's keywords, so they apply
 * to every imported task. {@code include_tasks} stays a task that the runner loads when it runs.
 * {@code import_role}/{@code include_role} stay tasks too; import_role's literal role name is checked to exist now.
 */
final class TaskListParser {
    /** Keywords that make no sense on something expanded at load time. */
    private static final Set<String> NOT_FOR_IMPORTS = notForImports();

    private static Set<String> notForImports() {
        Set<String> out = new java.util.HashSet<>(LoopKeywords.ALL);
        out.addAll(List.of("loop_control", "register", "until", "retries", "delay", "notify", "changed_when", "failed_when"));
        return Set.copyOf(out);
    }

    private final TaskParser tasks;
    private final RoleLocator roles;
    private final ActionNames actions;
    private final Vault vault;

    TaskListParser(TaskParser tasks, RoleLocator roles, ActionNames actions, Vault vault) {
        this.tasks = tasks;
        this.roles = roles;
        this.actions = actions;
        this.vault = vault;
    }

    /** A list of tasks under a keyword ({@code what}: "tasks", "block", ...); nothing written gives an empty list. */
    List<TaskItem> parseList(YNode node, String what, TaskScope scope, boolean handlers) {
        if (Templates.isNull(node)) return List.of();
        if (!(node instanceof YList list)) {
            throw new UserError(node.origin(), "'" + what + "' must be a list of tasks, got " + KeywordChecker.describe(node),
                    "start each task with '- ', e.g. '- name: ...'");
        }
        List<TaskItem> out = new ArrayList<>(list.items().size());
        for (YNode item : list.items()) out.add(item(item, scope, handlers));
        return out;
    }

    /** A file holding a list of tasks; {@code scope} is already the file's own scope. */
    List<TaskItem> parseFile(Path file, TaskScope scope, boolean handlers) {
        YNode root = YamlLoader.loadFile(file, vault);
        if (root == null) return List.of();
        if (!(root instanceof YList)) {
            boolean playbook = root instanceof YMap m && m.has("hosts");
            throw new UserError(root.origin(), "a task file must be a list of tasks, got " + KeywordChecker.describe(root),
                    playbook ? "this looks like a play; import playbooks with import_playbook at the top level of a playbook"
                            : "start each task with '- ', e.g. '- name: ...'");
        }
        return parseList(root, "tasks", scope, handlers);
    }

    /** Handlers as a flat list: task files imported among handlers are inlined. */
    List<Task> handlers(YNode node, TaskScope scope) {
        List<Task> out = new ArrayList<>();
        for (TaskItem item : parseList(node, "handlers", scope, true)) flattenHandler(item, out);
        return out;
    }

    private void flattenHandler(TaskItem item, List<Task> out) {
        if (item instanceof Task t) {
            out.add(t);
            return;
        }
        Block b = (Block) item;
        if (!b.keywords().isEmpty()) {
            String key = b.keywords().names().iterator().next();
            throw new UserError(b.origin(), "'" + key + "' on import_tasks among handlers is not supported",
                    "put the keyword on each handler in the imported file");
        }
        for (TaskItem inner : b.block()) flattenHandler(inner, out);
    }

    private TaskItem item(YNode node, TaskScope scope, boolean handlers) {
        if (!(node instanceof YMap map)) {
            throw new UserError(node.origin(), "a task must be a mapping such as '- name: ...' with a module, got " + KeywordChecker.describe(node),
                    "check the indentation: a task's keys are indented under its '- '");
        }
        if (map.has("block")) {
            if (handlers) throw new UserError(map.keyOrigin("block"), "handlers cannot be blocks", "list each handler as a task");
            return block(map, scope);
        }
        for (String part : List.of("rescue", "always")) {
            if (map.has(part)) throw new UserError(map.keyOrigin(part), "'" + part + "' belongs to a block, and this task has no 'block:'",
                    "put the tasks to protect under 'block:' at the same indentation as '" + part + ":'");
        }
        Task task = tasks.parse(map, scope, handlers ? Keywords.Scope.HANDLER : Keywords.Scope.TASK);
        return switch (task.action()) {
            case EngineActions.IMPORT_TASKS -> importTasks(task, map, scope, handlers);
            case EngineActions.IMPORT_ROLE, EngineActions.INCLUDE_ROLE -> checkRole(task, map, scope);
            default -> task;
        };
    }

    private Block block(YMap map, TaskScope scope) {
        Map<String, YNode> keywords = new LinkedHashMap<>();
        for (var e : map.entries().entrySet()) {
            String key = e.getKey();
            KeywordDef<?> k = Keywords.BLOCK.get(key);
            if (k == null) {
                if (Keywords.UNSUPPORTED.containsKey(key)) throw TaskParser.unsupported(map, key);
                if (actions.resolve(key) != null) {
                    throw new UserError(map.keyOrigin(key), "a block cannot run a module itself ('" + key + "')",
                            "move the task into the list under 'block:'");
                }
                throw TaskParser.unknownKeyword(map, key, Keywords.Scope.BLOCK);
            }
            KeywordChecker.check(k, e.getValue());
            if (!Templates.isNull(e.getValue())) keywords.put(key, key.equals("vars") ? KeywordChecker.mergedVars(e.getValue()) : e.getValue());
        }
        keywords.remove("collections");
        String name = keywords.remove("name") instanceof YScalar s ? s.text() : null;
        List<TaskItem> block = parseList(keywords.remove("block"), "block", scope, false);
        List<TaskItem> rescue = parseList(keywords.remove("rescue"), "rescue", scope, false);
        List<TaskItem> always = parseList(keywords.remove("always"), "always", scope, false);
        return new Block(name, map.origin(), block, rescue, always, keywords);
    }

    private Block importTasks(Task task, YMap map, TaskScope scope, boolean handlers) {
        rejectRunTimeKeywords(task, map, "import_tasks", "include_tasks");
        YScalar file = literalArg(task, "file", "import_tasks", "include_tasks");
        Path path = FileSearch.find(file.text(), scope.searchDirs(), file.origin(), "task file");
        List<TaskItem> items = parseFile(path, scope.enter(path, file.origin()), handlers);
        String name = task.name() != null ? task.name() : "import_tasks: " + file.text();
        return new Block(name, task.origin(), items, List.of(), List.of(), task.keywords());
    }

    private Task checkRole(Task task, YMap map, TaskScope scope) {
        if (task.action().equals(EngineActions.IMPORT_ROLE)) rejectRunTimeKeywords(task, map, "import_role", "include_role");
        // import_role names a role that must exist when the playbook is loaded (as in Ansible); include_role's
        // role is looked up only when the task runs. Task files loaded at run time do not know their playbook.
        if (task.action().equals(EngineActions.IMPORT_ROLE) && scope.playbookDir() != null && task.args() instanceof YMap args && args.get("name") instanceof YScalar name
                && !Templates.isTemplate(name)) {
            roles.find(name.text(), name.origin(), scope.playbookDir());
        }
        return task;
    }

    private static void rejectRunTimeKeywords(Task task, YMap map, String action, String dynamic) {
        for (String key : task.keywords().names()) {
            if (NOT_FOR_IMPORTS.contains(key)) {
                throw new UserError(map.keyOrigin(key), "'" + key + "' cannot be used with " + action + " (it is expanded when the playbook is loaded)",
                        "use " + dynamic + " instead");
            }
        }
    }

    /** The literal value of an argument given as free-form text or under its name. */
    private static YScalar literalArg(Task task, String arg, String action, String dynamic) {
        YNode value = task.args() instanceof YMap m ? m.get(arg) : task.args();
        Origin where = value == null ? task.origin() : value.origin();
        if (!(value instanceof YScalar s) || s.value() == null) {
            throw new UserError(where, action + " needs a file name", "e.g. " + action + ": tasks/setup.yml");
        }
        if (Templates.isTemplate(s)) {
            throw new UserError(where, action + " needs a literal file name; '" + s.text() + "' is a template",
                    "use " + dynamic + " for a file name computed at run time");
        }
        return s;
    }
}

package meshplay.engine.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.vault.Vault;
import meshplay.engine.yaml.VarsFile;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/** Reads one play: its keywords, vars, vars_files (checked to exist when literal), roles and task lists. */
final class PlayParser {
    /** Keywords that become fields of {@link Play} rather than entries of its keyword map. */
    private static final Set<String> STRUCTURE = Set.of("name", "hosts", "vars", "vars_files", "pre_tasks", "roles", "tasks",
            "post_tasks", "handlers", "collections");

    private final TaskListParser tasks;
    private final RoleLoader roles;
    private final ActionNames actions;
    private final Vault vault;

    PlayParser(TaskListParser tasks, RoleLoader roles, ActionNames actions, Vault vault) {
        this.tasks = tasks;
        this.roles = roles;
        this.actions = actions;
        this.vault = vault;
    }

    Play parse(YMap map, Path file) {
        checkKeys(map);
        YNode hosts = map.get("hosts");
        if (Templates.isNull(hosts)) {
            throw new UserError(map.has("hosts") ? map.keyOrigin("hosts") : map.origin(), "play has no 'hosts'",
                    "add hosts: all (or a group or host pattern) to the play");
        }
        Path dir = FileSearch.dirOf(file);
        TaskScope scope = TaskScope.play(file, dir);
        String name = map.get("name") instanceof YScalar s && s.value() != null ? s.text() : null;
        Map<String, YNode> vars = KeywordChecker.mergedVars(map.get("vars")) instanceof YMap v ? v.entries() : Map.of();
        List<YNode> varsFiles = varsFiles(map.get("vars_files"), dir);
        List<TaskItem> preTasks = tasks.parseList(map.get("pre_tasks"), "pre_tasks", scope, false);
        List<Role> playRoles = roles(map.get("roles"), dir);
        List<TaskItem> playTasks = tasks.parseList(map.get("tasks"), "tasks", scope, false);
        List<TaskItem> postTasks = tasks.parseList(map.get("post_tasks"), "post_tasks", scope, false);
        List<Task> handlers = tasks.handlers(map.get("handlers"), scope);
        Map<String, YNode> keywords = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> {
            if (!STRUCTURE.contains(k) && !Templates.isNull(v)) keywords.put(k, v);
        });
        Play play = new Play(name, map.origin(), hosts, vars, varsFiles, preTasks, playRoles, playTasks, postTasks, handlers, keywords, dir);
        NotifyChecker.check(play);
        return play;
    }

    private void checkKeys(YMap map) {
        for (var e : map.entries().entrySet()) {
            String key = e.getKey();
            KeywordDef<?> k = Keywords.PLAY.get(key);
            if (k != null) {
                KeywordChecker.check(k, e.getValue());
                continue;
            }
            if (Keywords.UNSUPPORTED.containsKey(key)) throw TaskParser.unsupported(map, key);
            if (actions.resolve(key) != null) {
                throw new UserError(map.keyOrigin(key), "a play cannot run the module '" + key + "' directly",
                        "put the task in the play's 'tasks:' list (check the indentation)");
            }
            throw TaskParser.unknownKeyword(map, key, Keywords.Scope.PLAY);
        }
    }

    private List<Role> roles(YNode node, Path dir) {
        if (Templates.isNull(node)) return List.of();
        if (!(node instanceof YList list)) {
            throw new UserError(node.origin(), "'roles' must be a list, got " + KeywordChecker.describe(node), "e.g. roles: [common, {role: web, port: 80}]");
        }
        List<Role> out = new ArrayList<>();
        for (YNode entry : list.items()) out.add(roles.fromEntry(entry, dir));
        return RoleOrder.flatten(out, new java.util.HashSet<>());
    }

    /**
     * vars_files as written. A literal entry must exist (relative to the playbook's directory) and be a
     * mapping; an entry that is a list means "the first of these that exists", so one of them must.
     */
    private List<YNode> varsFiles(YNode node, Path dir) {
        if (Templates.isNull(node)) return List.of();
        List<YNode> entries = node instanceof YList l ? l.items() : List.of(node);
        for (YNode entry : entries) {
            List<YNode> choices = entry instanceof YList l ? l.items() : List.of(entry);
            if (choices.stream().anyMatch(c -> !(c instanceof YScalar))) {
                throw new UserError(entry.origin(), "a vars_files entry must be a file name or a list of file names", "e.g. vars_files: [vars/common.yml]");
            }
            if (choices.stream().anyMatch(Templates::isTemplate)) continue;
            Path found = null;
            for (YNode c : choices) {
                Path p = dir.resolve(((YScalar) c).text()).normalize();
                if (Files.isRegularFile(p)) {
                    found = p;
                    break;
                }
            }
            if (found == null) {
                String names = String.join(", ", choices.stream().map(c -> ((YScalar) c).text()).toList());
                throw new UserError(entry.origin(), "vars file not found: " + names,
                        "paths in vars_files are relative to the playbook's directory (" + FileSearch.display(dir) + ")", ExitCode.ERROR);
            }
            VarsFile.loadPlayVars(found, vault);
        }
        return entries;
    }
}

package meshplay.engine.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.RunAbort;
import meshplay.engine.error.UserError;
import meshplay.engine.lang.ShortName;
import meshplay.engine.vault.Vault;
import meshplay.engine.module.ModuleRegistry;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.VarsFile;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;
import meshplay.engine.yaml.YamlLoader;

/**
 * Loads a playbook into the model, checking everything that can be checked before running:
 * YAML syntax, keywords and their literal types, module names and argument names, task files,
 * roles and vars files. {@code import_playbook} and {@code import_tasks} are expanded here;
 * include_tasks, include_role/import_role and vars files are loaded at run time through the
 * {@link ContentLoader} methods.
 */
public final class PlaybookLoader implements ContentLoader {
    private final ActionNames actions;
    private final RoleLocator roleLocator;
    private final TaskListParser tasks;
    private final RoleLoader roles;
    private final PlayParser plays;
    private final Vault vault;

    /** {@code engineActions}: the runner's own actions (set_fact, include_tasks, meta, ...). */
    public PlaybookLoader(ModuleRegistry modules, ActionCatalog engineActions) {
        this(modules, engineActions, List.of(), Vault.NONE);
    }

    /**
     * {@code rolesPath}: extra directories holding roles, searched after the playbook's roles/ directories;
     * {@code vault}: the passwords for vault-encrypted files and inline !vault values.
     */
    public PlaybookLoader(ModuleRegistry modules, ActionCatalog engineActions, List<Path> rolesPath, Vault vault) {
        this.vault = vault;
        this.actions = new ActionNames(modules, engineActions);
        this.roleLocator = new RoleLocator(rolesPath);
        this.tasks = new TaskListParser(new TaskParser(actions), roleLocator, actions, vault);
        this.roles = new RoleLoader(roleLocator, tasks, vault);
        this.plays = new PlayParser(tasks, roles, actions, vault);
    }

    public Playbook load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(Origin.of(file.toString()), "playbook not found: " + file, "check the path", ExitCode.BAD_OPTIONS);
        }
        return new Playbook(file, plays(file, new ArrayList<>()));
    }

    /**
     * A role with tasks_from/vars_from/defaults_from/handlers_from (include_role/import_role arguments);
     * {@code origin} is the including task's.
     */
    public Role loadRole(String name, RoleFiles files, Origin origin, Path playbookDir) {
        return roles.load(name, origin, playbookDir, Map.of(), VarsFile.empty(Path.of(origin.file())), files);
    }

    /** {@inheritDoc} The file has been resolved by the runner. */
    @Override
    public YNode loadVars(Path file) {
        return VarsFile.load(file, vault);
    }

    /** {@inheritDoc} The file has been resolved by the runner. */
    @Override
    public YNode loadPlayVars(Path file) {
        return VarsFile.loadPlayVars(file, vault);
    }

    /**
     * {@inheritDoc} The file has been resolved by the runner (include_tasks). Tasks included from a role
     * belong to it and look up their files under it (the including task's base directory); import_tasks
     * inside are expanded. Including a file again is not a cycle here: a guarded recursive include is
     * legitimate at run time.
     */
    @Override
    public List<TaskItem> loadTasks(Task include, Path file) {
        Path roleDir = include.role() != null ? include.baseDir() : null;
        Path baseDir = include.baseDir() != null ? include.baseDir() : FileSearch.dirOf(file);
        TaskScope scope = new TaskScope(file, include.role(), roleDir, baseDir, null, List.of(file.toAbsolutePath().normalize()));
        try {
            return tasks.parseFile(file, scope, false);
        } catch (RunAbort e) {
            throw e;
        } catch (UserError e) {
            throw new RunAbort(e);
        }
    }

    @Override
    public Role loadRole(String name, Path playbookDir, Map<String, YNode> params, Origin origin, RoleFiles files) {
        YMap paramMap = new YMap(params, Map.of(), origin);
        roleLocator.find(name, origin, playbookDir);
        try {
            return roles.load(name, origin, playbookDir, Map.of(), paramMap, files);
        } catch (RunAbort e) {
            throw e;
        } catch (UserError e) {
            throw new RunAbort(e);
        }
    }

    private List<Play> plays(Path file, List<Path> chain) {
        Path key = file.toAbsolutePath().normalize();
        chain.add(key);
        try {
            YNode root = YamlLoader.loadFile(file, vault);
            if (root == null) {
                throw new UserError(Origin.of(file.toString()), "playbook is empty", "a playbook is a list of plays, e.g. '- hosts: all'");
            }
            if (!(root instanceof YList list)) {
                throw new UserError(root.origin(), "a playbook must be a list of plays, got " + KeywordChecker.describe(root),
                        "start each play with '- ', e.g. '- hosts: all'");
            }
            List<Play> out = new ArrayList<>();
            for (YNode item : list.items()) {
                if (!(item instanceof YMap map)) {
                    throw new UserError(item.origin(), "a play must be a mapping, got " + KeywordChecker.describe(item), "e.g. - hosts: all\n  tasks: [...]");
                }
                String importKey = map.entries().keySet().stream()
                        .filter(k -> ShortName.of(k).equals(EngineActions.IMPORT_PLAYBOOK)).findFirst().orElse(null);
                if (importKey != null) out.addAll(importPlaybook(map, importKey, file, chain));
                else out.add(playOrHint(map, file));
            }
            return out;
        } finally {
            chain.remove(chain.size() - 1);
        }
    }

    private Play playOrHint(YMap map, Path file) {
        if (!map.has("hosts") && map.entries().keySet().stream().anyMatch(k -> actions.resolve(k) != null)) {
            throw new UserError(map.origin(), "this is a task, but a playbook holds plays",
                    "wrap the tasks in a play: '- hosts: all' with the tasks under 'tasks:', or import this file with import_tasks");
        }
        return plays.parse(map, file);
    }

    /** import_playbook: its plays, with the import's tags added to each play and its vars over each play's vars. */
    private List<Play> importPlaybook(YMap map, String importKey, Path file, List<Path> chain) {
        for (String key : map.entries().keySet()) {
            if (key.equals(importKey) || key.equals("name") || key.equals("tags") || key.equals("vars") || key.equals("when")) continue;
            throw new UserError(map.keyOrigin(key), "'" + key + "' is not allowed on import_playbook",
                    "import_playbook accepts name, tags, vars and when; put other keywords on the imported plays");
        }
        if (!(map.get(importKey) instanceof YScalar target) || target.value() == null || Templates.isTemplate(target)) {
            throw new UserError(map.keyOrigin(importKey), "import_playbook needs a literal file name", "e.g. - import_playbook: phase1.yml");
        }
        KeywordChecker.check(Keywords.TAGS, map.get("tags") == null ? target : map.get("tags"));
        KeywordChecker.checkVars("vars", map.get("vars"));
        if (map.get("when") != null) KeywordChecker.check(Keywords.WHEN, map.get("when"));
        Path path = FileSearch.find(target.text(), List.of(FileSearch.dirOf(file)), target.origin(), "playbook");
        Path key = path.toAbsolutePath().normalize();
        if (chain.contains(key)) {
            throw new UserError(target.origin(), "import cycle: " + TaskScope.cycle(chain, key),
                    "remove the import_playbook that leads back to a playbook already being imported");
        }
        List<Play> out = new ArrayList<>();
        for (Play p : plays(path, chain)) out.add(withImportKeywords(p, map.get("tags"), map.get("vars"), map.get("when")));
        return out;
    }

    /** The import's tags are added to the play's, its vars go over the play's, its when applies to every task of the play. */
    private static Play withImportKeywords(Play p, YNode tags, YNode vars, YNode when) {
        Map<String, YNode> keywords = new LinkedHashMap<>(p.keywords().asWritten());
        if (!Templates.isNull(tags)) keywords.put("tags", combine(p.keywords().node(Keywords.TAGS), tags));
        if (!Templates.isNull(when)) keywords.put("when", combine(when, p.keywords().node(Keywords.WHEN)));
        Map<String, YNode> playVars = new LinkedHashMap<>(p.vars());
        if (KeywordChecker.mergedVars(vars) instanceof YMap m) playVars.putAll(m.entries());
        return new Play(p.name(), p.origin(), p.hosts(), playVars, p.varsFiles(), p.preTasks(), p.roles(), p.tasks(), p.postTasks(),
                p.handlers(), keywords, p.baseDir());
    }

    private static YNode combine(YNode own, YNode added) {
        if (own == null) return added;
        if (added == null) return own;
        List<YNode> all = new ArrayList<>(TaskParser.items(own));
        all.addAll(TaskParser.items(added));
        return new YList(all, own.origin());
    }
}

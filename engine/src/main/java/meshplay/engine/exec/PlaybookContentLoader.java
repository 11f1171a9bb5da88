package meshplay.engine.exec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.model.PlaybookLoader;
import meshplay.engine.model.Role;
import meshplay.engine.model.RoleFiles;
import meshplay.engine.model.Task;
import meshplay.engine.model.TaskItem;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.VarsFile;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;

/** The run-time loader backed by the playbook loader (include_tasks, include_role) and vars files. */
public final class PlaybookContentLoader implements ContentLoader {
    private final PlaybookLoader loader;
    private final Path playbookDir;

    public PlaybookContentLoader(PlaybookLoader loader, Path playbookDir) {
        this.loader = loader;
        this.playbookDir = playbookDir;
    }

    @Override
    public YNode loadVars(Path file) {
        return VarsFile.load(file);
    }

    @Override
    public List<TaskItem> loadTasks(Task include, Path file) {
        return loader.loadIncludedTasks(include, file.toAbsolutePath().toString(), playbookDir);
    }

    @Override
    public Role loadRole(String name, Path dir, Map<String, YNode> params, Origin origin) {
        Role r = loader.loadRole(name, RoleFiles.MAIN, origin, dir == null ? playbookDir : dir);
        if (params.isEmpty()) return r;
        YMap p = new YMap(params, Map.of(), origin);
        return new Role(r.name(), r.origin(), r.dir(), r.defaults(), r.vars(), p, r.tasks(), r.handlers(), r.keywords());
    }
}

package meshplay.engine.exec.actions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.result.TaskResult;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;

/**
 * include_vars: loads a YAML file (or every .yml/.yaml/.json file of a directory, sorted) as variables
 * of the host. The values are playbook text (trusted) and are templated when read.
 */
public final class IncludeVarsAction implements EngineAction {
    private static final ArgSpec SPEC = ArgSpec.builder(
            "Loads variables from a YAML file or a directory of them, relative to the role's vars/ directory, "
                    + "the task file's directory or the playbook directory.")
            .add(ArgSpec.arg("file", ArgType.STR).doc("the vars file (may be given free-form)"))
            .add(ArgSpec.arg("dir", ArgType.STR).doc("a directory: every .yml/.yaml/.json file in it, in name order"))
            .add(ArgSpec.arg("name", ArgType.STR).doc("store the loaded mapping under this one variable"))
            .add(ArgSpec.arg("extensions", ArgType.LIST).elements(ArgType.STR).defaultValue(List.of("yml", "yaml", "json"))
                    .doc("file name extensions read from a dir"))
            .freeForm("file").mutuallyExclusive("file", "dir").requiredOneOf("file", "dir").build();

    public String name() {
        return "include_vars";
    }

    public ArgSpec spec() {
        return SPEC;
    }

    public TaskResult run(ActionContext ctx) throws Exception {
        List<Path> files = new ArrayList<>();
        if (ctx.args().has("file")) {
            files.add(FileLookup.find(ctx, ctx.args().str("file"), "vars"));
        } else {
            Path dir = FileLookup.find(ctx, ctx.args().str("dir"), "vars");
            if (!Files.isDirectory(dir)) throw new ModuleFailure(dir + " is not a directory");
            List<String> ext = ctx.args().list("extensions");
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> ext.stream().anyMatch(e -> p.getFileName().toString().endsWith("." + e))).sorted().forEach(files::add);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Path f : files) {
            YNode node = ctx.loader().loadVars(f);
            if (node instanceof YMap m) values.putAll(m.entries());
            else if (node != null) throw new ModuleFailure(f + " must contain a mapping of variable names to values");
        }
        String name = ctx.args().str("name");
        Map<String, Object> set = new LinkedHashMap<>();
        if (name != null) {
            set.put(name, ArgLiteral.mapOf(values));
        } else {
            set.putAll(values);
        }
        ctx.includeVars(set);
        return TaskResult.builder(TaskResult.Status.OK).data("ansible_included_var_files", files.stream().map(Path::toString).toList()).build();
    }
}

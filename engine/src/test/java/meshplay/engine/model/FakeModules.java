package meshplay.engine.model;

import static meshplay.engine.module.ArgSpec.arg;

import java.util.List;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleRegistry;
import meshplay.engine.module.Plan;

/** A registry of argument-spec-only modules, enough for the loader to check names and arguments. */
final class FakeModules {
    private FakeModules() {
    }

    record Fake(String name, List<String> aliases, ArgSpec spec) implements Module {
        @Override
        public Plan plan(ModuleContext ctx) {
            throw new UnsupportedOperationException("loader tests never run modules");
        }
    }

    static ModuleRegistry registry() {
        ArgSpec command = ArgSpec.builder("runs a command").add(arg("cmd", ArgType.STR)).add(arg("chdir", ArgType.PATH))
                .add(arg("creates", ArgType.PATH)).freeForm("cmd").build();
        return new ModuleRegistry(List.of(
                new Fake("command", List.of(), command),
                new Fake("shell", List.of(), command),
                new Fake("copy", List.of(), ArgSpec.builder("copies").add(arg("dest", ArgType.PATH).required())
                        .add(arg("src", ArgType.PATH)).add(arg("content", ArgType.STR)).add(arg("mode", ArgType.MODE)).build()),
                new Fake("debug", List.of(), ArgSpec.builder("prints").add(arg("msg", ArgType.STR)).add(arg("var", ArgType.STR)).build()),
                new Fake("file", List.of(), ArgSpec.builder("files").add(arg("path", ArgType.PATH).required().aliases("dest", "name"))
                        .add(arg("state", ArgType.STR).choices("file", "directory", "absent")).build()),
                new Fake("wait_for", List.of(), ArgSpec.builder("waits").add(arg("timeout", ArgType.INT)).build()),
                new Fake("systemd", List.of("service"), ArgSpec.builder("units").add(arg("name", ArgType.STR).required())
                        .add(arg("state", ArgType.STR)).build()),
                new Fake("ping", List.of(), ArgSpec.builder("pings").build())));
    }
}

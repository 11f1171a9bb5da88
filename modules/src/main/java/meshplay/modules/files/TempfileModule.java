package meshplay.modules.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;

/**
 * Creates a new, uniquely named temporary file or directory on the host (mktemp), as Ansible's
 * tempfile module; its path is the result's {@code path}. Every run creates a new one, so it always
 * reports changed; a check run creates nothing and has no path.
 */
public final class TempfileModule extends BaseModule<TempfileModule.Arguments> {
    private static final ArgSpec SPEC = ArgSpec.builder("Create a temporary file or directory on the host, as Ansible's "
                    + "tempfile module; register the result and use its path.")
            .add(ArgSpec.choice("state", State.class).defaultValue(State.FILE).doc("what to create"))
            .add(ArgSpec.arg("path", ArgType.PATH).doc("directory to create it in (default: the host's TMPDIR or /tmp)"))
            .add(ArgSpec.arg("prefix", ArgType.STR).defaultValue("ansible.").doc("the name's start"))
            .add(ArgSpec.arg("suffix", ArgType.STR).defaultValue("").doc("the name's end"))
            .build();

    enum State { FILE, DIRECTORY }

    /** The typed arguments. */
    record Arguments(State state, String path, String prefix, String suffix) {
    }

    public TempfileModule() {
        super("tempfile", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) {
        if (a.prefix().contains("/") || a.suffix().contains("/")) {
            throw problem(ctx, a.prefix().contains("/") ? "prefix" : "suffix", "must not contain '/'", "use path: for the directory");
        }
        String kind = a.state() == State.DIRECTORY ? "directory" : "file";
        String where = a.path() != null ? a.path() : "$TMPDIR";
        return Plan.of(List.of(new Change("create a temporary " + kind + " in " + where,
                Diff.state(where + "/" + a.prefix() + "XXXXXXXX" + a.suffix(), "absent", kind), (c, result) -> {
                    List<String> argv = new ArrayList<>(List.of("mktemp"));
                    if (a.state() == State.DIRECTORY) argv.add("-d");
                    if (!a.suffix().isEmpty()) argv.add("--suffix=" + a.suffix());
                    argv.add(a.path() != null ? "--tmpdir=" + a.path() : "--tmpdir");
                    argv.add(a.prefix() + "XXXXXXXX");
                    ExecResult r = c.run(ExecRequest.argv(argv));
                    if (r.rc() != 0) throw new ModuleFailure("cannot create a temporary " + kind + ": " + r.stderr().strip(), Map.of("rc", r.rc()));
                    String path = r.stdout().strip();
                    result.put("path", path).put("state", kind);
                })), Map.of());
    }
}

package meshplay.modules.files;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.connect.FileStat;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.support.FileContent;

/** Reads a file from the host and returns it base64-encoded, as Ansible's slurp module. Never changes anything. */
public final class SlurpModule extends BaseModule<SlurpModule.Arguments> {
    private static final ArgSpec SPEC = ArgSpec.builder("Read a file from the host; the result's content is base64 "
                    + "(decode it with the b64decode filter), as Ansible's slurp module.")
            .add(ArgSpec.arg("src", ArgType.PATH).required().aliases("path").doc("the file to read"))
            .build();

    /** The typed arguments. */
    record Arguments(String src) {
    }

    public SlurpModule() {
        super("slurp", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        FileStat stat = ctx.connection().files().stat(a.src(), true);
        if (stat == null) throw new ModuleFailure("file not found: " + a.src());
        if (stat.isDirectory()) throw new ModuleFailure("source is a directory and must be a file: " + a.src());
        byte[] content = FileContent.read(ctx, a.src());
        if (content == null) throw new ModuleFailure("file not found: " + a.src());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("content", Base64.getEncoder().encodeToString(content));
        data.put("encoding", "base64");
        data.put("source", a.src());
        return Plan.noChange(data);
    }
}

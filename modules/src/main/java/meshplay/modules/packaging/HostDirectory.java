package meshplay.modules.packaging;

import java.util.ArrayList;
import java.util.List;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;

/** Lists the regular files in a directory on the host whose names end in a suffix (find, sorted; none when it is missing). */
final class HostDirectory {
    private HostDirectory() {
    }

    static List<String> files(ModuleContext ctx, String dir, String suffix) throws Exception {
        if (ctx.connection().files().stat(dir, true) == null) return List.of();
        ExecResult r = ctx.run(ExecRequest.argv("find", dir, "-maxdepth", "1", "-type", "f", "-name", "*" + suffix));
        if (!r.ok()) throw new ModuleFailure("cannot list " + dir + " (rc=" + r.rc() + "): " + r.stderr().strip());
        List<String> out = new ArrayList<>();
        for (String line : r.stdout().split("\n")) if (!line.isBlank()) out.add(line.strip());
        out.sort(null);
        return out;
    }
}

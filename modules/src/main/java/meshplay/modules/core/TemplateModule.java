package meshplay.modules.core;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import meshplay.engine.connect.Content;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Args;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.Plan;

/** Renders a controller-side template with the task's variables and puts the result at dest. */
public final class TemplateModule implements Module {
    private static final ArgSpec SPEC = ContentPlacement.destinationArgs(ArgSpec.builder(
                    "Renders a template file from the controller (looked up under templates/) with the host's variables "
                            + "and writes it to dest like copy does.")
            .add(ArgSpec.arg("src", ArgType.PATH).required().doc("template file on the controller; relative paths are looked up under templates/"))
            .add(ArgSpec.arg("newline_sequence", ArgType.STR).defaultValue("\\n").choices("\\n", "\\r", "\\r\\n")
                    .doc("line ending of the rendered file")))
            .build();

    @Override
    public String name() {
        return "template";
    }

    @Override
    public ArgSpec spec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleContext ctx) throws Exception {
        Args args = ctx.args();
        Path src = ctx.controllerFile(args.str("src"), "templates");
        String rendered = ctx.renderTemplate(new String(ctx.readControllerFile(src, true), StandardCharsets.UTF_8));
        String newline = args.str("newline_sequence").replace("\\r", "\r").replace("\\n", "\n");
        if (!newline.equals("\n")) rendered = rendered.replaceAll("\r\n|\r|\n", newline);
        return ContentPlacement.plan(ctx, Content.of(rendered.getBytes(StandardCharsets.UTF_8)), src.getFileName().toString());
    }
}

package meshplay.modules.core;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import meshplay.engine.connect.Content;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.ArgChoice;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.Plan;

/** Renders a controller-side template with the task's variables and puts the result at dest. */
public final class TemplateModule extends BaseModule<TemplateModule.Arguments> {
    /** The line ending of the rendered file, spelt as escapes in playbooks. */
    enum Newline implements ArgChoice {
        LF("\\n", "\n"), CR("\\r", "\r"), CRLF("\\r\\n", "\r\n");

        private final String value;
        private final String text;

        Newline(String value, String text) {
            this.value = value;
            this.text = text;
        }

        @Override
        public String value() {
            return value;
        }

        /** The line ending itself. */
        String text() {
            return text;
        }
    }

    /** The task's arguments. */
    record Arguments(String src, Newline newlineSequence, ContentPlacement.Destination destination) {
    }

    private static final ArgSpec SPEC = ContentPlacement.destinationArgs(ArgSpec.builder(
                    "Renders a template file from the controller (looked up under templates/) with the host's variables "
                            + "and writes it to dest like copy does.")
            .add(ArgSpec.arg("src", ArgType.PATH).required().doc("template file on the controller; relative paths are looked up under templates/"))
            .add(ArgSpec.choice("newline_sequence", Newline.class).defaultValue(Newline.LF)
                    .doc("line ending of the rendered file")))
            .build();

    public TemplateModule() {
        super("template", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) throws Exception {
        Path src = ctx.controllerFile(args.src(), "templates");
        String rendered = ctx.renderTemplate(new String(ctx.readControllerFile(src, true), StandardCharsets.UTF_8));
        if (args.newlineSequence() != Newline.LF) rendered = rendered.replaceAll("\r\n|\r|\n", args.newlineSequence().text());
        return ContentPlacement.plan(ctx, args.destination(), Content.of(rendered.getBytes(StandardCharsets.UTF_8)), src.getFileName().toString());
    }
}

package meshplay.modules.core;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import meshplay.engine.connect.Content;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.Plan;
import meshplay.modules.support.FileContent;

/**
 * Puts a controller file or inline content at a path on the target. Files of any size: big ones are
 * compared by checksum and streamed (see {@link FileContent#plan(ModuleContext, String, meshplay.engine.connect.FileStat, Content, FileContent.Options)}).
 */
public final class CopyModule extends BaseModule<CopyModule.Arguments> {
    /** The task's arguments: src or content (one of them, the spec makes sure). */
    record Arguments(String src, boolean decrypt, String content, ContentPlacement.Destination destination) {
    }

    private static final ArgSpec SPEC = ContentPlacement.destinationArgs(ArgSpec.builder(
                    "Copies a file from the controller (src, looked up in the role's/playbook's files/) or inline content "
                            + "to dest on the target, atomically, with mode/owner/group, optional backup and validation.")
            .add(ArgSpec.arg("src", ArgType.PATH).doc("controller file or directory to copy; relative paths are looked up under files/; "
                    + "a directory ending in / copies its contents, otherwise the directory itself"))
            .add(ArgSpec.arg("decrypt", ArgType.BOOL).defaultValue(true)
                    .doc("decrypt a vault-encrypted src on the controller before copying it (with the run's vault passwords)"))
            .add(ArgSpec.arg("content", ArgType.STR).doc("text to write instead of a file (written exactly as given)"))
            .mutuallyExclusive("src", "content")
            .requiredOneOf("src", "content"))
            .build();

    public CopyModule() {
        super("copy", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) throws Exception {
        if (args.content() != null) {
            return ContentPlacement.plan(ctx, args.destination(), Content.of(args.content().getBytes(StandardCharsets.UTF_8)), null);
        }
        Path src = ctx.controllerFile(args.src(), "files");
        if (Files.isDirectory(src)) return DirectoryCopy.plan(ctx, args.destination(), args.decrypt(), src, args.src().endsWith("/"));
        return ContentPlacement.plan(ctx, args.destination(), FileContent.source(ctx, src, args.decrypt()), src.getFileName().toString());
    }
}

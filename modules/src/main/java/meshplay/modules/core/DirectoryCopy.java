package meshplay.modules.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.FileStat;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.FileMode;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.support.FileAttributes;
import meshplay.modules.support.FileContent;

/**
 * copy of a controller directory: "src/" copies its contents into dest, "src" copies the directory
 * itself into dest. Each file is planned like a single copy (diff, backup, validate, attributes);
 * missing directories are created with directory_mode.
 */
final class DirectoryCopy {
    private DirectoryCopy() {
    }

    /** {@code decrypt}: decrypt vault-encrypted files on the controller before copying them. */
    static Plan plan(ModuleContext ctx, ContentPlacement.Destination args, boolean decrypt, Path srcDir, boolean contentsOnly)
            throws Exception {
        String given = args.dest();
        String base = given.endsWith("/") && given.length() > 1 ? given.substring(0, given.length() - 1) : given;
        if (!contentsOnly) base = (base.equals("/") ? "" : base) + "/" + srcDir.getFileName();
        FileAttributes.Desired fileAttrs = args.attributes();
        FileMode dirMode = args.directoryMode();
        Attributes newDirAttrs = new Attributes(dirMode == null ? null : dirMode.applyTo(FileAttributes.NEW_DIRECTORY_MODE, true),
                fileAttrs.owner(), fileAttrs.group());
        FileContent.Options options = FileContent.Options.of(fileAttrs, args.backup()).withValidate(args.validate());
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(srcDir)) {
            entries = walk.sorted().toList();
        }
        List<Change> changes = new ArrayList<>();
        int files = 0;
        for (Path p : entries) {
            String rel = srcDir.relativize(p).toString();
            String target = rel.isEmpty() ? base : (base.equals("/") ? "" : base) + "/" + rel;
            FileStat current = ctx.connection().files().stat(target, true);
            if (Files.isDirectory(p)) {
                if (current == null) {
                    changes.add(new Change("create directory " + target, Diff.state(target, "absent", "directory"),
                            (c, r) -> c.connection().files().mkdirs(target, newDirAttrs)));
                } else if (!current.isDirectory()) {
                    throw new ModuleFailure(target + " exists as a " + current.type() + " but " + p + " is a directory");
                } else if (dirMode != null) {
                    changes.addAll(FileAttributes.changes(target, current, new FileAttributes.Desired(dirMode, fileAttrs.owner(), fileAttrs.group()), false));
                }
            } else if (Files.isRegularFile(p)) {
                files++;
                if (current != null && current.isDirectory()) throw new ModuleFailure(target + " is a directory but " + p + " is a file");
                if (current != null && !args.force()) continue;
                changes.addAll(FileContent.plan(ctx, target, current, FileContent.source(ctx, p, decrypt), options));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dest", base);
        data.put("src", srcDir.toString());
        data.put("files", files);
        data.put("state", "directory");
        return Plan.of(changes, data);
    }
}

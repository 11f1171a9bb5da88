package meshplay.modules.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.Content;
import meshplay.engine.connect.FileStat;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.FileMode;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.support.FileAttributes;
import meshplay.modules.support.FileContent;

/**
 * What copy and template share once the content is known: where it goes (a directory dest means
 * dest/basename), force, backup, validate, attributes, and Ansible's result (dest, checksum, size, mode).
 */
final class ContentPlacement {
    private ContentPlacement() {
    }

    /** The arguments of {@link #destinationArgs}, as a component of copy's and template's arguments. */
    record Destination(String dest, boolean backup, boolean force, String validate, FileMode directoryMode,
                       FileAttributes.Desired attributes) {
    }

    /** dest, mode/owner/group, backup, force, validate, directory_mode. */
    static ArgSpec.Builder destinationArgs(ArgSpec.Builder b) {
        b.add(ArgSpec.arg("dest", ArgType.PATH).required().doc("path on the target (a relative path is under the remote user's home, or the playbook's directory on a local connection); ending in / or an existing directory means dest/basename(src)"))
                .add(ArgSpec.arg("backup", ArgType.BOOL).defaultValue(false).doc("keep a timestamped copy of a replaced file"))
                .add(ArgSpec.arg("force", ArgType.BOOL).defaultValue(true).doc("replace a file whose content differs; false writes only when dest is missing"))
                .add(ArgSpec.arg("validate", ArgType.STR).doc("command that checks the new file before it replaces dest; %s is the file (e.g. 'visudo -cf %s')"))
                .add(ArgSpec.arg("directory_mode", ArgType.MODE).doc("mode of directories created for a dest ending in /"));
        return FileAttributes.addArgs(b);
    }

    /**
     * Plans writing {@code content} (in memory, or a big file streamed; see {@link FileContent#plan}) for a task. {@code srcName} is the source file's name (null for
     * inline content, where dest may not be a directory).
     */
    static Plan plan(ModuleContext ctx, Destination args, Content content, String srcName) throws Exception {
        String given = args.dest();
        String dest = given;
        boolean createParents = false;
        FileStat destStat = ctx.connection().files().stat(dest, true);
        if (given.endsWith("/") || (destStat != null && destStat.isDirectory())) {
            if (srcName == null) throw new ModuleFailure("can not use content with a dir as dest (" + given + "); name the file in dest");
            String dir = given.endsWith("/") ? given.substring(0, given.length() - 1) : given;
            dest = (dir.isEmpty() ? "" : dir) + "/" + srcName;
            createParents = given.endsWith("/") && destStat == null;
            destStat = ctx.connection().files().stat(dest, true);
        }
        if (destStat != null && destStat.isDirectory()) throw new ModuleFailure("dest " + dest + " is a directory");
        if (!createParents && destStat == null) {
            String parent = FileContent.parentOf(dest);
            if (ctx.connection().files().stat(parent, true) == null) {
                throw new ModuleFailure("Destination directory " + parent + " does not exist", Map.of("dest", dest));
            }
        }
        FileAttributes.Desired attrs = args.attributes();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dest", dest);
        data.put("checksum", content.sha1());
        data.put("size", content.size() <= Integer.MAX_VALUE ? (Object) (int) content.size() : (Object) content.size());
        data.put("state", "file");
        if (destStat != null && !args.force()) {
            data.put("mode", FileAttributes.octal(destStat.mode()));
            return Plan.noChange(data).withNote("dest exists and force is false");
        }
        FileContent.Options options = FileContent.Options.of(attrs, args.backup()).withValidate(args.validate());
        if (createParents) {
            Attributes dirAttrs = args.directoryMode() == null ? Attributes.NONE
                    : new Attributes(args.directoryMode().applyTo(FileAttributes.NEW_DIRECTORY_MODE, true), attrs.owner(), attrs.group());
            options = options.creatingParents(dirAttrs);
        }
        Attributes finalAttrs = destStat == null ? attrs.forNew(false) : attrs.resolve(destStat.mode(), false);
        data.put("mode", FileAttributes.octal(finalAttrs.mode() != null ? finalAttrs.mode() : destStat.mode()));
        List<Change> changes = new ArrayList<>(FileContent.plan(ctx, dest, destStat, content, options));
        return Plan.of(changes, data);
    }
}

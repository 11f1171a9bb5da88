package meshplay.modules.core;

import java.util.List;
import java.util.Map;
import meshplay.engine.connect.FileStat;
import meshplay.engine.module.Change;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.modules.support.FileAttributes;
import meshplay.modules.support.FileContent;
import meshplay.modules.support.TextBytes;

/**
 * A text file that lineinfile and blockinfile edit in place: its stat and bytes as read (both null
 * when it does not exist) and its text, decoded so that writing it back keeps every byte it had.
 */
record EditedFile(String path, FileStat stat, byte[] before, TextBytes text) {

    /** How lineinfile and blockinfile write: backup, validate and mode/owner/group, as a component of their arguments. */
    record Writing(boolean backup, String validate, FileAttributes.Desired attributes) {
    }

    /** Reads {@code path} (links already followed); a directory there fails the task as in Ansible (rc 256). */
    static EditedFile read(ModuleContext ctx, String path) throws Exception {
        FileStat stat = ctx.connection().files().stat(path, true);
        if (stat != null && stat.isDirectory()) throw new ModuleFailure("Path " + path + " is a directory !", Map.of("rc", 256));
        byte[] before = stat == null ? null : FileContent.read(ctx, path);
        return new EditedFile(path, stat, before, TextBytes.decode(before == null ? new byte[0] : before));
    }

    boolean exists() {
        return stat != null;
    }

    /**
     * The Changes that write {@code edited} (encoded as the file was) with the task's mode/owner/group,
     * backup and validate arguments; a file that does not exist yet gets its missing directories.
     */
    List<Change> plan(Writing writing, String edited) throws ModuleFailure {
        FileContent.Options options = FileContent.Options.of(writing.attributes(), writing.backup()).withValidate(writing.validate());
        if (stat == null) options = options.creatingParents(null);
        return FileContent.plan(path, stat, before, text.encode(edited), options);
    }
}

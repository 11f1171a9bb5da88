package meshplay.modules.core;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.LocalConnection;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.Test;

class FileTest extends TempRootTest {
    private String perms(String target) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(root.path(target)));
    }

    private void setPerms(String target, String p) throws Exception {
        Files.setPosixFilePermissions(root.path(target), PosixFilePermissions.fromString(p));
    }

    @Test
    void directoryCreatedOnceWithMode() throws Exception {
        Map<String, Object> a = args("path", "/srv/data/sub", "state", "directory", "mode", "0750");
        Outcome checked = check(new FileModule(), a, conn);
        assertEquals(List.of(Diff.state("/srv/data/sub", "absent", "directory")), checked.plan().diffs());
        assertFalse(root.exists("/srv"));
        Outcome first = apply(new FileModule(), a, conn);
        assertEquals(checked.plan().diffs(), first.plan().diffs());
        assertTrue(Files.isDirectory(root.path("/srv/data/sub")));
        assertEquals("rwxr-x---", perms("/srv/data/sub"));
        assertFalse(apply(new FileModule(), a, conn).changed());
    }

    @Test
    void octalAndSymbolicModesOnExistingFile() throws Exception {
        root.file("/etc/secret", "s");
        setPerms("/etc/secret", "rw-r--r--");
        Outcome o = apply(new FileModule(), args("path", "/etc/secret", "mode", "0600"), conn);
        assertEquals(List.of(Diff.state("/etc/secret mode", "0644", "0600")), o.plan().diffs());
        assertEquals("rw-------", perms("/etc/secret"));
        assertFalse(apply(new FileModule(), args("path", "/etc/secret", "mode", "600"), conn).changed());
        o = apply(new FileModule(), args("path", "/etc/secret", "state", "file", "mode", "u+x,g=r"), conn);
        assertEquals(List.of(Diff.state("/etc/secret mode", "0600", "0740")), o.plan().diffs());
        assertEquals("rwxr-----", perms("/etc/secret"));
        assertFalse(apply(new FileModule(), args("path", "/etc/secret", "mode", "u+x,g=r"), conn).changed());
        assertFalse(apply(new FileModule(), args("path", "/etc/secret", "mode", 0740), conn).changed(), "YAML integer 0740 read as octal digits");
    }

    @Test
    void ownerChangeIsReportedAsStateDiff() throws Exception {
        root.file("/etc/owned", "x");
        String me = Files.getOwner(root.path("/etc/owned")).getName();
        assertFalse(apply(new FileModule(), args("path", "/etc/owned", "owner", me), conn).changed());
        Outcome o = check(new FileModule(), args("path", "/etc/owned", "owner", "nobody-else"), conn);
        assertEquals(List.of(Diff.state("/etc/owned owner", me, "nobody-else")), o.plan().diffs());
    }

    @Test
    void stateFileOnMissingPathFails() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> check(new FileModule(), args("path", "/nope", "state", "file"), conn));
        assertTrue(e.getMessage().contains("does not exist, use state=touch"));
    }

    @Test
    void touchCreatesOnceAndKeepsContent() throws Exception {
        Outcome o = apply(new FileModule(), args("path", "/var/flag", "state", "touch", "mode", "0640"), conn);
        assertTrue(o.changed());
        assertEquals("", root.read("/var/flag"));
        assertEquals("rw-r-----", perms("/var/flag"));
        Files.writeString(root.path("/var/flag"), "kept");
        assertFalse(apply(new FileModule(), args("path", "/var/flag", "state", "touch"), conn).changed());
        assertEquals("kept", root.read("/var/flag"));
    }

    @Test
    void absentRemovesTreesOnce() throws Exception {
        root.file("/tmp/t/a/b", "x");
        Outcome checked = check(new FileModule(), args("path", "/tmp/t", "state", "absent"), conn);
        assertTrue(root.exists("/tmp/t/a/b"));
        Outcome o = apply(new FileModule(), args("path", "/tmp/t", "state", "absent"), conn);
        assertEquals(List.of(Diff.state("/tmp/t", "directory", "absent")), o.plan().diffs());
        assertEquals(checked.plan().diffs(), o.plan().diffs());
        assertFalse(root.exists("/tmp/t"));
        assertFalse(apply(new FileModule(), args("path", "/tmp/t", "state", "absent"), conn).changed());
    }

    @Test
    void symlinkCreatedRetargetedAndRefusedOverFiles() throws Exception {
        root.file("/opt/v1/bin", "1");
        root.file("/opt/v2/bin", "2");
        Outcome o = apply(new FileModule(), args("path", "/opt/current", "state", "link", "src", "/opt/v1"), conn);
        assertEquals(List.of(Diff.state("/opt/current", "absent", "link to /opt/v1")), o.plan().diffs());
        assertEquals("/opt/v1", Files.readSymbolicLink(root.path("/opt/current")).toString());
        assertFalse(apply(new FileModule(), args("path", "/opt/current", "state", "link", "src", "/opt/v1"), conn).changed());
        o = apply(new FileModule(), args("path", "/opt/current", "state", "link", "src", "v2"), conn);
        assertEquals("link to /opt/v1", o.plan().diffs().get(0).before());
        assertEquals("v2", Files.readSymbolicLink(root.path("/opt/current")).toString());
        root.file("/opt/plain", "p");
        assertThrows(ModuleFailure.class, () -> check(new FileModule(), args("path", "/opt/plain", "state", "link", "src", "/opt/v1"), conn));
        assertThrows(ModuleFailure.class, () -> check(new FileModule(), args("path", "/opt/l2", "state", "link", "src", "/missing"), conn));
        apply(new FileModule(), args("path", "/opt/plain", "state", "link", "src", "/opt/v1", "force", true), conn);
        assertTrue(Files.isSymbolicLink(root.path("/opt/plain")));
    }

    @Test
    void directoryOverFileFails() throws Exception {
        root.file("/etc/afile", "x");
        assertThrows(ModuleFailure.class, () -> check(new FileModule(), args("path", "/etc/afile", "state", "directory"), conn));
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> check(new FileModule(), args("path", "/etc/afile", "recurse", true, "mode", "0600"), conn));
        assertTrue(e.getMessage().contains("recurse works only with state=directory"));
    }

    @Test
    void recurseAppliesSymbolicModesBelowADirectory() throws Exception {
        // find lists the tree on the target, so this runs on the real file system in a temp dir
        LocalConnection host = new LocalConnection("localhost");
        Path tree = Files.createDirectories(dir.resolve("data/sub dir"));
        Files.writeString(tree.resolve("f.txt"), "x");
        Files.createSymbolicLink(dir.resolve("data/link"), Path.of("/etc/hostname"));
        Files.setPosixFilePermissions(dir.resolve("data"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(tree, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(tree.resolve("f.txt"), PosixFilePermissions.fromString("rw-rw-rw-"));
        Map<String, Object> a = args("path", dir.resolve("data").toString(), "state", "directory", "recurse", true, "mode", "u=rwX,g=rX,o=");
        Outcome checked = check(new FileModule(), a, host);
        assertEquals(List.of(Diff.state(dir.resolve("data") + " mode", "0777", "0750"),
                Diff.state(tree + " mode", "0777", "0750"),
                Diff.state(tree.resolve("f.txt") + " mode", "0666", "0640")), sorted(checked.plan().diffs()));
        Outcome first = apply(new FileModule(), a, host);
        assertEquals(3, first.plan().changes().size());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(tree.resolve("f.txt"))));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(tree)));
        assertFalse(apply(new FileModule(), a, host).changed());
    }

    private static List<Diff> sorted(List<Diff> diffs) {
        return diffs.stream().sorted(java.util.Comparator.comparing(Diff::subject)).toList();
    }

    @Test
    void badArguments() {
        rejects(new FileModule(), args("state", "directory"), conn, "requires argument 'path'");
        rejects(new FileModule(), args("path", "/x", "state", "folder"), conn, "is not one of");
        rejects(new FileModule(), args("path", "/x", "mode", "0999"), conn, "not a file mode");
        rejects(new FileModule(), args("path", "/x", "force", "sure"), conn, "not a boolean");
        rejects(new FileModule(), args("path", "/x", "dest", "/y"), conn, "given twice");
    }
}

package meshplay.modules.core;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import meshplay.modules.support.TextBytes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CopyTest extends TempRootTest {
    @BeforeEach
    void setUp() throws Exception {
        root.file("/etc/placeholder", "");
    }

    private String mode(String target) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(root.path(target)));
    }

    @Test
    void contentFirstRunSecondRunAndCheck() throws Exception {
        Map<String, Object> a = args("content", "hello\n", "dest", "/etc/motd", "mode", "0600");
        Outcome checked = check(new CopyModule(), a, conn);
        assertTrue(checked.changed());
        assertFalse(root.exists("/etc/motd"));
        Outcome first = apply(new CopyModule(), a, conn);
        assertTrue(first.changed());
        assertEquals(checked.plan().diffs(), first.plan().diffs());
        assertEquals("hello\n", root.read("/etc/motd"));
        assertEquals("rw-------", mode("/etc/motd"));
        Diff d = first.plan().diffs().get(0);
        assertEquals(Diff.Kind.FILE, d.kind());
        assertNull(d.before());
        assertEquals("hello\n", d.after());
        assertEquals("/etc/motd", first.result().data().get("dest"));
        assertEquals(TextBytes.sha1("hello\n".getBytes()), first.result().data().get("checksum"));
        assertEquals(6, first.result().data().get("size"));
        assertEquals("0600", first.result().data().get("mode"));
        Outcome second = apply(new CopyModule(), a, conn);
        assertFalse(second.changed());
    }

    @Test
    void changedContentGivesUnifiedDiffAndBackup() throws Exception {
        root.file("/etc/app.conf", "a=1\n");
        Outcome o = apply(new CopyModule(), args("content", "a=2\n", "dest", "/etc/app.conf", "backup", true), conn);
        Diff d = o.plan().diffs().get(0);
        assertEquals("a=1\n", d.before());
        assertEquals("a=2\n", d.after());
        String backup = (String) o.result().data().get("backup_file");
        assertTrue(backup.startsWith("/etc/app.conf."));
        assertEquals("a=1\n", root.read(backup));
        assertEquals("a=2\n", root.read("/etc/app.conf"));
    }

    @Test
    void modeOnlyChangeIsAStateDiff() throws Exception {
        root.file("/etc/x", "same");
        Files.setPosixFilePermissions(root.path("/etc/x"), PosixFilePermissions.fromString("rw-r--r--"));
        Outcome o = apply(new CopyModule(), args("content", "same", "dest", "/etc/x", "mode", "u=rw,go="), conn);
        assertEquals(List.of(Diff.state("/etc/x mode", "0644", "0600")), o.plan().diffs());
        assertEquals("rw-------", mode("/etc/x"));
        assertFalse(apply(new CopyModule(), args("content", "same", "dest", "/etc/x", "mode", "0600"), conn).changed());
    }

    @Test
    void srcIntoDirectoryUsesBasenameAndBinaryDiff() throws Exception {
        Path src = dir.resolve("blob.bin");
        byte[] bytes = {0, 1, 2, (byte) 0xff};
        Files.write(src, bytes);
        root.file("/opt/keep", "");
        Outcome o = apply(new CopyModule(), args("src", src.toString(), "dest", "/opt"), conn);
        assertTrue(o.changed());
        assertArrayEquals(bytes, Files.readAllBytes(root.path("/opt/blob.bin")));
        Diff d = o.plan().diffs().get(0);
        assertEquals(Diff.Kind.STATE, d.kind());
        assertTrue(d.after().startsWith("binary file changed"));
        assertFalse(apply(new CopyModule(), args("src", src.toString(), "dest", "/opt/"), conn).changed());
    }

    @Test
    void destEndingInSlashCreatesDirectory() throws Exception {
        Path src = dir.resolve("a.txt");
        Files.writeString(src, "A");
        apply(new CopyModule(), args("src", src.toString(), "dest", "/new/dir/", "directory_mode", "0750"), conn);
        assertEquals("A", root.read("/new/dir/a.txt"));
        assertEquals("rwxr-x---", mode("/new/dir"));
    }

    @Test
    void validateFailureChangesNothing() throws Exception {
        root.fakeTool("checkconf", "grep -q '^ok' \"$MESHPLAY_TEST_ROOT$1\" || { echo 'syntax error' >&2; exit 1; }");
        root.file("/etc/sudoers.d/admins", "ok old\n");
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> apply(new CopyModule(),
                args("content", "broken\n", "dest", "/etc/sudoers.d/admins", "validate", "checkconf %s"), conn));
        assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
        assertEquals("ok old\n", root.read("/etc/sudoers.d/admins"));
        try (var files = Files.list(root.path("/etc/sudoers.d"))) {
            assertEquals(1, files.count(), "the temp file was removed");
        }
        apply(new CopyModule(), args("content", "ok new\n", "dest", "/etc/sudoers.d/admins", "validate", "checkconf %s"), conn);
        assertEquals("ok new\n", root.read("/etc/sudoers.d/admins"));
    }

    @Test
    void validateWithoutPlaceholderFails() {
        assertThrows(ModuleFailure.class, () -> check(new CopyModule(),
                args("content", "x", "dest", "/etc/y", "validate", "visudo -c"), conn));
    }

    @Test
    void forceFalseKeepsExistingFile() throws Exception {
        root.file("/etc/keep", "mine");
        Outcome o = apply(new CopyModule(), args("content", "theirs", "dest", "/etc/keep", "force", false), conn);
        assertFalse(o.changed());
        assertEquals("mine", root.read("/etc/keep"));
    }

    @Test
    void missingParentDirectoryFails() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> check(new CopyModule(), args("content", "x", "dest", "/nope/file"), conn));
        assertTrue(e.getMessage().contains("Destination directory /nope does not exist"));
    }

    @Test
    void directoryTreeCopiedOnceWithDirectoryMode() throws Exception {
        Path tree = dir.resolve("conf.d");
        Files.createDirectories(tree.resolve("sub"));
        Files.writeString(tree.resolve("a.conf"), "a\n");
        Files.writeString(tree.resolve("sub/b.conf"), "b\n");
        Map<String, Object> a = args("src", tree.toString(), "dest", "/etc/", "directory_mode", "0750", "mode", "0640");
        Outcome checked = check(new CopyModule(), a, conn);
        assertFalse(root.exists("/etc/conf.d"));
        Outcome first = apply(new CopyModule(), a, conn);
        assertEquals(checked.plan().diffs(), first.plan().diffs());
        assertEquals(List.of(Diff.state("/etc/conf.d", "absent", "directory"), Diff.file("/etc/conf.d/a.conf", null, "a\n"),
                Diff.state("/etc/conf.d/sub", "absent", "directory"), Diff.file("/etc/conf.d/sub/b.conf", null, "b\n")), first.plan().diffs());
        assertEquals("b\n", root.read("/etc/conf.d/sub/b.conf"));
        assertEquals("rwxr-x---", mode("/etc/conf.d/sub"));
        assertEquals("rw-r-----", mode("/etc/conf.d/a.conf"));
        assertFalse(apply(new CopyModule(), a, conn).changed());
        apply(new CopyModule(), args("src", tree + "/", "dest", "/srv/flat"), conn);
        assertEquals("a\n", root.read("/srv/flat/a.conf"));
        assertEquals("b\n", root.read("/srv/flat/sub/b.conf"));
    }

    @Test
    void contentToDirectoryFailsClearly() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> check(new CopyModule(), args("content", "x", "dest", "/etc"), conn));
        assertTrue(e.getMessage().contains("can not use content with a dir as dest"));
    }

    @Test
    void badArguments() {
        rejects(new CopyModule(), args("content", "x", "src", "/a", "dest", "/b"), conn, "cannot be used together");
        rejects(new CopyModule(), args("content", "x"), conn, "requires argument 'dest'");
        rejects(new CopyModule(), args("dest", "/b"), conn, "needs one of: src, content");
        rejects(new CopyModule(), args("content", "x", "dest", "/b", "mode", "rw"), conn, "not a file mode");
        rejects(new CopyModule(), args("content", "x", "dest", "/b", "owner", List.of("a")), conn, "expected a string");
        rejects(new CopyModule(), args("content", "x", "dest", "/b", "bakup", true), conn, ") module: bakup.");
    }
}

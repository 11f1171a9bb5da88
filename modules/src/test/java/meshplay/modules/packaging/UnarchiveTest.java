package meshplay.modules.packaging;

import static meshplay.engine.testing.ModuleRuns.apply;
import static meshplay.engine.testing.ModuleRuns.args;
import static meshplay.engine.testing.ModuleRuns.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** unarchive of archives made by GNU tar and java.util.zip, into a temporary root. */
class UnarchiveTest extends TempRootTest {
    final UnarchiveModule module = new UnarchiveModule();
    Path tgz;

    @BeforeEach
    void archive() throws Exception {
        Path src = Files.createDirectories(dir.resolve("build/tool-1.0/bin"));
        Files.writeString(src.resolve("tool"), "#!/bin/sh\necho tool\n");
        Files.setPosixFilePermissions(src.resolve("tool"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(src.getParent().resolve("README"), "read me\n");
        Files.createSymbolicLink(src.getParent().resolve("current"), Path.of("bin/tool"));
        tgz = dir.resolve("tool-1.0.tar.gz");
        Process p = new ProcessBuilder("tar", "-czf", tgz.toString(), "-C", dir.resolve("build").toString(), "tool-1.0").inheritIO().start();
        assertEquals(0, p.waitFor());
        Files.createDirectories(root.path("/opt"));
    }

    @Test
    void unpacksOnceWithModesAndLinksAndCheckPredictsIt() throws Exception {
        Map<String, Object> a = args("src", tgz.toString(), "dest", "/opt", "list_files", true);
        Outcome checked = check(module, a, conn);
        assertTrue(checked.changed());
        assertFalse(root.exists("/opt/tool-1.0"));
        Outcome first = apply(module, a, conn);
        assertEquals(checked.plan().diffs(), first.plan().diffs());
        assertEquals("#!/bin/sh\necho tool\n", root.read("/opt/tool-1.0/bin/tool"));
        assertTrue(Files.isExecutable(root.path("/opt/tool-1.0/bin/tool")));
        assertEquals(Path.of("bin/tool"), Files.readSymbolicLink(root.path("/opt/tool-1.0/current")));
        assertEquals("TgzArchive", first.result().data().get("handler"));
        assertTrue(((List<?>) first.result().data().get("files")).contains("tool-1.0/bin/tool"));
        assertFalse(apply(module, a, conn).changed());
        // a changed file is put back, and only that one
        root.file("/opt/tool-1.0/README", "edited\n");
        Outcome again = apply(module, a, conn);
        assertEquals(1, again.plan().changes().size());
        assertEquals("read me\n", root.read("/opt/tool-1.0/README"));
    }

    @Test
    void remoteSrcZipAndExclude() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("conf/"));
            z.putNextEntry(new ZipEntry("conf/a.cfg"));
            z.write("a\n".getBytes());
            z.putNextEntry(new ZipEntry("conf/b.log"));
            z.write("b\n".getBytes());
        }
        Files.createDirectories(root.path("/tmp"));
        Files.write(root.path("/tmp/c.zip"), zip.toByteArray());
        Map<String, Object> a = args("src", "/tmp/c.zip", "dest", "/opt", "remote_src", true, "exclude", List.of("*/*.log"), "mode", "0600");
        assertTrue(apply(module, a, conn).changed());
        assertEquals("a\n", root.read("/opt/conf/a.cfg"));
        assertFalse(root.exists("/opt/conf/b.log"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.path("/opt/conf/a.cfg"))));
        assertFalse(apply(module, a, conn).changed());
    }

    @Test
    void membersOutsideDestAndAMissingDestAreRefused() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("../../etc/evil"));
            z.write("x".getBytes());
        }
        Path evil = dir.resolve("evil.zip");
        Files.write(evil, zip.toByteArray());
        ModuleFailure f = assertThrows(ModuleFailure.class, () -> apply(module, args("src", evil.toString(), "dest", "/opt"), conn));
        assertTrue(f.getMessage().contains("would be written outside dest"), f.getMessage());
        ModuleFailure noDest = assertThrows(ModuleFailure.class, () -> apply(module, args("src", tgz.toString(), "dest", "/srv/none"), conn));
        assertEquals("Destination '/srv/none' is not a directory", noDest.getMessage());
    }

    @Test
    void createsSkipsTheTask() throws Exception {
        root.file("/opt/tool-1.0/README", "x\n");
        assertFalse(apply(module, args("src", tgz.toString(), "dest", "/opt", "creates", "/opt/tool-1.0/README"), conn).changed());
        assertEquals("x\n", root.read("/opt/tool-1.0/README"));
    }
}

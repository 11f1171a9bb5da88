package meshplay.modules.core;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.Test;

class StatTest extends TempRootTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> stat(Outcome o) {
        return (Map<String, Object>) o.result().data().get("stat");
    }

    @Test
    void regularFile() throws Exception {
        root.file("/etc/hosts", "127.0.0.1 localhost\n");
        Files.setPosixFilePermissions(root.path("/etc/hosts"), PosixFilePermissions.fromString("rw-r-----"));
        Outcome o = apply(new StatModule(), args("path", "/etc/hosts"), conn);
        assertFalse(o.changed());
        Map<String, Object> s = stat(o);
        assertEquals(true, s.get("exists"));
        assertEquals(true, s.get("isreg"));
        assertEquals(false, s.get("isdir"));
        assertEquals("0640", s.get("mode"));
        assertEquals(20L, s.get("size"));
        assertEquals(Files.getOwner(root.path("/etc/hosts")).getName(), s.get("pw_name"));
        assertEquals(meshplay.modules.support.TextBytes.sha1("127.0.0.1 localhost\n".getBytes()), s.get("checksum"));
        assertNull(stat(apply(new StatModule(), args("path", "/etc/hosts", "get_checksum", false), conn)).get("checksum"));
    }

    @Test
    void missingDirectoryAndLink() throws Exception {
        assertEquals(Map.of("exists", false), stat(apply(new StatModule(), args("path", "/nope"), conn)));
        Files.createDirectories(root.path("/var/lib/x"));
        assertEquals(true, stat(apply(new StatModule(), args("path", "/var/lib/x"), conn)).get("isdir"));
        Files.createSymbolicLink(root.path("/var/lib/link"), Path.of("x"));
        Map<String, Object> link = stat(apply(new StatModule(), args("path", "/var/lib/link"), conn));
        assertEquals(true, link.get("islnk"));
        assertEquals("x", link.get("lnk_target"));
        Map<String, Object> followed = stat(apply(new StatModule(), args("path", "/var/lib/link", "follow", true), conn));
        assertEquals(true, followed.get("isdir"));
        assertFalse(check(new StatModule(), args("path", "/var/lib/link"), conn).changed());
    }

    @Test
    void badArguments() {
        rejects(new StatModule(), args(), conn, "requires argument 'path'");
        rejects(new StatModule(), args("path", "/x", "get_md5", true), conn, ") module: get_md5.");
        rejects(new StatModule(), args("path", "/x", "follow", "always"), conn, "not a boolean");
    }
}

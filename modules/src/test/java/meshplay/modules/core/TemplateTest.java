package meshplay.modules.core;

import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.rejects;
import static meshplay.modules.core.Runs.withVars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TemplateTest extends TempRootTest {
    Path src;

    @BeforeEach
    void setUp() throws Exception {
        root.file("/etc/frr/placeholder", "");
        src = dir.resolve("frr.conf.j2");
        Files.writeString(src, "hostname {{ name }}\nrouter openfabric {{ fabric }}\n");
    }

    @Test
    void rendersWritesAndIsIdempotent() throws Exception {
        Map<String, Object> vars = Map.of("name", "n2", "fabric", "1");
        Map<String, Object> a = args("src", src.toString(), "dest", "/etc/frr/frr.conf", "mode", "0640");
        Outcome checked = withVars(new TemplateModule(), a, conn, true, vars);
        assertTrue(checked.changed());
        assertFalse(root.exists("/etc/frr/frr.conf"));
        Outcome first = withVars(new TemplateModule(), a, conn, false, vars);
        assertEquals(checked.plan().diffs(), first.plan().diffs());
        assertEquals("hostname n2\nrouter openfabric 1\n", root.read("/etc/frr/frr.conf"));
        assertEquals("0640", first.result().data().get("mode"));
        assertFalse(withVars(new TemplateModule(), a, conn, false, vars).changed());
        Outcome changed = withVars(new TemplateModule(), a, conn, false, Map.of("name", "n3", "fabric", "1"));
        assertEquals("hostname n2\nrouter openfabric 1\n", changed.plan().diffs().get(0).before());
        assertEquals("hostname n3\nrouter openfabric 1\n", root.read("/etc/frr/frr.conf"));
    }

    @Test
    void newlineSequenceAndDirectoryDest() throws Exception {
        withVars(new TemplateModule(), args("src", src.toString(), "dest", "/etc/frr", "newline_sequence", "\\r\\n"), conn, false,
                Map.of("name", "a", "fabric", "b"));
        assertEquals("hostname a\r\nrouter openfabric b\r\n", root.read("/etc/frr/frr.conf.j2"));
    }

    @Test
    void badArguments() {
        rejects(new TemplateModule(), args("dest", "/x"), conn, "requires argument 'src'");
        rejects(new TemplateModule(), args("src", "a", "dest", "/x", "newline_sequence", "crlf"), conn, "is not one of");
        rejects(new TemplateModule(), args("src", "a", "dest", "/x", "content", "y"), conn, ") module: content.");
    }
}

package meshplay.modules.core;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.Test;

class BlockInFileTest extends TempRootTest {
    final BlockInFileModule module = new BlockInFileModule();

    private Outcome converge(String initial, Map<String, Object> a, String expected) throws Exception {
        root.file("/etc/f", initial);
        Outcome checked = check(module, a, conn);
        assertEquals(initial, root.read("/etc/f"));
        Outcome first = apply(module, a, conn);
        assertTrue(first.changed());
        assertEquals(checked.plan().diffs(), first.plan().diffs());
        assertEquals(expected, root.read("/etc/f"));
        assertFalse(apply(module, a, conn).changed(), "second run changes nothing");
        return first;
    }

    @Test
    void insertsAtEofWithDefaultMarkers() throws Exception {
        Outcome o = converge("a\nb", args("path", "/etc/f", "block", "x=1\ny=2"),
                "a\nb\n# BEGIN ANSIBLE MANAGED BLOCK\nx=1\ny=2\n# END ANSIBLE MANAGED BLOCK\n");
        assertEquals("Block inserted", o.result().data().get("msg"));
        assertEquals(Diff.Kind.FILE, o.plan().diffs().get(0).kind());
    }

    @Test
    void replacesBlockBetweenMarkersKeepingTheRest() throws Exception {
        converge("head\n# BEGIN ANSIBLE MANAGED BLOCK\nold\n# END ANSIBLE MANAGED BLOCK\ntail\n",
                args("path", "/etc/f", "block", "new1\nnew2\n"),
                "head\n# BEGIN ANSIBLE MANAGED BLOCK\nnew1\nnew2\n# END ANSIBLE MANAGED BLOCK\ntail\n");
    }

    @Test
    void customMarkersAndInsertBefore() throws Exception {
        converge("auto lo\niface lo inet loopback\nsource /etc/network/interfaces.d/*\n",
                args("path", "/etc/f", "block", "auto en05\niface en05 inet static", "marker", "## {mark} tb4 ##",
                        "marker_begin", "start", "marker_end", "stop", "insertbefore", "^source"),
                "auto lo\niface lo inet loopback\n## start tb4 ##\nauto en05\niface en05 inet static\n## stop tb4 ##\nsource /etc/network/interfaces.d/*\n");
    }

    @Test
    void insertAfterRegexAndBof() throws Exception {
        converge("[a]\n[b]\nz\n", args("path", "/etc/f", "block", "k=v", "insertafter", "^\\[b\\]"),
                "[a]\n[b]\n# BEGIN ANSIBLE MANAGED BLOCK\nk=v\n# END ANSIBLE MANAGED BLOCK\nz\n");
        converge("z\n", args("path", "/etc/f", "block", "k=v", "insertbefore", "BOF"),
                "# BEGIN ANSIBLE MANAGED BLOCK\nk=v\n# END ANSIBLE MANAGED BLOCK\nz\n");
    }

    @Test
    void multilineInsertAfter() throws Exception {
        converge("a\nb\nc\n", args("path", "/etc/f", "block", "X", "insertafter", "(?m)^a\\nb$"),
                "a\nb\n# BEGIN ANSIBLE MANAGED BLOCK\nX\n# END ANSIBLE MANAGED BLOCK\nc\n");
    }

    @Test
    void blankLinesAroundTheBlock() throws Exception {
        converge("a\nb\n", args("path", "/etc/f", "block", "X", "insertafter", "^a", "prepend_newline", true, "append_newline", true),
                "a\n\n# BEGIN ANSIBLE MANAGED BLOCK\nX\n# END ANSIBLE MANAGED BLOCK\n\nb\n");
    }

    @Test
    void absentAndEmptyBlockRemoveTheBlock() throws Exception {
        String with = "a\n# BEGIN ANSIBLE MANAGED BLOCK\nx\n# END ANSIBLE MANAGED BLOCK\nb\n";
        Outcome o = converge(with, args("path", "/etc/f", "state", "absent"), "a\nb\n");
        assertEquals("Block removed", o.result().data().get("msg"));
        converge(with, args("path", "/etc/f", "block", ""), "a\nb\n");
        assertFalse(apply(module, args("path", "/etc/missing", "state", "absent"), conn).changed());
    }

    @Test
    void createAndMissingFile() throws Exception {
        assertThrows(ModuleFailure.class, () -> check(module, args("path", "/etc/n/f", "block", "x"), conn));
        Outcome o = apply(module, args("path", "/etc/n/f", "block", "x", "create", true, "mode", "0600"), conn);
        assertEquals("File created", o.result().data().get("msg"));
        assertEquals("# BEGIN ANSIBLE MANAGED BLOCK\nx\n# END ANSIBLE MANAGED BLOCK\n", root.read("/etc/n/f"));
        assertFalse(apply(module, args("path", "/etc/n/f", "block", "x", "create", true, "mode", "0600"), conn).changed());
    }

    @Test
    void badArguments() throws Exception {
        root.file("/etc/f", "");
        rejects(module, args("path", "/etc/f", "insertafter", "a", "insertbefore", "b"), conn, "cannot be used together");
        rejects(module, args("block", "x"), conn, "requires argument 'path'");
        rejects(module, args("path", "/etc/f", "create", "sometimes"), conn, "not a boolean");
        rejects(module, args("path", "/etc/f", "markers", "x"), conn, ") module: markers.");
        assertThrows(ModuleFailure.class, () -> check(module, args("path", "/etc/f", "block", "x", "marker", "# managed"), conn));
    }
}

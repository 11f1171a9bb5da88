package meshplay.modules.core;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.Test;

class LineInFileTest extends TempRootTest {
    final LineInFileModule module = new LineInFileModule();

    /** Runs once (must change to {@code expected}), then again (must not change). */
    private Outcome converge(String initial, Map<String, Object> a, String expected) throws Exception {
        root.file("/etc/f", initial);
        Outcome checked = check(module, a, conn);
        assertEquals(initial, root.read("/etc/f"), "check mode wrote nothing");
        Outcome first = apply(module, a, conn);
        assertTrue(first.changed());
        assertEquals(checked.plan().diffs(), first.plan().diffs());
        assertEquals(expected, root.read("/etc/f"));
        assertFalse(apply(module, a, conn).changed(), "second run changes nothing");
        assertEquals(expected, root.read("/etc/f"));
        return first;
    }

    @Test
    void appendsMissingLineAtEofWithDiff() throws Exception {
        Outcome o = converge("a\nb\n", args("path", "/etc/f", "line", "c"), "a\nb\nc\n");
        assertEquals("line added", o.result().data().get("msg"));
        assertEquals(Diff.file("/etc/f", "a\nb\n", "a\nb\nc\n"), o.plan().diffs().get(0));
    }

    @Test
    void regexpReplacesLastMatchKeepingOtherLines() throws Exception {
        Outcome o = converge("# SELINUX=x\nSELINUX=enforcing\n  other  \t\nSELINUX=permissive\nend",
                args("path", "/etc/f", "regexp", "^SELINUX=", "line", "SELINUX=disabled"),
                "# SELINUX=x\nSELINUX=enforcing\n  other  \t\nSELINUX=disabled\nend");
        assertEquals("line replaced", o.result().data().get("msg"));
    }

    @Test
    void regexpFirstmatchReplacesFirst() throws Exception {
        converge("k=1\nk=2\n", args("path", "/etc/f", "regexp", "^k=", "line", "k=9", "firstmatch", true), "k=9\nk=2\n");
    }

    @Test
    void regexpWithoutMatchAppends() throws Exception {
        converge("x\n", args("path", "/etc/f", "regexp", "^PermitRootLogin", "line", "PermitRootLogin no"), "x\nPermitRootLogin no\n");
    }

    @Test
    void insertAfterRegexUsesLastMatchUnlessFirstmatch() throws Exception {
        converge("[a]\nx=1\n[a]\nz\n", args("path", "/etc/f", "line", "y=2", "insertafter", "^\\[a\\]"), "[a]\nx=1\n[a]\ny=2\nz\n");
        converge("[a]\nx=1\n[a]\nz\n", args("path", "/etc/f", "line", "y=2", "insertafter", "^\\[a\\]", "firstmatch", true),
                "[a]\ny=2\nx=1\n[a]\nz\n");
    }

    @Test
    void insertAfterLastLineWithoutNewline() throws Exception {
        converge("a\nanchor", args("path", "/etc/f", "line", "new", "insertafter", "^anchor"), "a\nanchor\nnew\n");
    }

    @Test
    void insertAfterWithoutMatchAppends() throws Exception {
        converge("a\n", args("path", "/etc/f", "line", "new", "insertafter", "^nothing"), "a\nnew\n");
    }

    @Test
    void insertBeforeRegexAndBof() throws Exception {
        converge("a\nauto lo\nb\n", args("path", "/etc/f", "line", "source x", "insertbefore", "^auto"), "a\nsource x\nauto lo\nb\n");
        converge("a\n", args("path", "/etc/f", "line", "#!/bin/sh", "insertbefore", "BOF"), "#!/bin/sh\na\n");
    }

    @Test
    void regexpMatchWinsOverInsertafter() throws Exception {
        converge("a\nk=1\n[s]\n", args("path", "/etc/f", "regexp", "^k=", "line", "k=2", "insertafter", "^\\[s\\]"), "a\nk=2\n[s]\n");
    }

    @Test
    void regexpIsReadAsPythonReadsIt() throws Exception {
        // group names may hold "_"; "." matches "\r" (only "\n" ends a line), as in regex_replace
        converge("max_rate=1\nx\ry=2\n", args("path", "/etc/f", "regexp", "^(?P<the_key>\\w+)=1$", "line", "\\g<the_key>=5", "backrefs", true),
                "max_rate=5\nx\ry=2\n");
        converge("x\ry=2\n", args("path", "/etc/f", "regexp", "^x.y=", "line", "xy=3"), "xy=3\n");
        ModuleFailure bad = assertThrows(ModuleFailure.class,
                () -> check(module, args("path", "/etc/f", "regexp", "^(x)", "line", "\\10", "backrefs", true), conn));
        assertTrue(bad.getMessage().contains("argument 'line': invalid group reference 10"), bad.getMessage());
    }

    @Test
    void backrefsExpandGroupsAndLeaveFileAloneWithoutMatch() throws Exception {
        converge("ListenAddress 10.0.0.1 # lan\n", args("path", "/etc/f", "regexp", "^(ListenAddress) \\S+(?P<rest>.*)$",
                "line", "\\1 0.0.0.0\\g<rest>", "backrefs", true), "ListenAddress 0.0.0.0 # lan\n");
        root.file("/etc/f", "nothing here\n");
        Outcome o = apply(module, args("path", "/etc/f", "regexp", "^Port (\\d+)", "line", "Port \\1", "backrefs", true), conn);
        assertFalse(o.changed());
        assertEquals("nothing here\n", root.read("/etc/f"));
    }

    @Test
    void exactLineAlreadyPresentIsNotMoved() throws Exception {
        root.file("/etc/f", "c\na\n");
        assertFalse(apply(module, args("path", "/etc/f", "line", "c", "insertafter", "^a"), conn).changed());
    }

    @Test
    void lastLineWithoutNewlineGetsOneBeforeAppend() throws Exception {
        converge("a\nb", args("path", "/etc/f", "line", "c"), "a\nb\nc\n");
    }

    @Test
    void crlfLinesAndOtherBytesAreKept() throws Exception {
        converge("a\r\nb\r\n", args("path", "/etc/f", "line", "c"), "a\r\nb\r\nc\n");
        converge("k=1\r\nz\r\n", args("path", "/etc/f", "regexp", "^k=1\r?$", "line", "k=2"), "k=2\nz\r\n");
        byte[] latin1 = {'x', '=', (byte) 0xe9, '\n'};
        Files.write(root.path("/etc/g"), latin1);
        apply(module, args("path", "/etc/g", "line", "y=1"), conn);
        byte[] expected = {'x', '=', (byte) 0xe9, '\n', 'y', '=', '1', '\n'};
        assertArrayEquals(expected, Files.readAllBytes(root.path("/etc/g")));
    }

    @Test
    void searchStringReplacesLiteralMatch() throws Exception {
        converge("opt a.b=1\nother\n", args("path", "/etc/f", "search_string", "a.b=", "line", "opt a.b=2"), "opt a.b=2\nother\n");
    }

    @Test
    void absentRemovesAllMatches() throws Exception {
        Outcome o = converge("keep\n#x 1\ndrop\n#x 2\n", args("path", "/etc/f", "regexp", "^#x", "state", "absent"), "keep\ndrop\n");
        assertEquals("2 line(s) removed", o.result().data().get("msg"));
        converge("keep\ndrop\n", args("path", "/etc/f", "line", "drop", "state", "absent"), "keep\n");
        Outcome missing = apply(module, args("path", "/etc/none", "line", "x", "state", "absent"), conn);
        assertFalse(missing.changed());
    }

    @Test
    void createMakesFileAndParents() throws Exception {
        assertThrows(ModuleFailure.class, () -> check(module, args("path", "/etc/new/f", "line", "x"), conn));
        Map<String, Object> a = args("path", "/etc/new/f", "line", "x", "create", true, "mode", "0600");
        assertTrue(check(module, a, conn).changed());
        assertFalse(root.exists("/etc/new"));
        assertTrue(apply(module, a, conn).changed());
        assertEquals("x\n", root.read("/etc/new/f"));
        assertFalse(apply(module, a, conn).changed());
    }

    @Test
    void editsTheFileBehindASymlinkAndKeepsTheLink() throws Exception {
        root.file("/run/real.conf", "a\n").file("/etc/other", "");
        Files.createSymbolicLink(root.path("/etc/link.conf"), Path.of("../run/real.conf"));
        apply(module, args("path", "/etc/link.conf", "line", "b"), conn);
        assertTrue(Files.isSymbolicLink(root.path("/etc/link.conf")));
        assertEquals("a\nb\n", root.read("/run/real.conf"));
        assertFalse(apply(module, args("path", "/etc/link.conf", "line", "b"), conn).changed());
    }

    @Test
    void argumentRules() throws Exception {
        root.file("/etc/f", "a\n");
        rejects(module, args("path", "/etc/f", "line", "x", "insertafter", "a", "insertbefore", "b"), conn, "cannot be used together");
        rejects(module, args("path", "/etc/f", "line", "x", "regexp", "a", "search_string", "b"), conn, "cannot be used together");
        rejects(module, args("path", "/etc/f", "line", "x", "backrefs", "perhaps"), conn, "not a boolean");
        rejects(module, args("path", "/etc/f", "line", "x", "state", "gone"), conn, "is not one of");
        rejects(module, args("line", "x"), conn, "requires argument 'path'");
        rejects(module, args("path", "/etc/f", "lines", "x"), conn, ") module: lines.");
        assertThrows(ModuleFailure.class, () -> check(module, args("path", "/etc/f"), conn));
        assertThrows(ModuleFailure.class, () -> check(module, args("path", "/etc/f", "state", "absent"), conn));
        assertThrows(ModuleFailure.class, () -> check(module, args("path", "/etc/f", "line", "x", "backrefs", true), conn));
        ModuleFailure bad = assertThrows(ModuleFailure.class, () -> check(module, args("path", "/etc/f", "line", "x", "regexp", "(unclosed"), conn));
        assertTrue(bad.getMessage().contains("not a valid regular expression"));
        assertThrows(ModuleFailure.class, () -> check(module, args("path", "/etc", "line", "x"), conn));
    }
}

package meshplay.modules.files;

import static meshplay.modules.core.Runs.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.LocalConnection;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness;
import meshplay.modules.core.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * replace, slurp, fetch, find and raw on this machine's temp directory through the local connection.
 * Expected values are those ansible-playbook 2.14 gave for the same files and arguments.
 */
class FilesModulesTest {
    static final String INI = "a=1\n# a=2\nb=3\n[s]\na=4\n";
    @TempDir
    Path dir;
    final LocalConnection host = new LocalConnection("web1");

    ModuleHarness.Outcome run(Module m, Map<String, Object> a, boolean check) throws Exception {
        return Runs.withVars(m, a, host, check, Map.of("playbook_dir", dir.toString()));
    }

    /** Check, run, run again: the check predicts the run, the second run changes nothing. */
    ModuleHarness.Outcome converge(Module m, Map<String, Object> a) throws Exception {
        ModuleHarness.Outcome predicted = run(m, a, true);
        ModuleHarness.Outcome first = run(m, a, false);
        assertTrue(first.changed());
        assertEquals(predicted.plan().diffs(), first.plan().diffs());
        assertFalse(run(m, a, false).changed(), "the second run changes nothing");
        return first;
    }

    String file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }

    @Test
    void replaceSubstitutesEveryMatchWithGroupsInMultilineMode() throws Exception {
        String f = file("f1", INI);
        var o = converge(new ReplaceModule(), args("path", f, "regexp", "^a=(\\d)$", "replace", "a=\\1\\1"));
        assertEquals("a=11\n# a=2\nb=3\n[s]\na=44\n", Files.readString(Path.of(f)));
        assertEquals("2 replacements made", o.result().data().get("msg"));
        assertEquals(0, o.result().data().get("rc"));
        assertEquals(INI, o.plan().diffs().get(0).before());
    }

    @Test
    void replaceOnlyAfterTheSectionMarker() throws Exception {
        String f = file("f2", INI);
        var o = converge(new ReplaceModule(), args("path", f, "regexp", "^a=", "replace", "A=", "after", "\\[s\\]"));
        assertEquals("a=1\n# a=2\nb=3\n[s]\nA=4\n", Files.readString(Path.of(f)));
        assertEquals("1 replacements made", o.result().data().get("msg"));
    }

    @Test
    void replaceReportsAnUnmatchedSectionAndAMissingFileAsAnsible() throws Exception {
        String f = file("f3", INI);
        var none = run(new ReplaceModule(), args("path", f, "regexp", "a", "after", "nomatch"), false);
        assertFalse(none.changed());
        assertEquals("Pattern for before/after params did not match the given file: nomatch(?P<subsection>.*)", none.result().data().get("msg"));
        assertEquals("", run(new ReplaceModule(), args("path", f, "regexp", "zzz", "replace", "y"), false).result().data().get("msg"));
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> run(new ReplaceModule(), args("path", dir + "/nofile", "regexp", "a"), false));
        assertEquals("Path " + dir + "/nofile does not exist !", e.getMessage());
        assertEquals(257, e.data().get("rc"));
    }

    @Test
    void slurpReturnsBase64() throws Exception {
        String f = file("f3", INI);
        var o = run(new SlurpModule(), args("src", f), false);
        assertEquals("YT0xCiMgYT0yCmI9Mwpbc10KYT00Cg==", o.result().data().get("content"));
        assertEquals("base64", o.result().data().get("encoding"));
        assertFalse(o.changed());
        assertThrows(ModuleFailure.class, () -> run(new SlurpModule(), args("src", dir.toString()), false));
    }

    @Test
    void fetchCopiesIntoDestHostSrcOnceAndKeepsItThen() throws Exception {
        String f = file("f3", INI);
        var o = converge(new FetchModule(), args("src", f, "dest", "out"));
        Path copy = dir.resolve("out/web1" + f);
        assertEquals(INI, Files.readString(copy));
        assertEquals(copy.toString(), o.result().data().get("dest"));
        assertEquals("e6e1ef30861b24d1df2783fdd69aa49bbcff0b1e", o.result().data().get("checksum"));
        assertEquals("5fcf3490dbff27ddd6d45216d43aa8e0", o.result().data().get("md5sum"));
        assertNull(o.result().data().get("remote_md5sum"));
        var again = run(new FetchModule(), args("src", f, "dest", "out"), false);
        assertEquals(f, again.result().data().get("file"));

        converge(new FetchModule(), args("src", f, "dest", "flat/", "flat", true));
        assertEquals(INI, Files.readString(dir.resolve("flat/f3")));
    }

    @Test
    void fetchOfAMissingFileFailsUnlessToldNotTo() throws Exception {
        var o = run(new FetchModule(), args("src", dir + "/nope", "dest", "out", "fail_on_missing", false), false);
        assertFalse(o.changed());
        assertEquals("the remote file does not exist, not transferring, ignored", o.result().data().get("msg"));
        assertThrows(ModuleFailure.class, () -> run(new FetchModule(), args("src", dir + "/nope", "dest", "out"), false));
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void findFiltersByGlobTypeSizeAgeAndContent() throws Exception {
        file("f1", INI);
        file("f2", "x\n");
        file("g1", INI);
        file(".f4", INI);
        Files.createDirectories(dir.resolve("fdir/sub"));
        file("fdir/sub/f5", "needle here\n");
        Files.setLastModifiedTime(dir.resolve("f2"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3 * 86400_000L));
        var all = run(new FindModule(), args("paths", dir.toString(), "patterns", "f*"), false).result().data();
        assertEquals(List.of(dir + "/f1", dir + "/f2"), paths(all));
        assertEquals(5, all.get("examined"), "every entry counts, hidden ones too (as Ansible: 5)");
        assertEquals("All paths examined", all.get("msg"));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) all.get("files")).stream()
                .filter(m -> m.get("path").equals(dir + "/f1")).findFirst().orElseThrow();
        assertEquals(22L, first.get("size"));
        assertEquals(true, first.get("isreg"));
        assertEquals(List.of(dir + "/f2"), paths(run(new FindModule(), args("paths", dir.toString(), "age", "2d"), false).result().data()));
        assertEquals(List.of(dir + "/f1", dir + "/g1"), paths(run(new FindModule(), args("paths", dir.toString(), "size", "10"), false).result().data()));
        assertEquals(List.of(dir + "/fdir/sub/f5"), paths(run(new FindModule(), args("paths", dir.toString(), "recurse", true,
                "contains", "need"), false).result().data()));
        assertEquals(List.of(dir + "/.f4", dir + "/f1", dir + "/f2"), paths(run(new FindModule(), args("paths", dir.toString(),
                "patterns", "^\\.?f\\d", "use_regex", true, "hidden", true), false).result().data()));
        assertEquals(List.of(dir + "/fdir"), paths(run(new FindModule(), args("paths", dir.toString(), "file_type", "directory"), false)
                .result().data()));
        var missing = run(new FindModule(), args("paths", dir + "/none"), false).result().data();
        assertEquals("Not all paths examined, check warnings for details", missing.get("msg"));
    }

    @SuppressWarnings("unchecked")
    static List<String> paths(Map<String, Object> result) {
        return ((List<Map<String, Object>>) result.get("files")).stream().map(m -> (String) m.get("path")).sorted().toList();
    }

    @Test
    void rawRunsTheLineAndReportsItsOutputAndFailure() throws Exception {
        var o = run(new RawModule(), args("cmd", "echo hi; echo err >&2"), false).result();
        assertEquals("hi\n", o.data().get("stdout"));
        assertEquals(List.of("err"), o.data().get("stderr_lines"));
        assertTrue(o.changed());
        var bad = run(new RawModule(), args("cmd", "exit 3"), false).result();
        assertTrue(bad.failed());
        assertEquals(3, bad.data().get("rc"));
        assertTrue(run(new RawModule(), args("cmd", "echo hi"), true).changed(), "check mode predicts a run");
    }

    @Test
    void scriptRunsACopyOnTheHostWithItsQuotedArgumentsAndCleansUp() throws Exception {
        Path script = dir.resolve("hello.sh");
        Files.writeString(script, "#!/bin/sh\nprintf '%s|' \"$@\"; pwd\n");
        var o = run(new ScriptModule(), args("cmd", script + " 'a b' c", "chdir", dir.toString()), false).result();
        assertEquals("a b|c|" + dir + "\n", o.data().get("stdout"));
        assertTrue(o.changed());
        assertFalse(run(new ScriptModule(), args("cmd", script.toString(), "creates", script.toString()), false).changed(),
                "creates names an existing path: not run");
        var failed = run(new ScriptModule(), args("cmd", script + " x", "executable", "false"), false).result();
        assertTrue(failed.failed(), "a non-zero exit fails the task");
    }

    @Test
    void tempfileCreatesANewFileOrDirectoryEachRun() throws Exception {
        var file = run(new TempfileModule(), args("path", dir.toString(), "prefix", "mp.", "suffix", ".txt"), false).result();
        String path = (String) file.data().get("path");
        assertTrue(path.startsWith(dir + "/mp.") && path.endsWith(".txt") && Files.isRegularFile(Path.of(path)), path);
        var d = run(new TempfileModule(), args("path", dir.toString(), "state", "directory"), false).result();
        assertTrue(Files.isDirectory(Path.of((String) d.data().get("path"))));
        var predicted = run(new TempfileModule(), args("path", dir.toString()), true);
        assertTrue(predicted.changed());
        assertNull(predicted.plan().data().get("path"), "a check run creates nothing");
    }
}

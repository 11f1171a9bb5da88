package meshplay.modules.core;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import meshplay.engine.module.PlanKind;
import meshplay.engine.connect.LocalConnection;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.Test;

class CommandTest extends TempRootTest {
    @Test
    void commandRunsWithoutShellAndReportsOutput() throws Exception {
        Outcome o = apply(new CommandModule(), args("cmd", "echo 'a b' $HOME"), conn);
        assertTrue(o.changed());
        assertFalse(o.result().failed());
        assertEquals("a b $HOME", o.result().data().get("stdout"));
        assertEquals(List.of("echo", "a b", "$HOME"), o.result().data().get("cmd"));
        assertEquals(0, o.result().data().get("rc"));
        assertEquals(List.of("a b $HOME"), o.result().data().get("stdout_lines"));
        assertTrue(((String) o.result().data().get("delta")).matches("\\d+:\\d\\d:\\d\\d\\.\\d{6}"));
    }

    @Test
    void argvAndStdin() throws Exception {
        Outcome o = apply(new CommandModule(), args("argv", List.of("cat"), "stdin", "hello"), conn);
        assertEquals("hello", o.result().data().get("stdout"));
        o = apply(new CommandModule(), args("argv", List.of("od", "-c"), "stdin", "x", "stdin_add_newline", false,
                "strip_empty_ends", false), conn);
        assertTrue(((String) o.result().data().get("stdout")).endsWith("\n"));
        assertFalse(((String) o.result().data().get("stdout")).contains("\\n"));
    }

    @Test
    void nonZeroReturnCodeFails() throws Exception {
        Outcome o = apply(new ShellModule(), args("cmd", "echo oops >&2; exit 3"), conn);
        assertTrue(o.result().failed());
        assertEquals("non-zero return code", o.result().msg());
        assertEquals(3, o.result().data().get("rc"));
        assertEquals("oops", o.result().data().get("stderr"));
        assertEquals(List.of("oops"), o.result().data().get("stderr_lines"));
    }

    @Test
    void shellUsesShellFeaturesAndExecutable() throws Exception {
        Outcome o = apply(new ShellModule(), args("cmd", "echo one | tr o O"), conn);
        assertEquals("One", o.result().data().get("stdout"));
        assertEquals("echo one | tr o O", o.result().data().get("cmd"));
        o = apply(new ShellModule(), args("cmd", "echo $0", "executable", "/bin/bash"), conn);
        assertEquals("/bin/bash", o.result().data().get("stdout"));
    }

    @Test
    void createsSkipsWhenPathExistsAndRunsOtherwise() throws Exception {
        Outcome first = apply(new ShellModule(), args("cmd", "touch \"$MESHPLAY_TEST_ROOT/done\"", "creates", "/done"), conn);
        assertTrue(first.changed());
        assertTrue(root.exists("/done"));
        Outcome second = apply(new ShellModule(), args("cmd", "touch \"$MESHPLAY_TEST_ROOT/done\"", "creates", "/done"), conn);
        assertFalse(second.changed());
        assertEquals("skipped, since /done exists", second.plan().note());
        assertEquals("skipped, since /done exists", second.result().data().get("stdout"));
        Outcome checked = check(new ShellModule(), args("cmd", "true", "creates", "/done"), conn);
        assertFalse(checked.changed());
    }

    @Test
    void removesSkipsWhenPathMissing() throws Exception {
        Outcome o = apply(new CommandModule(), args("cmd", "false", "removes", "/nothing"), conn);
        assertFalse(o.changed());
        assertFalse(o.result().failed());
        assertEquals("skipped, since /nothing does not exist", o.plan().note());
        root.file("/something", "x");
        assertTrue(check(new CommandModule(), args("cmd", "false", "removes", "/something"), conn).changed());
    }

    @Test
    void createsAcceptsAGlobExpandedOnTheTarget() throws Exception {
        LocalConnection host = new LocalConnection("localhost");
        Path logs = java.nio.file.Files.createDirectories(dir.resolve("my logs"));
        String glob = logs + "/run-*.log";
        assertTrue(check(new CommandModule(), args("cmd", "true", "creates", glob), host).changed());
        java.nio.file.Files.writeString(logs.resolve("run-1.log"), "");
        Outcome o = check(new CommandModule(), args("cmd", "true", "creates", glob), host);
        assertFalse(o.changed());
        assertEquals("skipped, since " + glob + " exists", o.plan().note());
        assertFalse(check(new CommandModule(), args("cmd", "true", "removes", logs + "/none-?.log"), host).changed());
    }

    @Test
    void createsIsRelativeToChdir() throws Exception {
        root.file("/work/out.txt", "x");
        Outcome o = check(new CommandModule(), args("cmd", "true", "chdir", "/work", "creates", "out.txt"), conn);
        assertFalse(o.changed());
        Outcome ran = apply(new CommandModule(), args("cmd", "pwd", "chdir", "/work"), conn);
        assertEquals(root.path("/work").toString(), ran.result().data().get("stdout"));
    }

    @Test
    void checkModePredictsARunWithoutRunning() throws Exception {
        Outcome o = check(new ShellModule(), args("cmd", "touch \"$MESHPLAY_TEST_ROOT/x\""), conn);
        assertTrue(o.changed());
        assertNull(o.result());
        assertFalse(root.exists("/x"));
        assertEquals("run: touch \"$MESHPLAY_TEST_ROOT/x\"", o.plan().changes().get(0).summary());
        assertEquals("touch \"$MESHPLAY_TEST_ROOT/x\"", o.plan().data().get("cmd"));
        assertEquals(PlanKind.RUN_TO_PREDICT, new CommandModule().kind());
    }

    @Test
    void badArguments() {
        rejects(new CommandModule(), args("cmd", "ls", "argv", List.of("ls")), conn, "cannot be used together");
        rejects(new CommandModule(), args("creates", "/x"), conn, "needs one of: cmd, argv");
        rejects(new CommandModule(), args("cmd", "ls", "chdri", "/"), conn, ") module: chdri.");
        rejects(new CommandModule(), args("cmd", "ls", "strip_empty_ends", "maybe"), conn, "not a boolean");
        rejects(new ShellModule(), args("chdir", "/"), conn, "requires argument 'cmd'");
    }

    @Test
    void freeFormAlias() throws Exception {
        Outcome o = apply(new CommandModule(), args("_raw_params", "echo hi"), conn);
        assertEquals("hi", o.result().data().get("stdout"));
    }
}

package meshplay.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import meshplay.cli.testing.PlaybookRun;
import meshplay.engine.exec.RunOptions;
import meshplay.engine.result.TaskResult;
import meshplay.engine.testing.TempRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check_mode / diff / no_log keywords, ansible_check_mode, predicted results and the --check --diff summary. */
class CheckModeKeywordsTest {
    private static final String H = "node1";
    @TempDir
    Path dir;
    PlaybookRun run;
    TempRoot root;

    @BeforeEach
    void setUp() throws IOException {
        run = new PlaybookRun(dir, H);
        root = run.root(H);
        root.file("/etc/hostname", "node1\n");
    }

    private PlaybookRun.Result play(String tasks, boolean check, boolean diff) throws IOException {
        run.write("play.yml", "- hosts: all\n  gather_facts: false\n  tasks:\n" + tasks.indent(4));
        RunOptions o = new RunOptions();
        o.check = check;
        o.diff = diff;
        return run.run("play.yml", o);
    }

    @Test
    void checkModeTrueOnATaskOnlyPlansItInARealRun() throws IOException {
        PlaybookRun.Result r = play("""
                - name: planned only
                  copy: {content: "x\\n", dest: /etc/planned}
                  check_mode: true
                - name: done
                  copy: {content: "y\\n", dest: /etc/done}
                """, false, false);
        assertEquals(2, r.changed(H));
        assertFalse(root.exists("/etc/planned"));
        assertTrue(root.exists("/etc/done"));
    }

    @Test
    void checkModeFalseRunsAReadOnlyProbeInACheckRun() throws IOException {
        PlaybookRun.Result r = play("""
                - name: probe
                  command: cat {{ host_root }}/etc/hostname
                  register: hn
                  check_mode: false
                  changed_when: false
                - name: use it
                  copy: {content: "host is {{ hn.stdout }}\n", dest: /etc/motd}
                """, true, true);
        assertEquals(0, r.exitCode(), r.console());
        assertTrue(r.console().contains("+host is node1"), r.console());
        assertFalse(root.exists("/etc/motd"));
    }

    @Test
    void commandInCheckModeSaysWouldRunAndCountsAsChanged() throws IOException {
        PlaybookRun.Result r = play("""
                - name: side effect
                  shell: echo hi > "$MESHPLAY_TEST_ROOT/out"
                - name: literal changed_when false
                  command: "true"
                  changed_when: false
                """, true, false);
        TaskResult side = r.results("side effect").get(0).result();
        assertTrue(side.changed());
        assertTrue(side.note().contains("would run"), side.note());
        assertFalse(r.results("literal changed_when false").get(0).result().changed());
        assertFalse(root.exists("/out"));
    }

    @Test
    void ansibleCheckModeTellsTasksWhichRunThisIs() throws IOException {
        String tasks = """
                - name: say
                  copy: {content: "check={{ ansible_check_mode }}", dest: /etc/mode}
                  check_mode: false
                """;
        play(tasks, true, false);
        assertEquals("check=True", root.read("/etc/mode"));
        play(tasks, false, false);
        assertEquals("check=False", root.read("/etc/mode"));
    }

    @Test
    void diffFalseHidesOneTasksDiff() throws IOException {
        PlaybookRun.Result r = play("""
                - name: shown
                  copy: {content: "shown-content\\n", dest: /etc/a}
                - name: not shown
                  copy: {content: "hidden-content\\n", dest: /etc/b}
                  diff: false
                """, true, true);
        assertTrue(r.console().contains("+++ after: /etc/a"), r.console());
        assertTrue(r.console().contains("+shown-content"));
        assertFalse(r.console().contains("hidden-content"), r.console());
    }

    @Test
    void noLogHidesArgumentsResultsAndDiffs() throws IOException {
        PlaybookRun.Result r = play("""
                - name: secret file
                  copy: {content: "password=hunter22\\n", dest: /etc/secret.conf}
                  no_log: true
                """, true, true);
        assertFalse(r.console().contains("hunter22"), r.console());
        assertFalse(r.console().contains("/etc/secret.conf"), r.console());
        assertTrue(r.console().contains("1 hidden by no_log"), r.console());
    }

    @Test
    void aTaskThatNeedsTheOutputOfAPlannedCommandSaysWhyInsteadOfFailingObscurely() throws IOException {
        String tasks = """
                - name: read version
                  command: cat {{ host_root }}/etc/hostname
                  register: ver
                - name: write version
                  copy: {content: "{{ ver.stdout }}\\n", dest: /etc/version}
                """;
        PlaybookRun.Result check = play(tasks, true, false);
        TaskResult failed = check.results("write version").get(0).result();
        assertTrue(failed.failed());
        assertTrue(failed.msg().contains("'ver' from task 'read version' (" + dir.resolve("play.yml")), failed.msg());
        assertTrue(failed.msg().contains("did not run"), failed.msg());
        assertTrue(failed.msg().contains("check_mode: false"), failed.msg());
        assertTrue(check.console().contains("in check mode this value is unknown"), check.console());

        PlaybookRun.Result real = play(tasks, false, false);
        assertEquals(0, real.exitCode(), real.console());
        assertTrue(Files.readString(root.path("/etc/version")).startsWith("node1"));
    }

    @Test
    void aPredictedResultIsMarkedAndTasksReadingItSaySo() throws IOException {
        PlaybookRun.Result check = play("""
                - name: planned write
                  copy: {content: "new\\n", dest: /etc/motd}
                  register: w
                - name: show it
                  copy: {content: "changed={{ w.changed }} predicted={{ w.predicted }}", dest: /etc/report}
                  check_mode: false
                """, true, false);
        assertEquals(0, check.exitCode(), check.console());
        assertEquals("changed=True predicted=True", root.read("/etc/report"));
        TaskResult shown = check.results("show it").get(0).result();
        assertTrue(shown.note().contains("uses a predicted result: 'w' from task 'planned write'"), shown.note());
    }

    @Test
    void checkDiffRunEndsWithASummaryOfHostsTasksAndFiles() throws IOException {
        root.file("/etc/motd", "old\n");
        PlaybookRun.Result r = play("""
                - name: motd
                  copy: {content: "new\\n", dest: /etc/motd}
                - name: data dir
                  file: {path: /srv/data, state: directory}
                - name: already fine
                  copy: {content: "node1\\n", dest: /etc/hostname}
                """, true, true);
        String out = r.console();
        int at = out.indexOf("CHECK SUMMARY");
        assertTrue(at > out.indexOf("PLAY RECAP"), out);
        String summary = out.substring(at);
        assertTrue(summary.contains("hosts: node1"), summary);
        assertTrue(summary.contains("tasks that would change:\n  node1 (2): motd, data dir"), summary);
        assertTrue(summary.contains("files that would change:\n  node1 (1): /etc/motd"), summary);
        assertFalse(play("- name: motd\n  copy: {content: \"x\", dest: /etc/motd}\n", true, false).console().contains("CHECK SUMMARY"));
    }
}

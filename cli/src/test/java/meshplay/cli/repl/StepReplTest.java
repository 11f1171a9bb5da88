package meshplay.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import meshplay.cli.testing.PlaybookRun;
import meshplay.engine.exec.RunOptions;
import meshplay.engine.step.StepController;
import meshplay.engine.testing.TempRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every prompt command, driven with piped input through the real engine; asserts on the screen and on the host. */
class StepReplTest {
    private static final String H = "node1";
    private static final String PLAY = """
            - hosts: all
              gather_facts: false
              vars:
                greeting: hello
                ansible_become_password: s3cr3t-pw
              tasks:
                - name: first
                  shell: echo "{{ greeting }}" >> "$MESHPLAY_TEST_ROOT/first.log"
                - name: second
                  copy: {content: "two\\n", dest: /etc/second}
                - name: third
                  copy: {content: "three\\n", dest: /etc/third}
            """;
    @TempDir
    Path dir;
    PlaybookRun run;
    TempRoot root;

    @BeforeEach
    void setUp() throws IOException {
        run = new PlaybookRun(dir, H);
        root = run.root(H);
        Files.createDirectories(root.path("/etc"));
        run.write("play.yml", PLAY);
    }

    /** One run with the prompt reading {@code input}; the prompt's screen and the run's result. */
    record Session(PlaybookRun.Result result, String screen) {
    }

    private Session session(String playbook, String input, boolean step, boolean debugger) {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        System.setProperty("user.home", dir.toString()); // history goes to the temp dir (MESHPLAY_HISTORY unset)
        // what the command line gets: the REPL for --step/--debugger, else one that opens for a debugger: keyword
        StepController repl = StepControllers.open(step, debugger, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), screen);
        RunOptions o = new RunOptions();
        o.debugger = debugger;
        PlaybookRun.Result r;
        try {
            r = run.run(playbook, o, repl);
        } finally {
            StepControllers.close(repl);
        }
        // the line reader ends an accepted line with \r\n, as a terminal does
        return new Session(r, screen.toString(StandardCharsets.UTF_8).replace("\r", ""));
    }

    private Session step(String input) {
        return session("play.yml", input, true, false);
    }

    private String firstLog() throws IOException {
        return root.exists("/first.log") ? root.read("/first.log") : "";
    }

    @Test
    void showsTaskOriginHostsAndRenderedArgumentsThenRunsOnY() throws IOException {
        Session s = step("y\ny\ny\n");
        assertTrue(s.screen().contains("STEP 1/3 TASK [first] at " + dir.resolve("play.yml") + ":7"), s.screen());
        assertTrue(s.screen().contains("  hosts: node1"), s.screen());
        assertTrue(s.screen().contains("args shell [node1]: {\"cmd\":\"echo \\\"hello\\\" >> \\\"$MESHPLAY_TEST_ROOT/first.log\\\"\"}"), s.screen());
        assertTrue(s.screen().contains("step> y\n"), "piped input is echoed: " + s.screen());
        assertEquals("hello\n", firstLog());
        assertTrue(root.exists("/etc/second") && root.exists("/etc/third"));
        assertEquals(0, s.result().exitCode());
    }

    @Test
    void nSkipsOnlyThatTask() throws IOException {
        Session s = step("n\nyes\nrun\n");
        assertEquals("", firstLog());
        assertTrue(root.exists("/etc/second") && root.exists("/etc/third"));
        assertTrue(s.result().console().contains("ok=2"), s.result().console());
    }

    @Test
    void cRunsTheRestWithoutAsking() throws IOException {
        Session s = step("continue\n");
        assertEquals(1, s.screen().split("STEP ", -1).length - 1, s.screen());
        assertTrue(root.exists("/etc/third"));
    }

    @Test
    void dShowsThePlannedDiffWithoutChangingAnythingThenAsksAgain() throws IOException {
        Session s = step("n\nd\nn\nn\n");
        assertTrue(s.screen().contains("PREVIEW (check mode, nothing was changed):"), s.screen());
        assertTrue(s.screen().contains("+++ after: /etc/second"), s.screen());
        assertTrue(s.screen().contains("+two"), s.screen());
        assertFalse(root.exists("/etc/second"));
        assertEquals(2, s.screen().split("STEP 2/3", -1).length - 1, "asked again after the preview: " + s.screen());
    }

    @Test
    void dRespectsDiffFalseInheritedFromTheBlock() throws IOException {
        run.write("quiet.yml", """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - block:
                        - name: quiet
                          copy: {content: "private-content\\n", dest: /etc/quiet}
                      diff: false
                """);
        Session s = session("quiet.yml", "d\nn\n", true, false);
        assertTrue(s.screen().contains("(diff hidden by diff: false)"), s.screen());
        assertFalse(s.screen().contains("+private-content"), s.screen());
    }

    @Test
    void pEvaluatesExpressionsPerHostAndReportsErrors() {
        Session s = step("p greeting\np greeting | upper\np nosuchvar\nq\n");
        assertTrue(s.screen().contains("  node1: hello\n"), s.screen());
        assertTrue(s.screen().contains("  node1: HELLO\n"), s.screen());
        assertTrue(s.screen().contains("  node1: error: ") && s.screen().contains("nosuchvar"), s.screen());
    }

    @Test
    void varsListsVariablesAndMasksSecrets() {
        Session s = step("vars\np ansible_become_password\nq\n");
        assertTrue(s.screen().contains("  greeting = hello\n"), s.screen());
        assertTrue(s.screen().contains("  inventory_hostname = node1\n"), s.screen());
        assertTrue(s.screen().contains("  ansible_become_password = ********\n"), s.screen());
        assertTrue(s.screen().contains("(hidden: ansible_become_password is secret"), s.screen());
        assertFalse(s.screen().contains("s3cr3t-pw"), s.screen());
    }

    @Test
    void aPasswordInRenderedArgumentsIsMasked() throws IOException {
        run.write("pw.yml", """
                - hosts: all
                  gather_facts: false
                  vars: {ansible_become_password: s3cr3t-pw}
                  tasks:
                    - name: leaks the password
                      copy: {content: "pw={{ ansible_become_password }}", dest: /etc/pw}
                """);
        Session s = session("pw.yml", "args\nq\n", true, false);
        assertTrue(s.screen().contains("\"content\":\"pw=********\""), s.screen());
        assertFalse(s.screen().contains("s3cr3t-pw"), s.screen());
    }

    @Test
    void setChangesAVariableForTheRestOfTheRun() throws IOException {
        Session s = step("set greeting=bonjour\ny\nc\n");
        assertTrue(s.screen().contains("greeting = bonjour  (every host, for the rest of the run)"), s.screen());
        assertEquals("bonjour\n", firstLog());
    }

    @Test
    void argsChangesAnArgumentOfThisTaskOnly() throws IOException {
        Session s = step("n\nargs dest=/etc/elsewhere\ny\ny\n");
        assertTrue(s.screen().contains("args copy [node1]: {\"content\":\"two\\n\",\"dest\":\"/etc/elsewhere\"}"), s.screen());
        assertEquals("two\n", root.read("/etc/elsewhere"));
        assertFalse(root.exists("/etc/second"));
        assertTrue(root.exists("/etc/third"));
    }

    @Test
    void lListsTheTasksWithThePosition() {
        Session s = step("n\nl\nq\n");
        assertTrue(s.screen().contains("    1  first  ("), s.screen());
        assertTrue(s.screen().contains("=>  2  second  ("), s.screen());
        assertTrue(s.screen().contains("    3  third  ("), s.screen());
    }

    @Test
    void jJumpsForwardSkippingTheTasksBetween() throws IOException {
        Session s = step("j 3\nj 1\ny\n");
        assertTrue(s.screen().contains("jump: skipping to task 3 [third]"), s.screen());
        assertTrue(s.screen().contains("jump only goes forward"), s.screen());
        assertEquals("", firstLog());
        assertFalse(root.exists("/etc/second"));
        assertTrue(root.exists("/etc/third"));
    }

    @Test
    void rRunsThePreviousTaskAgainAndOnlyItsLastRunCounts() throws IOException {
        Session s = step("r\ny\nr\nn\nn\n");
        assertTrue(s.screen().contains("nothing has run yet"), s.screen());
        assertTrue(s.screen().contains("redo: TASK [first]"), s.screen());
        assertEquals("hello\nhello\n", firstLog());
        assertTrue(s.result().recap().get(H).startsWith("ok=1 changed=1 "), s.result().recap().toString());
    }

    @Test
    void hShowsTheCommands() {
        Session s = step("h\nbogus\nq\n");
        assertTrue(s.screen().contains("y, run"), s.screen());
        assertTrue(s.screen().contains("q, quit"), s.screen());
        assertTrue(s.screen().contains("unknown command 'bogus'"), s.screen());
    }

    @Test
    void qQuitsCleanlyWithTheRecapAndCode99() {
        Session s = step("y\nq\n");
        assertEquals(99, s.result().exitCode());
        assertTrue(s.result().console().contains("PLAY RECAP"), s.result().console());
        assertTrue(s.screen().contains("quit: the run ends here"));
        assertFalse(root.exists("/etc/second"));
    }

    @Test
    void theEndOfPipedInputQuits() {
        Session s = step("y\n");
        assertEquals(99, s.result().exitCode());
        assertFalse(root.exists("/etc/second"));
    }

    @Test
    void noLogTasksShowNeitherArgumentsNorDiffs() throws IOException {
        run.write("secret.yml", """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: secret
                      copy: {content: "token=abcdef123\\n", dest: /etc/token}
                      no_log: true
                      register: tok
                    - name: after
                      copy: {content: "x\\n", dest: /etc/after}
                """);
        Session s = session("secret.yml", "d\ny\np tok\nvars\nq\n", true, false);
        assertTrue(s.screen().contains("args copy [node1]: hidden by no_log"), s.screen());
        assertTrue(s.screen().contains("(diff hidden by no_log)"), s.screen());
        assertTrue(s.screen().contains("(hidden: tok is secret"), s.screen());
        assertTrue(s.screen().contains("  tok = ********"), s.screen());
        assertFalse(s.screen().contains("abcdef123"), s.screen());
        assertFalse(s.result().console().contains("abcdef123"), s.result().console());
    }

    @Test
    void argumentsAndPrintAreShownPerHost() throws IOException {
        PlaybookRun two = new PlaybookRun(dir.resolve("two"), "n2", "n3");
        two.write("play.yml", """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: name file
                      copy: {content: "{{ inventory_hostname }}", dest: /hostname}
                """);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        StepRepl repl = StepControllers.open(true, new ByteArrayInputStream("p inventory_hostname\ny\n".getBytes(StandardCharsets.UTF_8)), screen);
        two.run("play.yml", new RunOptions(), repl);
        repl.close();
        String s = screen.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("  hosts: n2, n3"), s);
        assertTrue(s.contains("args copy [n2]: {\"content\":\"n2\",\"dest\":\"/hostname\"}"), s);
        assertTrue(s.contains("args copy [n3]: {\"content\":\"n3\",\"dest\":\"/hostname\"}"), s);
        assertTrue(s.contains("  n2: n2\n") || s.contains("  n2: n2\r\n"), s);
        assertEquals("n3", two.root("n3").read("/hostname"));
    }

    @Test
    void historyIsSavedToMeshplayHistory() throws IOException {
        step("p greeting\nq\n");
        Path history = dir.resolve(".meshplay_history");
        assertTrue(Files.exists(history));
        assertTrue(Files.readString(history).contains("p greeting"));
    }

    @Test
    void aSecretSetAtThePromptIsNeitherEchoedNorKeptInTheHistory() throws IOException {
        Session s = step("set ansible_become_password=n3w-s3cr3t-value\nset db_token\nt0ken-typed-hidden\np ansible_become_password\n"
                + "p greeting\nvars\nq\n");
        assertFalse(s.screen().contains("n3w-s3cr3t-value"), s.screen());
        assertFalse(s.screen().contains("t0ken-typed-hidden"), s.screen());
        assertTrue(s.screen().contains("ansible_become_password = ******** (secret"), s.screen());
        assertTrue(s.screen().contains("db_token = ******** (secret"), s.screen());
        String history = Files.readString(dir.resolve(".meshplay_history"));
        assertFalse(history.contains("n3w-s3cr3t-value"), history);
        assertFalse(history.contains("t0ken-typed-hidden"), history);
        assertFalse(history.contains("set ansible_become_password"), history);
        assertTrue(history.contains("p greeting"), "other commands are kept: " + history);
    }

    @Test
    void aFactSetByANoLogTaskIsHiddenInTheDebugger() throws IOException {
        writeQuiet("nolog.yml", """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: keep a secret
                      set_fact: {api_result: "hunter2-from-nolog", plain: visible-value}
                      no_log: true
                    - name: break
                      copy: {src: missing.conf, dest: /etc/app.conf}
                      debugger: on_failed
                """);
        Session s = session("nolog.yml", "p api_result\np api_result + '!'\np plain\nvars\nq\n", false, false);
        assertFalse(s.screen().contains("hunter2-from-nolog"), s.screen());
        assertFalse(s.screen().contains("visible-value"), "every fact a no_log task sets is secret: " + s.screen());
        assertTrue(s.screen().contains("api_result is secret"), s.screen());
    }

    private static final String FAILING = """
            - hosts: all
              gather_facts: false
              tasks:
                - name: install config
                  copy: {src: missing.conf, dest: /etc/app.conf}
                  debugger: on_failed
                - name: after
                  copy: {content: "after\\n", dest: /etc/after}
            """;

    @Test
    void debuggerShowsTheFailureAndRedoRetriesAfterArgsFixTheTask() throws IOException {
        run.write("fail.yml", FAILING);
        run.write("files/app.conf", "port=80\n");
        Session s = session("fail.yml", "p inventory_hostname\nargs src=app.conf\nredo\n", false, false);
        assertTrue(s.screen().contains("DEBUGGER TASK [install config] at " + dir.resolve("fail.yml") + ":4"), s.screen());
        assertTrue(s.screen().contains("  node1: failed => ") && s.screen().contains("could not find 'missing.conf'"), s.screen());
        assertTrue(s.screen().contains("retrying TASK [install config]"), s.screen());
        assertEquals("port=80\n", root.read("/etc/app.conf"));
        assertEquals("after\n", root.read("/etc/after"));
        assertEquals(0, s.result().exitCode(), s.result().console());
        assertTrue(s.result().recap().get(H).startsWith("ok=2 changed=2 unreachable=0 failed=0"), s.result().recap().toString());
        assertFalse(s.screen().contains("STEP "), "the debugger alone asks nothing before tasks");
    }

    @Test
    void debuggerOptionOpensOnFailureAndContinueLeavesTheFailure() throws IOException {
        run.write("fail.yml", FAILING.replace("      debugger: on_failed\n", ""));
        Session s = session("fail.yml", "d\nc\n", false, true);
        assertTrue(s.screen().contains("'d' is not available in the debugger"), s.screen());
        assertEquals(2, s.result().exitCode());
        assertFalse(root.exists("/etc/after"));
        Session none = session("fail.yml", "", false, false);
        assertEquals("", none.screen(), "without --debugger or the keyword nothing opens");
        writeQuiet("never.yml", FAILING.replace("on_failed", "never"));
        Session never = session("never.yml", "", false, true);
        assertEquals("", never.screen(), "debugger: never wins over --debugger");
        assertEquals(2, never.result().exitCode());
    }

    private void writeQuiet(String name, String content) {
        try {
            run.write(name, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutFlagsAFreeStrategyPlayStaysFreeWithStepItRunsLinear() {
        writeQuiet("free.yml", PLAY.replace("  gather_facts: false\n", "  gather_facts: false\n  strategy: free\n"));
        Session plain = session("free.yml", "", false, false);
        assertFalse(plain.result().console().contains("linear strategy"), plain.result().console());
        assertEquals(0, plain.result().exitCode());
        Session stepping = session("free.yml", "c\n", true, false);
        assertTrue(stepping.result().console().contains("cannot be used with --step or --debugger; the play runs with the linear strategy"),
                stepping.result().console());
    }

    @Test
    void debuggerQuitEndsTheRunWith99() {
        writeQuiet("fail.yml", FAILING);
        Session s = session("fail.yml", "q\n", false, false);
        assertEquals(99, s.result().exitCode());
        assertTrue(s.result().console().contains("PLAY RECAP"));
    }
}

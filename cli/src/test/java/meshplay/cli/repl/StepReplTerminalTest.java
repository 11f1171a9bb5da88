package meshplay.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import meshplay.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `meshplay run --step` in a separate process on its own stdin: piped (a silent dumb terminal,
 * scriptable) and on a real terminal inside tmux (send-keys, capture-pane), asserting on the screen and
 * on the files the run wrote (a local connection, paths under the test's directory).
 */
class StepReplTerminalTest {
    private static final String PLAY = """
            - hosts: all
              gather_facts: false
              vars:
                greeting: hello
              tasks:
                - name: first
                  copy: {content: "{{ greeting }}", dest: "{{ playbook_dir }}/out/first"}
                - name: second
                  copy: {content: "two", dest: "{{ playbook_dir }}/out/second"}
            """;
    @TempDir
    Path dir;
    String tmuxSocket;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("play.yml"), PLAY);
        Files.writeString(dir.resolve("inventory"), "node1 ansible_connection=local\n");
        Files.createDirectories(dir.resolve("out"));
    }

    private String written(String name) throws IOException {
        return Files.readString(dir.resolve("out").resolve(name));
    }

    private boolean exists(String name) {
        return Files.exists(dir.resolve("out").resolve(name));
    }

    @AfterEach
    void stopTmux() throws Exception {
        if (tmuxSocket != null) new ProcessBuilder("tmux", "-L", tmuxSocket, "kill-server").start().waitFor(10, TimeUnit.SECONDS);
    }

    private List<String> command(String... flags) {
        // the command line's own entry point, as the jar runs it: meshplay run PLAYBOOK -i INVENTORY ...
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", dir.resolve("play.yml").toString(),
                "-i", dir.resolve("inventory").toString()));
        cmd.addAll(List.of(flags));
        return cmd;
    }

    @Test
    void pipedStdinIsScriptableAndSilent() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command("--step"));
        pb.environment().put("MESHPLAY_HISTORY", dir.resolve("history").toString());
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().write("p greeting\nset greeting=bonjour\ny\nq\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ends");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(99, p.exitValue(), out + err);
        assertEquals("", err, "no terminal warning on piped stdin");
        assertTrue(out.contains("step> p greeting\n  node1: hello\n"), out);
        assertTrue(out.contains("STEP 2/2 TASK [second]"), out);
        assertTrue(out.contains("PLAY RECAP"), out);
        assertEquals("bonjour", written("first"));
        assertFalse(exists("second"));
        assertTrue(Files.readString(dir.resolve("history")).contains("set greeting=bonjour"));
    }

    @Test
    void onARealTerminalInTmuxWithCompletionAndHistory() throws Exception {
        assumeTrue(hasTmux(), "tmux is not installed: the real-terminal test needs it");
        tmuxSocket = "meshplay-test-" + UUID.randomUUID();
        String shellCmd = "cd " + dir + " && MESHPLAY_HISTORY=" + dir.resolve("history") + " "
                + String.join(" ", command("--step").stream().map(StepReplTerminalTest::quote).toList())
                + "; echo EXIT=$?; sleep 60";
        tmux("new-session", "-d", "-s", "t", "-x", "200", "-y", "50", shellCmd);
        // capture-pane drops trailing spaces: an empty prompt shows as "step>"
        String screen = waitFor(s -> lastLine(s).equals("step>"));
        assertTrue(screen.contains("STEP 1/2 TASK [first]"), screen);
        tmux("send-keys", "-t", "t", "p gree", "Tab");
        screen = waitFor(s -> s.contains("step> p greeting"));
        tmux("send-keys", "-t", "t", "Enter");
        // keys typed before the prompt is back would reach a terminal that is not reading (as for a person)
        screen = waitFor(s -> s.contains("node1: hello") && lastLine(s).equals("step>"));
        tmux("send-keys", "-t", "t", "Up");
        screen = waitFor(s -> lastLine(s).equals("step> p greeting"));
        tmux("send-keys", "-t", "t", "C-u", "y", "Enter");
        screen = waitFor(s -> s.contains("STEP 2/2 TASK [second]") && lastLine(s).equals("step>"));
        tmux("send-keys", "-t", "t", "q", "Enter");
        screen = waitFor(s -> s.contains("EXIT="));
        assertTrue(screen.contains("PLAY RECAP"), screen);
        assertTrue(screen.contains("EXIT=99"), screen);
        assertEquals("hello", written("first"));
        assertFalse(exists("second"));
    }

    @Test
    void aSecretTypedOnARealTerminalIsRedrawnMaskedAndNotKept() throws Exception {
        assumeTrue(hasTmux(), "tmux is not installed: the real-terminal test needs it");
        tmuxSocket = "meshplay-test-" + UUID.randomUUID();
        String shellCmd = "cd " + dir + " && MESHPLAY_HISTORY=" + dir.resolve("history") + " "
                + String.join(" ", command("--step").stream().map(StepReplTerminalTest::quote).toList())
                + "; echo EXIT=$?; sleep 60";
        tmux("new-session", "-d", "-s", "t", "-x", "200", "-y", "50", shellCmd);
        waitFor(s -> lastLine(s).equals("step>"));
        tmux("send-keys", "-t", "t", "set api_token=typed-in-clear-42", "Enter");
        String screen = waitFor(s -> s.contains("api_token = ********") && lastLine(s).equals("step>"));
        assertTrue(screen.contains("step> set api_token=********"), "the typed line is redrawn masked: " + screen);
        tmux("send-keys", "-t", "t", "set db_password", "Enter");
        waitFor(s -> lastLine(s).startsWith("value of db_password (hidden):"));
        tmux("send-keys", "-t", "t", "never-on-screen-7", "Enter");
        waitFor(s -> s.contains("db_password = ********") && lastLine(s).equals("step>"));
        tmux("send-keys", "-t", "t", "q", "Enter");
        screen = waitFor(s -> s.contains("EXIT="));
        assertFalse(screen.contains("typed-in-clear-42"), screen);
        assertFalse(screen.contains("never-on-screen-7"), screen);
        String history = Files.exists(dir.resolve("history")) ? Files.readString(dir.resolve("history")) : "";
        assertFalse(history.contains("typed-in-clear-42") || history.contains("never-on-screen-7"), history);
        assertTrue(history.contains("q"), "other commands are kept: " + history);
    }

    @Test
    void theDebuggerOnARealTerminalRetriesAfterArgsFixTheTask() throws Exception {
        assumeTrue(hasTmux(), "tmux is not installed: the real-terminal test needs it");
        Files.writeString(dir.resolve("app.conf"), "port=80\n");
        Files.writeString(dir.resolve("deploy.yml"), """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: app config
                      copy: {src: app.cfg, dest: "{{ playbook_dir }}/out/app.conf"}
                      debugger: on_failed
                """);
        tmuxSocket = "meshplay-test-" + UUID.randomUUID();
        List<String> cmd = new ArrayList<>(command());
        cmd.set(cmd.indexOf(dir.resolve("play.yml").toString()), dir.resolve("deploy.yml").toString());
        tmux("new-session", "-d", "-s", "t", "-x", "200", "-y", "50", "cd " + dir + " && MESHPLAY_HISTORY=" + dir.resolve("history") + " "
                + String.join(" ", cmd.stream().map(StepReplTerminalTest::quote).toList()) + "; echo EXIT=$?; sleep 60");
        String screen = waitFor(s -> lastLine(s).equals("debug>"));
        assertTrue(screen.contains("DEBUGGER TASK [app config]") && screen.contains("could not find 'app.cfg'"), screen);
        tmux("send-keys", "-t", "t", "ar", "Tab");
        waitFor(s -> lastLine(s).equals("debug> args"));
        tmux("send-keys", "-t", "t", "src=app.conf", "Enter");
        waitFor(s -> s.contains("\"src\":\"app.conf\"") && lastLine(s).equals("debug>"));
        tmux("send-keys", "-t", "t", "redo", "Enter");
        screen = waitFor(s -> s.contains("EXIT="));
        assertTrue(screen.contains("EXIT=0"), screen);
        assertEquals("port=80\n", written("app.conf"));
    }

    private static String lastLine(String screen) {
        String[] lines = screen.stripTrailing().split("\n");
        return lines[lines.length - 1];
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static boolean hasTmux() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private void tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", tmuxSocket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    private String capture() throws Exception {
        Process p = new ProcessBuilder("tmux", "-L", tmuxSocket, "capture-pane", "-p", "-t", "t", "-S", "-200").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** Polls the screen until it shows what is expected (the JVM start takes a moment); fails with the screen after 60 s. */
    private String waitFor(Predicate<String> shown) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String s = capture();
        while (!shown.test(s)) {
            if (System.nanoTime() > end) throw new AssertionError("the screen never showed what was expected:\n" + s);
            Thread.sleep(100);
            s = capture();
        }
        return s;
    }
}

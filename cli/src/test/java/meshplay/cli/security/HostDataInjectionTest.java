package meshplay.cli.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import meshplay.cli.testing.PlaybookRun;
import meshplay.engine.exec.RunOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The injection corpus: each file in src/test/resources/injection is one way a playbook can use text a
 * host returned (registered output, facts, lookups, hostvars, loops, ...). Every host serves a payload
 * that, if evaluated as an expression, makes the controller create a canary file. The case passes when
 * the canary never appears and the run shows what its first line promises:
 * <ul>
 * <li>{@code # expect: refused}: the text was refused as a condition with Ansible's message, never evaluated;</li>
 * <li>{@code # expect: shown}: the payload was printed as text, never evaluated;</li>
 * <li>{@code # expect: not evaluated}: the run shows neither (the text was taken apart as arguments), but the
 * sandbox never saw it: it was not evaluated;</li>
 * <li>{@code # expect: guarded}: the text is trusted as in Ansible (include_vars), so it was evaluated, and
 * the template sandbox refused the reflection.</li>
 * </ul>
 * The hosts h1 and h2 are local connections with a fake {@code hostname} tool that answers the payload
 * for {@code hostname -f}, so the fqdn fact carries it too. To add a case, add a file.
 */
class HostDataInjectionTest {
    private static final Path CASES = Path.of("src/test/resources/injection");
    private static final String REFUSED = "Conditional is marked as unsafe, and cannot be evaluated.";
    private static final String SANDBOX = "cannot be used in a template";

    @TempDir
    Path dir;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted().toList();
            assertTrue(names.size() >= 40, "the corpus has " + names.size() + " cases");
            return names.stream();
        }
    }

    /**
     * The expression a hostile host returns: reflection that runs {@code touch canary} on the controller. It
     * picks ProcessBuilder's List constructor itself (the JVM lists constructors in no fixed order) and waits
     * for touch, so the canary exists as soon as the expression has run.
     */
    static String payload(Path canary) {
        String constructors = "''.getClass().forName('java.lang.ProcessBuilder').getConstructors()";
        return "(" + constructors + "[0] if " + constructors + "[1].isVarArgs() else " + constructors + "[1])"
            + ".newInstance(['touch " + canary + "'.split()].toArray()).start().waitFor()";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostDataIsNeverEvaluated(String name) throws Exception {
        String text = Files.readString(CASES.resolve(name));
        String expect = text.lines().findFirst().orElse("").replaceFirst("^#\\s*expect:\\s*", "").trim();
        Path canary = dir.resolve("canary");
        String payload = payload(canary);

        PlaybookRun run = new PlaybookRun(dir, "h1", "h2");
        for (String h : List.of("h1", "h2")) {
            Files.writeString(run.root(h).root().resolve("payload.txt"), payload + "\n");
            Files.writeString(run.root(h).root().resolve("jinja.txt"), "{{ " + payload + " }}\n");
        }
        run.fakeTool("hostname", "case \"$1\" in -f) cat \"$MESHPLAY_TEST_ROOT/payload.txt\" ;; *) echo node ;; esac");
        run.write("templates/show.j2", "{{ r.stdout }}\n");
        StringBuilder pb = new StringBuilder("- hosts: all\n  gather_facts: false\n  vars:\n"
            + "    payload_file: \"{{ host_root }}/payload.txt\"\n    jinja_file: \"{{ host_root }}/jinja.txt\"\n  tasks:\n");
        text.lines().forEach(l -> pb.append("    ").append(l).append('\n'));
        run.write("site.yml", pb.toString());

        PlaybookRun.Result r = run.run("site.yml", new RunOptions());
        String console = r.console();

        assertFalse(Files.exists(canary), () -> name + ": the controller ran the host's payload\n" + console);
        switch (expect) {
            case "refused" -> {
                assertTrue(console.contains(REFUSED), () -> name + ": expected the unsafe refusal\n" + console);
                assertFalse(console.contains(SANDBOX), () -> name + ": the host's text was evaluated\n" + console);
            }
            case "shown" -> {
                assertTrue(console.contains(payload), () -> name + ": expected the payload printed as text\n" + console);
                assertFalse(console.contains(SANDBOX), () -> name + ": the host's text was evaluated\n" + console);
            }
            case "not evaluated" -> assertFalse(console.contains(SANDBOX), () -> name + ": the host's text was evaluated\n" + console);
            case "guarded" -> assertTrue(console.contains(SANDBOX), () -> name + ": expected the sandbox error\n" + console);
            default -> throw new AssertionError(name + ": the first line must be '# expect: refused|shown|not evaluated|guarded', got: " + expect);
        }
    }
}

package meshplay.cli.compat;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.cli.Main;
import meshplay.engine.report.UnifiedDiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential corpus: runs meshplay in-process on every case of compat/cases and compares exit
 * code, recap and printed values with what ansible-playbook 2.14 printed (compat/expected, written
 * by compat/record). A case listed in compat/pending.txt (meshplay lacks the behaviour today) is
 * reported, not failed, but it fails once it matches, so that the list only shrinks. A case listed
 * in compat/differs.txt differs on purpose; it is reported and not compared. A pending case whose
 * reason says "never ends" is not run at all.
 * {@code -Dcompat.case=NAME} runs the cases whose name contains NAME.
 */
class CompatCorpusTest {
    /** A pending reason with these words marks a case that meshplay does not finish today; it is not run. */
    private static final String NEVER_ENDS = "never ends";
    private static final Path COMPAT = Path.of("..", "compat").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @Test
    void everyCaseMatchesAnsible() throws IOException {
        Map<String, String> pending = marks("pending.txt");
        Map<String, String> differs = marks("differs.txt");
        String only = System.getProperty("compat.case", "");
        List<CorpusCase> cases = CorpusCase.all(COMPAT);
        assertTrue(cases.size() >= 200 || !only.isEmpty(), "the corpus has only " + cases.size() + " cases");
        List<String> failures = new ArrayList<>();
        List<String> stillPending = new ArrayList<>();
        int matched = 0;
        int run = 0;
        for (CorpusCase c : cases) {
            if (!c.name().contains(only)) continue;
            run++;
            if (differs.containsKey(c.name())) continue;
            if (pending.getOrDefault(c.name(), "").contains(NEVER_ENDS)) {
                stillPending.add(c.name() + " (not run)");
                continue;
            }
            Path expectedFile = COMPAT.resolve("expected").resolve(c.name() + ".txt");
            if (!Files.exists(expectedFile)) {
                failures.add(c.name() + ": no recorded result; run compat/record " + c.name());
                continue;
            }
            String expected = Files.readString(expectedFile);
            String actual = run(c);
            boolean same = expected.equals(actual);
            if (same) matched++;
            if (pending.containsKey(c.name())) {
                if (same) failures.add(c.name() + ": matches ansible-playbook now; remove it from compat/pending.txt");
                else stillPending.add(c.name());
            } else if (!same) {
                failures.add(c.name() + ": differs from ansible-playbook 2.14 (- expected, + meshplay)\n"
                        + UnifiedDiff.render("ansible-playbook", "meshplay", expected, actual));
            }
        }
        System.out.printf("compat corpus: %d cases run, %d match ansible-playbook 2.14, %d pending, %d differ on purpose%n",
                run, matched, stillPending.size(), differs.size());
        if (!stillPending.isEmpty()) System.out.println("compat pending: " + String.join(", ", stillPending));
        if (!failures.isEmpty()) fail(failures.size() + " corpus case(s) failed:\n\n" + String.join("\n\n", failures));
    }

    private String run(CorpusCase c) throws IOException {
        Path tmp = Files.createTempDirectory(temp, c.name() + "-").toRealPath();
        List<String> args = new ArrayList<>(List.of("run", c.playbook().toString(), "-i", c.inventory().toString(),
                "-e", "tmp=" + tmp, "--json"));
        args.addAll(c.args());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]));
        return CorpusResult.normalise(code, out.toString(StandardCharsets.UTF_8), tmp.toString(), c.dir().toString());
    }

    /** NAME: reason lines of a list file; # comments and blank lines are skipped. */
    private static Map<String, String> marks(String file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Path p = COMPAT.resolve(file);
        if (!Files.exists(p)) return out;
        for (String line : Files.readAllLines(p)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            int colon = t.indexOf(':');
            if (colon < 0) throw new IllegalStateException(file + ": '" + t + "' should be 'NAME: reason'");
            out.put(t.substring(0, colon).strip(), t.substring(colon + 1).strip());
        }
        return out;
    }
}

package meshplay.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorFormatterTest {
    @Test
    void printsTheSourceLineWithACaretUnderTheColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("site.yml");
        Files.writeString(file, "- hosts: all\n  tasks:\n    - name: list\n      shel: ls\n");
        String out = ErrorFormatter.format(new UserError(new Origin(file.toString(), 4, 7), "unknown module 'shel'", "did you mean 'shell'?"));
        assertEquals("ERROR! unknown module 'shel'\n"
                + "  --> " + file + ":4:7\n"
                + "   |\n"
                + " 4 |       shel: ls\n"
                + "   |       ^\n"
                + "  hint: did you mean 'shell'?\n", out);
    }

    @Test
    void withoutASourceFileOnlyTheOriginIsShown() {
        String out = ErrorFormatter.format(new UserError(new Origin("-e", 0, 0), "bad value", null));
        assertEquals("ERROR! bad value\n  --> -e\n", out);
    }

    @Test
    void wideLineNumbersKeepTheGutterAligned(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.yml");
        Files.writeString(file, "a\n".repeat(11) + "\tkey: v\n");
        String out = ErrorFormatter.format(new UserError(new Origin(file.toString(), 12, 2), "m", null));
        assertEquals(true, out.contains("    |\n 12 | \tkey: v\n    | \t^\n"), out);
    }
}

package meshplay.engine.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The console's start of a run: at -vv, as ansible-playbook, the playbook's name and its number of plays. */
class ConsoleReporterBannerTest {
    private static String start(int verbosity) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        new ConsoleReporter(out, verbosity, false).on(new Event.RunStart("dir/site.yml", 3, false, false));
        out.flush();
        return text.toString();
    }

    @Test
    void doubleVerboseShowsThePlaybookAndItsPlayCount() {
        String out = start(2);
        assertTrue(out.contains("\nPLAYBOOK: site.yml *"), out);
        assertTrue(out.contains("\n3 plays in dir/site.yml\n"), out);
    }

    @Test
    void lessVerboseShowsNeither() {
        String out = start(1);
        assertFalse(out.contains("PLAYBOOK"), out);
        assertFalse(out.contains("plays in"), out);
    }
}

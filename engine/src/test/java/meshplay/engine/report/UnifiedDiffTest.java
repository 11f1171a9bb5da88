package meshplay.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import meshplay.engine.module.Diff;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void changedLineWithContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String after = "a\nb\nc\nd\nX\nf\ng\nh\n";
        assertEquals("--- before: /etc/x\n+++ after: /etc/x\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+X\n f\n g\n h\n",
                DiffText.render(Diff.file("/etc/x", before, after)));
    }

    @Test
    void newFileIsAllAdditions() {
        assertEquals("--- before: /f (absent)\n+++ after: /f\n@@ -0,0 +1,2 @@\n+one\n+two\n",
                DiffText.render(Diff.file("/f", null, "one\ntwo\n")));
    }

    @Test
    void stateDiffIsOneLine() {
        assertEquals("net.ipv4.ip_forward: 0 -> 1\n", DiffText.render(Diff.state("net.ipv4.ip_forward", 0, 1)));
    }
}

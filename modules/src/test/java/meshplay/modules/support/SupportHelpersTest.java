package meshplay.modules.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SupportHelpersTest {
    @Test
    void linesKeepTheirTerminators() {
        String text = "a\r\nb\n\nc";
        List<String> lines = Lines.split(text);
        assertEquals(List.of("a\r\n", "b\n", "\n", "c"), lines);
        assertEquals(text, Lines.join(lines));
        assertEquals("a", Lines.strip("a\r\n"));
        assertEquals("a\r", Lines.body("a\r\r\n"), "body drops one terminator only");
        assertEquals("a", Lines.strip("a\r\r\n"), "strip drops every trailing CR/LF, as Python's rstrip");
        assertEquals(List.of(), Lines.split(null));
        assertTrue(Lines.isBlank(" \t\r\n"));
        List<String> appended = new java.util.ArrayList<>(Lines.split("a\nb"));
        Lines.appendLine(appended, "c");
        assertEquals("a\nb\nc\n", Lines.join(appended));
    }

    @Test
    void textBytesRoundTripAnyBytes() {
        byte[] latin1 = {'a', (byte) 0xe9, '\n'};
        TextBytes t = TextBytes.decode(latin1);
        assertArrayEquals(latin1, t.encode(t.text()));
        assertFalse(TextBytes.isText(new byte[]{0, 1}));
        assertTrue(TextBytes.isText("h\u00e9".getBytes(StandardCharsets.UTF_8)));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", TextBytes.sha1("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void pollStopsWhenTheConditionHoldsAndKeepsTheLastError() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Poll.Outcome o = Poll.until(Duration.ZERO, Duration.ofMillis(10), Duration.ofSeconds(10), () -> calls.incrementAndGet() >= 3);
        assertTrue(o.held());
        assertEquals(3, calls.get());
        Poll.Outcome failed = Poll.until(Duration.ZERO, Duration.ofMillis(10), Duration.ofMillis(50), () -> {
            throw new IllegalStateException("refused");
        });
        assertFalse(failed.held());
        assertEquals("refused", failed.lastError().getMessage());
    }
}

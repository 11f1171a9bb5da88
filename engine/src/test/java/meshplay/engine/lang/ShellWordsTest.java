package meshplay.engine.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Command lines split and quoted as Python's shlex.split and shlex.quote do (the command module, ssh_args, the quote filter). */
class ShellWordsTest {
    @Test
    void shellWordsSplitLikeShlex() {
        assertEquals(List.of("echo", "a b", "c\"d", "e f", "$HOME", "x\\y"), ShellWords.split("echo 'a b' \"c\\\"d\" e\\ f $HOME 'x\\y'"));
        assertEquals(List.of("a", ""), ShellWords.split("a ''"));
        assertEquals(List.of(), ShellWords.split("   "));
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo 'open"));
    }

    @Test
    void quotingLeavesSafeWordsAndRoundTripsTheRest() {
        assertEquals("abc/x.y-z", ShellQuote.quote("abc/x.y-z"));
        assertEquals("''", ShellQuote.quote(""));
        assertEquals("'a b'", ShellQuote.quote("a b"));
        assertEquals("'it'\"'\"'s'", ShellQuote.quote("it's"));
        List<String> argv = List.of("printf", "%s\n", "it's $HOME", "", "a\"b");
        assertEquals(argv, ShellWords.split(ShellQuote.join(argv)));
    }
}

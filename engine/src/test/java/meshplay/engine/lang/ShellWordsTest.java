package meshplay.engine.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Command lines split as Python's shlex.split splits them (the command module, ssh_args). */
class ShellWordsTest {
    @Test
    void shellWordsSplitLikeShlex() {
        assertEquals(List.of("echo", "a b", "c\"d", "e f", "$HOME", "x\\y"), ShellWords.split("echo 'a b' \"c\\\"d\" e\\ f $HOME 'x\\y'"));
        assertEquals(List.of("a", ""), ShellWords.split("a ''"));
        assertEquals(List.of(), ShellWords.split("   "));
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo 'open"));
    }
}

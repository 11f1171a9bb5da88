package meshplay.engine.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Python's re read by Java: each expected value is what python3's re gives for the same call. */
class PyRegexTest {
    @Test
    void onlyNewlineEndsALine() {
        assertTrue(PyRegex.compile("a.b").matcher("a\rb").find(), "'.' matches \\r");
        assertFalse(PyRegex.compile("a$").matcher("a\r\n").find(), "'$' is not before \\r\\n");
        assertTrue(PyRegex.compile("a$").matcher("a\n").find(), "'$' is before a final \\n");
        assertFalse(PyRegex.compile("a\\Z").matcher("a\n").find(), "\\Z is the very end");
    }

    @Test
    void namedGroupsMayHoldUnderscores() {
        Matcher m = PyRegex.compile("^(?P<my_key>\\w+)=(?P<Zed>\\d+)(?P=my_key)?$").matcher("port=22port");
        assertTrue(m.find());
        assertEquals("port", PyRegex.group(m, "my_key"));
        assertEquals("22", PyRegex.group(m, "Zed"));
        assertEquals("22=port", PyRegex.expand(m, "\\g<Zed>=\\g<my_key>"));
    }

    @Test
    void expandFollowsMatchExpand() {
        Matcher m = PyRegex.compile("^(?P<key>\\w+)=(\\d+)(x)?$").matcher("port=22");
        assertTrue(m.find());
        assertEquals("port is 22 (port)", PyRegex.expand(m, "\\g<key> is \\2 (\\g<1>)"));
        assertEquals("[]", PyRegex.expand(m, "[\\3]"), "a group that did not take part is empty");
        assertNull(PyRegex.group(m, "3"));
        assertEquals("\u0000|a|\n\t\\|\\.", PyRegex.expand(m, "\\0|\\141|\\n\\t\\\\|\\."));
    }

    @Test
    void replacementsPythonRefusesAreErrors() {
        Matcher m = PyRegex.compile("(a)").matcher("a");
        assertTrue(m.find());
        assertTrue(assertThrows(LangException.class, () -> PyRegex.expand(m, "\\10")).getMessage().contains("invalid group reference 10"));
        assertTrue(assertThrows(LangException.class, () -> PyRegex.expand(m, "\\2")).getMessage().contains("1 group(s)"));
        assertTrue(assertThrows(LangException.class, () -> PyRegex.expand(m, "\\q")).getMessage().contains("bad escape \\q"));
        assertTrue(assertThrows(LangException.class, () -> PyRegex.expand(m, "\\g<nope>")).getMessage().contains("'nope'"));
        assertTrue(assertThrows(LangException.class, () -> PyRegex.compile("(unclosed")).getMessage().contains("not a valid regular expression"));
    }

    @Test
    void subReplacesAllOrCount() {
        Pattern p = PyRegex.compile("(\\w)-(\\w)");
        assertEquals("b-a d-c", PyRegex.sub(p, "\\2-\\1", "a-b c-d", 0));
        assertEquals("b-a c-d", PyRegex.sub(p, "\\2-\\1", "a-b c-d", 1));
        assertEquals("$1 x", PyRegex.sub(PyRegex.compile("a"), "$1", "a x", 0), "'$' is plain text");
        assertEquals("X-b", PyRegex.sub(PyRegex.compile("A", true, false), "X", "a-b", 0));
    }

    @Test
    void inlineMultilineIsSeen() {
        assertTrue(PyRegex.isMultiline("(?m)^a$"));
        assertFalse(PyRegex.isMultiline("^a(?m)"));
    }
}

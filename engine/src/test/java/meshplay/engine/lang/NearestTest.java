package meshplay.engine.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one "did you mean" search that argument, module, keyword and .link key suggestions use. */
class NearestTest {
    @Test
    void closestWithinTheLimitFirstOfEquals() {
        assertEquals("shell", Nearest.of("shel", List.of("command", "shell", "stat"), 2));
        assertEquals("cat", Nearest.of("bat", List.of("cat", "hat"), 1), "first of equally close candidates");
        assertNull(Nearest.of("xyz", List.of("copy", "file"), 2));
        assertEquals("abcd", Nearest.of("ab", List.of("abcd"), 2), "a distance equal to the limit is close enough");
        assertNull(Nearest.of("a", List.of("abcd"), 2));
    }

    @Test
    void distanceCanBeChosen() {
        assertEquals("MTUBytes", Nearest.of(List.of("Name", "MTUBytes"),
                c -> Nearest.editDistance("mtubyte", c.toLowerCase()), 3));
    }

    @Test
    void toleranceGrowsWithTheLength() {
        assertEquals(2, Nearest.tolerance("becom"));
        assertEquals(4, Nearest.tolerance("ansible_python"));
        assertEquals(3, Nearest.editDistance("kitten", "sitting"));
    }
}

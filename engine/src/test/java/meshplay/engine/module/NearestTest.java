package meshplay.engine.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one "did you mean" search that argument, module, keyword and .link key suggestions use. */
class NearestTest {
    @Test
    void closestWithinTheLimitFirstOfEquals() {
        assertEquals("shell", ArgValidator.nearest("shel", List.of("command", "shell", "stat"), 2));
        assertEquals("cat", ArgValidator.nearest("bat", List.of("cat", "hat"), 1), "first of equally close candidates");
        assertNull(ArgValidator.nearest("xyz", List.of("copy", "file"), 2));
        assertEquals("abcd", ArgValidator.nearest("ab", List.of("abcd"), 2), "a distance equal to the limit is close enough");
        assertNull(ArgValidator.nearest("a", List.of("abcd"), 2));
    }

    @Test
    void distanceCanBeChosen() {
        assertEquals("MTUBytes", ArgValidator.nearest(List.of("Name", "MTUBytes"),
                c -> ArgValidator.editDistance("mtubyte", c.toLowerCase()), 3));
    }

    @Test
    void toleranceGrowsWithTheLength() {
        assertEquals(2, ArgValidator.typoTolerance("becom"));
        assertEquals(4, ArgValidator.typoTolerance("ansible_python"));
        assertEquals(3, ArgValidator.editDistance("kitten", "sitting"));
    }
}

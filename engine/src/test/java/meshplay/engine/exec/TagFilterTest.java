package meshplay.engine.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import meshplay.engine.exec.include.TagFilter;
import org.junit.jupiter.api.Test;

class TagFilterTest {
    @Test
    void noSelectionRunsEverythingButNever() {
        TagFilter f = new TagFilter(Set.of(), Set.of());
        assertTrue(f.selects(Set.of()));
        assertTrue(f.selects(Set.of("x")));
        assertTrue(f.selects(Set.of("always")));
        assertFalse(f.selects(Set.of("never")));
        assertFalse(f.selects(Set.of("never", "debug")));
    }

    @Test
    void tagsSelectByNameWithAlwaysAndTaggedUntagged() {
        assertTrue(new TagFilter(Set.of("x"), Set.of()).selects(Set.of("x", "y")));
        assertFalse(new TagFilter(Set.of("x"), Set.of()).selects(Set.of("y")));
        assertTrue(new TagFilter(Set.of("x"), Set.of()).selects(Set.of("always")));
        assertTrue(new TagFilter(Set.of("debug"), Set.of()).selects(Set.of("never", "debug")));
        assertTrue(new TagFilter(Set.of("tagged"), Set.of()).selects(Set.of("y")));
        assertFalse(new TagFilter(Set.of("tagged"), Set.of()).selects(Set.of()));
        assertTrue(new TagFilter(Set.of("untagged"), Set.of()).selects(Set.of()));
        assertFalse(new TagFilter(Set.of("untagged"), Set.of()).selects(Set.of("y")));
    }

    @Test
    void skipTagsWinAndAlwaysIsSkippedOnlyByName() {
        assertFalse(new TagFilter(Set.of("x"), Set.of("y")).selects(Set.of("x", "y")));
        assertTrue(new TagFilter(Set.of(), Set.of("y")).selects(Set.of("always")));
        assertFalse(new TagFilter(Set.of(), Set.of("always")).selects(Set.of("always")));
        assertFalse(new TagFilter(Set.of(), Set.of("untagged")).selects(Set.of()));
    }
}

package meshplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;
import org.junit.jupiter.api.Test;

class HostRangesTest {
    private static final Origin AT = new Origin("hosts", 3, 1);

    @Test
    void numericLetterPaddedSteppedAndMultiple() {
        assertEquals(List.of("web08", "web09", "web10"), HostRanges.expand("web[08:10]", AT));
        assertEquals(List.of("n2", "n3"), HostRanges.expand("n[2:3]", AT));
        assertEquals(List.of("db-a.lab", "db-b.lab"), HostRanges.expand("db-[a:b].lab", AT));
        assertEquals(List.of("h0", "h5", "h10"), HostRanges.expand("h[:10:5]", AT));
        assertEquals(List.of("r1a", "r1b", "r2a", "r2b"), HostRanges.expand("r[1:2][a:b]", AT));
        assertEquals(List.of("plain"), HostRanges.expand("plain", AT));
    }

    @Test
    void badRangesSayWhy() {
        UserError backwards = assertThrows(UserError.class, () -> HostRanges.expand("n[5:2]", AT));
        assertTrue(backwards.getMessage().contains("ends before it starts"));
        assertEquals(AT, backwards.origin());
        assertTrue(assertThrows(UserError.class, () -> HostRanges.expand("n[01:100]", AT)).getMessage().contains("same width"));
        assertTrue(assertThrows(UserError.class, () -> HostRanges.expand("n[a:3]", AT)).getMessage().contains("mixes letters and numbers"));
        assertTrue(assertThrows(UserError.class, () -> HostRanges.expand("n[1:3:0]", AT)).getMessage().contains("step must be positive"));
        assertTrue(assertThrows(UserError.class, () -> HostRanges.expand("n[1:3", AT)).getMessage().contains("invalid host range"));
    }
}

package meshplay.engine.exec.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The play-wide host lists of the magic variables: built only when read, once, and then fixed. */
class OnFirstReadTest {
    @Test
    void computesOnTheFirstReadOnlyAndKeepsThatList() {
        AtomicInteger computed = new AtomicInteger();
        List<String> hosts = new ArrayList<>(List.of("n1", "n2"));
        List<String> lazy = new OnFirstRead<>(() -> {
            computed.incrementAndGet();
            return hosts;
        });
        assertEquals(0, computed.get(), "a task that never reads the list never walks the hosts");
        assertEquals(List.of("n1", "n2"), lazy);
        assertEquals("n2", lazy.get(1));
        assertEquals(2, lazy.size());
        hosts.remove("n2");
        assertEquals(List.of("n1", "n2"), lazy, "read once, the list stays what it was");
        assertEquals(1, computed.get());
    }

    @Test
    void isReadOnlyAndComparesAsAList() {
        List<String> lazy = new OnFirstRead<>(() -> List.of("n1"));
        assertThrows(UnsupportedOperationException.class, () -> lazy.add("n2"));
        assertEquals(List.of("n1").hashCode(), lazy.hashCode());
        assertEquals("[n1]", lazy.toString());
    }
}

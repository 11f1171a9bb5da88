package meshplay.engine.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The become password chain the runner and the SSH connection share. */
class BecomePasswordTest {
    @Test
    void theHostVariablesComeBeforeThePasswordAskedFor() {
        assertEquals("p1", Become.password(Map.of("ansible_become_password", "p1", "ansible_become_pass", "p2")::get, "asked"));
        assertEquals("p2", Become.password(Map.of("ansible_become_pass", "p2")::get, "asked"));
        assertEquals("asked", Become.password(Map.<String, String>of()::get, "asked"));
        assertNull(Become.password(Map.<String, String>of()::get, null));
    }

    @Test
    void anEmptyValueCountsAsUnset() {
        assertEquals("p2", Become.password(Map.of("ansible_become_password", "", "ansible_become_pass", "p2")::get, "asked"));
        assertEquals("asked", Become.password(Map.of("ansible_become_pass", "")::get, "asked"));
    }
}

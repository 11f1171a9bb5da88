package meshplay.modules.pve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import meshplay.engine.module.ModuleFailure;
import org.junit.jupiter.api.Test;

class PveCliTest {
    private static final List<String> CMD = List.of("ceph", "osd", "pool", "ls", "detail", "-f", "json");

    @Test
    void parsesToolJsonKeepingKeyOrder() throws Exception {
        Object v = PveCli.parse(CMD, " [{\"pool_name\": \"rbd\", \"size\": 3, \"ratio\": 0.5, \"ok\": true, \"x\": null}]\n");
        Map<?, ?> pool = (Map<?, ?>) ((List<?>) v).get(0);
        assertEquals(List.of("pool_name", "size", "ratio", "ok", "x"), List.copyOf(pool.keySet()));
        assertEquals(3L, ((Number) pool.get("size")).longValue());
        assertEquals(0.5, pool.get("ratio"));
        assertEquals(true, pool.get("ok"));
        assertNull(PveCli.parse(CMD, "  \n"), "no output is no value");
    }

    @Test
    void outputThatIsNotJsonFailsTheTaskNamingTheCommand() {
        ModuleFailure f = assertThrows(ModuleFailure.class, () -> PveCli.parse(CMD, "Error: ENOENT"));
        assertTrue(f.getMessage().startsWith("ceph osd pool ls detail -f json printed output that is not JSON: "), f.getMessage());
        assertThrows(ModuleFailure.class, () -> PveCli.parse(CMD, "{\"a\": 1} trailing"));
    }
}

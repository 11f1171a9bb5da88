package meshplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import org.junit.jupiter.api.Test;

/** json_query over pvesh/ceph-like JSON, with JMESPath's projection rules. */
class JsonQueryTest {
    private final MvelTemplar t = new MvelTemplar();
    private static final String STATUS = "[{\"type\": \"cluster\", \"name\": \"tb4\", \"quorate\": 1, \"nodes\": 3},"
        + " {\"type\": \"node\", \"name\": \"n2\", \"online\": 1, \"ip\": \"10.11.11.12\"},"
        + " {\"type\": \"node\", \"name\": \"n3\", \"online\": 0, \"ip\": \"10.11.11.13\"}]";
    private static final String OSDS = "{\"nodes\": [{\"name\": \"n2\", \"children\": [{\"id\": 0, \"status\": \"up\"}, {\"id\": 1, \"status\": \"down\"}]},"
        + " {\"name\": \"n3\", \"children\": [{\"id\": 2, \"status\": \"up\"}]}], \"stray\": []}";

    private Object q(String json, String query) {
        return t.evaluate("data | from_json | json_query(q)", Y.vars("data", json, "q", query), Y.AT);
    }

    @Test
    void fieldsIndexesAndFilters() {
        assertEquals(List.of("n2", "n3"), q(STATUS, "[?type=='node'].name"));
        assertEquals(List.of("n2"), q(STATUS, "[?type=='node' && online==`1`].name"));
        assertEquals(List.of("n3"), q(STATUS, "[?type=='node' && !(online==`1`)].name"));
        assertEquals(1, q(STATUS, "[?type=='cluster'] | [0].quorate"));
        assertEquals("tb4", q(STATUS, "[0].name"));
        assertEquals("n3", q(STATUS, "[-1].name"));
        assertEquals(List.of("10.11.11.12", "10.11.11.13"), q(STATUS, "[?nodes == null].ip"));
        assertEquals(List.of(List.of("n2", "10.11.11.12")), q(STATUS, "[?online > `0`].[name, ip]"));
        assertEquals(List.of(Map.of("n", "n2")), q(STATUS, "[?online >= `1`].{n: name}"));
    }

    @Test
    void projectionsAndFlatten() {
        assertEquals(List.of(List.of(0, 1), List.of(2)), q(OSDS, "nodes[*].children[*].id"));
        assertEquals(List.of(0, 1, 2), q(OSDS, "nodes[].children[].id"));
        assertEquals(List.of(1), q(OSDS, "nodes[].children[?status=='down'].id | []"));
        assertEquals(3, q(OSDS, "length(nodes[].children[])"));
        assertEquals(List.of("n2", "n3"), q(OSDS, "nodes[*].name"));
        assertEquals(List.of("n2"), q(OSDS, "nodes[:1].name"));
        assertEquals(Arrays.asList(List.of(), List.of("n2", "n3")), q("{\"a\": {\"x\": []}, \"b\": {\"x\": [\"n2\", \"n3\"]}}", "*.x"));
        assertEquals(List.of(), q(OSDS, "stray[*].id"));
        assertEquals(null, q(OSDS, "missing[*].id"));
    }

    @Test
    void functions() {
        assertEquals(2, q(OSDS, "length(nodes)"));
        assertEquals(List.of("nodes", "stray"), q(OSDS, "keys(@)"));
        assertEquals("n2,n3", q(OSDS, "join(',', nodes[*].name)"));
        assertEquals(true, q(OSDS, "contains(nodes[*].name, 'n3')"));
        assertEquals(List.of("n2"), q(OSDS, "nodes[?starts_with(name, 'n2')].name"));
        assertEquals(2, q(OSDS, "max(nodes[].children[].id)"));
        assertEquals(3, q(OSDS, "sum(nodes[].children[].id)"));
        assertEquals("fallback", q(OSDS, "not_null(missing, 'fallback')"));
        assertEquals("it's", q("{}", "'it\\'s'"));
        assertEquals(Map.of("a", 1), q("{}", "`{\"a\": 1}`"));
    }

    @Test
    void mistakesAreClearErrors() {
        UserError e = assertThrows(UserError.class, () -> q(OSDS, "nodes[?name=='n2'"));
        assertTrue(e.getMessage().startsWith("json_query: expected ']'"), e.getMessage());
        e = assertThrows(UserError.class, () -> q(OSDS, "nosuch(nodes)"));
        assertTrue(e.getMessage().startsWith("json_query: unknown function 'nosuch()'"), e.getMessage());
    }
}

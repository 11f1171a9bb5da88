package meshplay.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void escapesAndNests() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\n\u0001");
        m.put("l", List.of(1, true));
        m.put("n", null);
        assertEquals("{\"s\":\"a\\\"b\\n\\u0001\",\"l\":[1,true],\"n\":null}", Json.write(m));
    }
}

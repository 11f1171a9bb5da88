package meshplay.engine.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One writer in the layouts the project prints (Python's json.dumps for to_json), and one reader. */
class JsonTest {
    private static Map<String, Object> sample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\n\u0001\b");
        m.put("l", List.of(1, true, 2.5, 1e15));
        m.put("n", null);
        m.put("e", Map.of());
        return m;
    }

    @Test
    void eachStyleHasItsLayout() {
        assertEquals("{\"s\":\"a\\\"b\\n\\u0001\\b\",\"l\":[1,true,2.5,1000000000000000.0],\"n\":null,\"e\":{}}",
                Json.write(sample(), Json.COMPACT));
        assertEquals("{\"s\": \"a\\\"b\\n\\u0001\\b\", \"l\": [1, true, 2.5, 1000000000000000.0], \"n\": null, \"e\": {}}", Json.write(sample()));
        assertEquals("{\n  \"e\": {},\n  \"l\": [\n    1,\n    true,\n    2.5,\n    1000000000000000.0\n  ],\n  \"n\": null,\n"
                + "  \"s\": \"a\\\"b\\n\\u0001\\b\"\n}", Json.write(sample(), Json.indented(2, true)));
        assertEquals("{\n    \"a\": [\n        1\n    ]\n}", Json.write(Map.of("a", List.of(1)), Json.BLOCK));
        assertEquals("{\"a\": 1, \"b\": 2}", Json.write(new java.util.TreeMap<>(Map.of("b", 2, "a", 1)), Json.PYTHON.sortKeys(true)));
    }

    @Test
    void notANumberIsBareForPythonAndTextInStrictStyles() {
        assertEquals("[NaN, -Infinity]", Json.write(List.of(Double.NaN, Double.NEGATIVE_INFINITY)));
        assertEquals("[\"NaN\",\"-Infinity\"]", Json.write(List.of(Double.NaN, Double.NEGATIVE_INFINITY), Json.COMPACT));
    }

    @Test
    void resolveMayRefuseAValue() {
        Object refused = new Object();
        LangException e = assertThrows(LangException.class,
                () -> Json.write(List.of(1, refused), Json.PYTHON, v -> {
                    if (v == refused) throw new LangException("undefined");
                    return v;
                }));
        assertEquals("undefined", e.getMessage());
        List<Object> loop = new ArrayList<>();
        loop.add(loop);
        assertTrue(assertThrows(LangException.class, () -> Json.write(loop)).getMessage().contains("nested too deeply"));
    }

    @Test
    void readsWhatItWrites() {
        Object back = Json.parse(Json.write(sample()));
        assertEquals(List.of(1, true, 2.5, 1e15), ((Map<?, ?>) back).get("l"));
        assertEquals(List.of("k", "a"), new ArrayList<>(((Map<?, ?>) Json.parse("{\"k\": 1, \"a\": 2}")).keySet()), "key order is kept");
        assertEquals(List.of(5000000000L, new BigInteger("123456789012345678901"), "\u00e9"), Json.parse("[5000000000, 123456789012345678901, \"\\u00e9\"]"));
        LangException e = assertThrows(LangException.class, () -> Json.parse("{\"a\":\n 1,}"));
        assertEquals("invalid JSON: expected a string key at line 2 column 4", e.getMessage());
    }

    @Test
    void floatsAsPythonWritesThem() {
        assertEquals("1.0", PyFloat.repr(1.0));
        assertEquals("0.1", PyFloat.repr(0.1));
        assertEquals("nan", PyFloat.repr(Double.NaN));
    }
}

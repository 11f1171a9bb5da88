package meshplay.engine.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three meanings of "true", each checked against what ansible-playbook 2.14 does with the same value. */
class TruthTest {
    @Test
    void pythonTruthinessJudgesConditions() {
        for (Object t : List.of("no", "false", "0", " ", 1, -1, 0.5, List.of(0), Map.of("a", 1), new int[] {1})) assertTrue(Truth.of(t), String.valueOf(t));
        for (Object f : java.util.Arrays.asList(null, "", 0, 0L, 0.0, BigDecimal.ZERO, List.of(), Map.of(), false)) assertFalse(Truth.of(f), String.valueOf(f));
    }

    @Test
    void booleanConversionKnowsAnsiblesWords() {
        for (Object t : List.of("y", "YES", "on", "1", "True", "t", " yes ", 1, 1.0, true)) assertEquals(true, Truth.toBool(t), String.valueOf(t));
        for (Object f : List.of("n", "No", "off", "0", "FALSE", "f", 0, 0.0, false)) assertEquals(false, Truth.toBool(f), String.valueOf(f));
        for (Object none : java.util.Arrays.asList("", "maybe", 2, null, List.of())) assertNull(Truth.parse(none), String.valueOf(none));
        LangException e = assertThrows(LangException.class, () -> Truth.toBool(""));
        assertTrue(e.getMessage().contains("is not a boolean"), e.getMessage());
    }

    @Test
    void boolFilterKnowsFewerWords() {
        assertEquals(true, Truth.boolFilter("Yes"));
        assertEquals(true, Truth.boolFilter(1.0));
        for (Object f : List.of("y", "t", "Y", " yes", 2, "no")) assertEquals(false, Truth.boolFilter(f), String.valueOf(f));
        assertNull(Truth.boolFilter(null));
    }

    @Test
    void aToolsFlagIsTrueOnlyWhenItReadsAsTrue() {
        for (Object t : List.of(1, true, "yes", "1")) assertTrue(Truth.isTrue(t), String.valueOf(t));
        for (Object f : java.util.Arrays.asList(0, false, "no", null, "up", 2, List.of(1))) assertFalse(Truth.isTrue(f), String.valueOf(f));
    }
}

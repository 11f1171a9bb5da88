package meshplay.engine.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;
import org.junit.jupiter.api.Test;

class ArgValidatorTest {
    private static final Origin AT = new Origin("t.yml", 3, 5);
    private static final ArgSpec SPEC = ArgSpec.builder("test")
            .add(ArgSpec.arg("search_string", ArgType.STR))
            .add(ArgSpec.arg("backrefs", ArgType.BOOL).defaultValue(false))
            .mutuallyExclusive("backrefs", "search_string")
            .build();

    private static Args validate(Map<String, Object> given) {
        return ArgValidator.validate("m", SPEC, given, k -> AT, AT);
    }

    @Test
    void aDefaultDoesNotClashWithAGivenArgument() {
        Args a = validate(Map.of("search_string", "x"));
        assertEquals("x", a.str("search_string"));
        assertEquals(false, a.bool("backrefs"));
    }

    @Test
    void twoGivenArgumentsOfOneGroupClash() {
        UserError e = assertThrows(UserError.class, () -> validate(Map.of("search_string", "x", "backrefs", true)));
        assertTrue(e.getMessage().contains("cannot be used together"), e.getMessage());
        assertEquals(AT, e.origin());
    }
}

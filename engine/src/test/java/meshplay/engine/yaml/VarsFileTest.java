package meshplay.engine.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import meshplay.engine.error.UserError;
import meshplay.engine.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files of variables: a mapping, and for a play's vars_files also a list of mappings, as Ansible reads them. */
class VarsFileTest {
    @TempDir
    Path dir;

    @Test
    void aPlaysVarsFileMayBeAListOfMappingsMergedInOrder() throws Exception {
        Path file = Files.writeString(dir.resolve("v.yml"), "- a: 1\n  b: first\n- b: second\n  c: 3\n");
        YMap vars = VarsFile.loadPlayVars(file, Vault.NONE);
        assertEquals(java.util.List.of("a", "b", "c"), java.util.List.copyOf(vars.entries().keySet()));
        assertEquals("second", vars.entries().get("b").toJava());
        assertEquals(3, vars.keyOrigin("b").line(), "the later mapping's b wins");
    }

    @Test
    void otherVarsFilesMustBeOneMapping() throws Exception {
        Path file = Files.writeString(dir.resolve("v.yml"), "- a: 1\n");
        UserError e = assertThrows(UserError.class, () -> VarsFile.load(file, Vault.NONE));
        assertTrue(e.getMessage().startsWith("a vars file must be a mapping"), e.getMessage());
        Path scalars = Files.writeString(dir.resolve("s.yml"), "- a\n- b\n");
        assertThrows(UserError.class, () -> VarsFile.loadPlayVars(scalars, Vault.NONE));
    }
}

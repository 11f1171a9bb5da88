package meshplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.vault.Vault;
import meshplay.engine.vault.VaultSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lookup plugins and the with_NAME loop items, with the results ansible-core 2.14 gives. */
class LookupsTest {
    private final MvelTemplar t = new MvelTemplar();

    @TempDir
    Path dir;

    private Object e(String expr, Object... vars) {
        Map<String, Object> v = Y.vars(vars);
        return t.evaluate(expr, v, Y.AT);
    }

    @Test
    void lookupJoinsTextAndKeepsOtherValues() {
        assertEquals("a,b,c", e("lookup('items', ['a', 'b'], ['c'])"));
        assertEquals(List.of("a", "b", "c"), e("query('items', ['a', 'b'], ['c'])"));
        assertEquals(List.of(1, 2), e("lookup('items', [1, 2])"));
        assertEquals(7, e("lookup('items', [7])"));
        assertEquals(List.of("x"), e("lookup('items', ['x'], wantlist=True)"));
        assertEquals(List.of(), e("lookup('items', [])"));
    }

    @Test
    void reshapingLookups() {
        assertEquals(List.of(List.of(0, "a"), List.of(1, "b")), e("query('indexed_items', ['a', 'b'])"));
        assertEquals(List.of(List.of(1, "a"), Arrays.asList(2, null)), e("query('together', [1, 2], ['a'])"));
        assertEquals(List.of(List.of("a", 1), List.of("a", 2), List.of("b", 1), List.of("b", 2)), e("query('nested', ['a', 'b'], [1, 2])"));
        assertEquals(List.of(Map.of("key", "k", "value", 1)), e("query('dict', {'k': 1})"));
    }

    @Test
    void subelementsPairsEachItemWithItsSublistWithoutIt() {
        Object users = List.of(Map.of("name", "a", "keys", List.of("k1", "k2")), Map.of("name", "b"));
        assertEquals(List.of(List.of(Map.of("name", "a"), "k1"), List.of(Map.of("name", "a"), "k2")),
                e("query('subelements', users, 'keys', {'skip_missing': True})", "users", users));
        UserError err = assertThrows(UserError.class, () -> e("query('subelements', users, 'keys')", "users", users));
        assertTrue(err.getMessage().contains("could not find 'keys' key"), err.getMessage());
    }

    @Test
    void sequenceShortcutAndKeyValueForms() {
        assertEquals(List.of("1", "2", "3", "4"), e("query('sequence', '4')"));
        assertEquals(List.of("2", "6", "10"), e("query('sequence', '2-10/4')"));
        assertEquals("host01,host02", e("lookup('sequence', '2:host%02d')"));
        assertEquals(List.of("0x05", "0x07", "0x09", "0x0b"), e("query('sequence', 'start=5 end=11 stride=2 format=0x%02x')"));
        assertEquals(List.of("0f00", "0f01"), e("query('sequence', 'start=0x0f00 count=2 format=%04x')"));
        assertEquals(List.of("5", "3", "1"), e("query('sequence', 'start=5 end=1 stride=-2')"));
        UserError err = assertThrows(UserError.class, () -> e("query('sequence', 'start=5 end=1')"));
        assertTrue(err.getMessage().contains("to count backwards make stride negative"), err.getMessage());
    }

    @Test
    void errorsIgnoreGivesNoneOrAnEmptyListButUndefinedStillFails() {
        assertNull(e("lookup('pipe', 'exit 1', errors='ignore')"));
        assertEquals(List.of(), e("query('file', '/nonexistent/x', errors='warn')"));
        assertThrows(UserError.class, () -> e("lookup('pipe', 'exit 1')"));
        assertThrows(UserError.class, () -> e("lookup('vars', nope, errors='ignore')"));
    }

    @Test
    void pipeAndLinesRunInThePlaybookDirectory() throws Exception {
        Files.writeString(dir.resolve("f.txt"), "one\ntwo\n");
        assertEquals("one\ntwo", e("lookup('pipe', 'cat f.txt')", "playbook_dir", dir.toString()));
        assertEquals(List.of("one", "two"), e("query('lines', 'cat f.txt')", "playbook_dir", dir.toString()));
    }

    @Test
    void filesAreFoundInTheRoleThenThePlaybookFilesDirectories() throws Exception {
        Files.createDirectories(dir.resolve("pb/files"));
        Files.createDirectories(dir.resolve("role/files"));
        Files.writeString(dir.resolve("pb/files/a.txt"), "play\n\n");
        Files.writeString(dir.resolve("role/files/a.txt"), "role\n");
        Files.writeString(dir.resolve("pb/b.txt"), "top\n");
        assertEquals("play|top", e("lookup('file', 'a.txt') ~ '|' ~ lookup('file', 'b.txt')", "playbook_dir", dir.resolve("pb").toString()));
        assertEquals("role", e("lookup('file', 'a.txt')", "playbook_dir", dir.resolve("pb").toString(), "role_path", dir.resolve("role").toString()));
        assertEquals(dir.resolve("pb/b.txt").toString(), e("lookup('first_found', ['none.txt', 'b.txt'])", "playbook_dir", dir.resolve("pb").toString()));
        assertEquals(List.of(), e("query('first_found', ['none.txt'], skip=True)", "playbook_dir", dir.resolve("pb").toString()));
    }

    @Test
    void templateLookupRendersAndKeepsTheSourcesTrailingNewlines() throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/t.j2"), "hi {{ who }}\n{% for i in [1, 2] %}[{{ i }}]{% endfor %}\n");
        assertEquals("hi you\n[1][2]\n", e("lookup('template', 't.j2')", "playbook_dir", dir.toString(), "who", "you"));
    }

    @Test
    void fileTemplateAndUnvaultLookupsOpenVaultFilesAndTheirValuesAreSecrets() throws Exception {
        VaultSecret secret = VaultSecret.of("default", "lookup-pw");
        Vault vault = new Vault(List.of(secret));
        MvelTemplar withVault = t.withVault(vault);
        Files.createDirectories(dir.resolve("files"));
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("files/s.txt"), Vault.encrypt("s3cret-token\n\n".getBytes(StandardCharsets.UTF_8), secret));
        Files.writeString(dir.resolve("templates/t.j2"), Vault.encrypt("key={{ n }}-xyz\n".getBytes(StandardCharsets.UTF_8), secret));
        Map<String, Object> vars = Y.vars("playbook_dir", dir.toString(), "n", "42");

        assertEquals("s3cret-token", withVault.evaluate("lookup('file', 's.txt')", vars, Y.AT));
        assertEquals("s3cret-token\n\n", withVault.evaluate("lookup('unvault', 's.txt')", vars, Y.AT));
        assertEquals("key=42-xyz\n", withVault.evaluate("lookup('template', 't.j2')", vars, Y.AT));
        List<String> masked = vault.revealed().longestFirst();
        assertTrue(masked.contains("s3cret-token") && masked.contains("key=42-xyz"), masked.toString());

        // without the password the lookup fails and says how to give one; errors='ignore' still applies
        UserError err = assertThrows(UserError.class, () -> t.evaluate("lookup('file', 's.txt')", vars, Y.AT));
        assertTrue(err.getMessage().contains("no vault password was given") && err.getMessage().contains("s.txt"), err.getMessage());
        assertNull(t.evaluate("lookup('file', 's.txt', errors='ignore')", vars, Y.AT));
    }

    @Test
    void passwordFileIsCreatedOnceAndThenRead() throws Exception {
        Path pw = dir.resolve("sub/pw");
        String first = (String) e("lookup('password', p ~ ' length=12 chars=digits')", "p", pw.toString());
        assertTrue(first.matches("[0-9]{12}"), first);
        assertEquals(first, e("lookup('password', p ~ ' length=12')", "p", pw.toString()));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(pw)));
        Files.writeString(pw, "given salt=xyz\n");
        assertEquals("given", e("lookup('password', p)", "p", pw.toString()));
    }

    @Test
    void withLoopsUseTheLookupOfTheirName() {
        assertEquals(List.of("1", "2", "3"), t.loopItems("sequence", "start=1 end=3", Map.of()));
        assertEquals(List.of(List.of("a", 1), List.of("b", 2)), t.loopItems("together", List.of(List.of("a", "b"), List.of(1, 2)), Map.of()));
        assertEquals(List.of(List.of(0, "x")), t.loopItems("indexed_items", List.of("x"), Map.of()));
    }
}

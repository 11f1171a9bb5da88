package meshplay.engine.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.vault.Vault;
import meshplay.engine.vault.VaultSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vault data met while loading YAML: inline !vault values and whole encrypted files. */
class VaultDataTest {
    private static final VaultSecret SECRET = VaultSecret.of("default", "letmein");

    @TempDir
    Path dir;

    private static String encrypt(String plaintext) {
        return Vault.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), SECRET);
    }

    private static String inline(String key, String plaintext) {
        StringBuilder out = new StringBuilder(key + ": !vault |\n");
        for (String line : encrypt(plaintext).split("\n")) out.append("  ").append(line).append('\n');
        return out.toString();
    }

    @Test
    void inlineValueBecomesItsPlaintextAsAString() {
        Vault vault = new Vault(List.of(SECRET));
        YMap m = (YMap) YamlLoader.loadString(inline("port", "0644") + "other: yes\n", "v.yml", vault);
        YScalar port = (YScalar) m.get("port");
        assertEquals("0644", port.value(), "a vault value is text, never re-read as a number");
        assertEquals(new Origin("v.yml", 1, 7), port.origin());
        assertEquals(Boolean.TRUE, m.get("other").toJava());
        assertTrue(vault.revealed().longestFirst().contains("0644"));
    }

    @Test
    void wholeEncryptedVarsFileIsReadAndItsValuesAreRevealed() throws Exception {
        Path file = dir.resolve("secrets.yml");
        Files.writeString(file, encrypt("db_password: sup3rsecret\nport: 5432\n"));
        Vault vault = new Vault(List.of(SECRET));
        YMap vars = VarsFile.load(file, vault);
        assertEquals("sup3rsecret", vars.get("db_password").toJava());
        assertEquals(5432, vars.get("port").toJava());
        assertTrue(vault.revealed().longestFirst().contains("sup3rsecret"));
        assertFalse(vault.revealed().longestFirst().contains("5432"), "only text values are secrets to mask");
    }

    @Test
    void wrongPasswordNamesTheFileAndExitsOne() throws Exception {
        Path file = dir.resolve("secrets.yml");
        Files.writeString(file, encrypt("a: b\n"));
        Vault wrong = new Vault(List.of(VaultSecret.of("default", "nope")));
        UserError e = assertThrows(UserError.class, () -> VarsFile.load(file, wrong));
        assertEquals(ExitCode.ERROR, e.exitCode());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        UserError noVault = assertThrows(UserError.class, () -> VarsFile.load(file));
        assertTrue(noVault.hint().contains("--ask-vault-pass"), noVault.hint());
    }

    @Test
    void inlineValueThatIsNotVaultTextIsRefused() {
        UserError e = assertThrows(UserError.class, () -> YamlLoader.loadString("pw: !vault hello\n", "v.yml", new Vault(List.of(SECRET))));
        assertEquals(new Origin("v.yml", 1, 5), e.origin());
        assertTrue(e.getMessage().contains("$ANSIBLE_VAULT"), e.getMessage());
    }

    @Test
    void tamperedInlineValueFailsAtItsOrigin() {
        String text = inline("pw", "topsecret");
        int last = text.lastIndexOf("\n", text.length() - 2) + 3;
        char c = text.charAt(last);
        String tampered = text.substring(0, last) + (c == '3' ? '4' : '3') + text.substring(last + 1);
        UserError e = assertThrows(UserError.class, () -> YamlLoader.loadString(tampered, "v.yml", new Vault(List.of(SECRET))));
        assertEquals(new Origin("v.yml", 1, 5), e.origin());
        assertEquals(ExitCode.ERROR, e.exitCode());
        assertFalse(e.getMessage().contains("topsecret"));
    }
}

package meshplay.engine.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The vault format byte for byte: the expected texts were written by ansible-core 2.14's VaultLib with
 * the same fixed salts (VaultLib.encrypt(..., salt=...)).
 */
class VaultCipherTest {
    private static final byte[] PASSWORD = "correct horse".getBytes(StandardCharsets.UTF_8);

    static final String HELLO_11 = """
            $ANSIBLE_VAULT;1.1;AES256
            33303331333233333334333533363337333833393631363236333634363536363330333133323333
            3334333533363337333833393631363236333634363536360a323565306332653966373863366238
            37653134636138643538623561663463313936373837346139653331346230663965303536393564
            3462333335656535310a373632343630643931653865356264336130333638363165353539366139
            6631
            """;
    static final String PASS_12_PROD = """
            $ANSIBLE_VAULT;1.2;AES256;prod
            37333631366337343733363136633734373336313663373437333631366337343733363136633734
            3733363136633734373336313663373437333631366337340a393735326565633837373965653935
            62333262326661306431666530386635616466653665613962386461616334656664393237313035
            3434613163633831610a323536613566353765656263646333313833363730353031323165333764
            3136
            """;
    static final String EMPTY_11 = """
            $ANSIBLE_VAULT;1.1;AES256
            33303331333233333334333533363337333833393631363236333634363536363330333133323333
            3334333533363337333833393631363236333634363536360a656134653761313935393138646432
            39306165346166626130303730313761373665336164383466363863393262363861613837653961
            3763653537336461660a306535313163613536316265336461326335346165323034343138326264
            6535
            """;

    private static String encryptWithSalt(String plaintext, String salt, String label) {
        byte[] plain = plaintext.getBytes(StandardCharsets.UTF_8);
        return VaultEnvelope.format(VaultCipher.encrypt(plain, PASSWORD, salt.getBytes(StandardCharsets.US_ASCII)), label);
    }

    @Test
    void encryptionMatchesAnsibleByteForByte() {
        assertEquals(HELLO_11, encryptWithSalt("hello vault\n", "0123456789abcdef0123456789abcdef", null));
        assertEquals(PASS_12_PROD, encryptWithSalt("päss", "saltsaltsaltsaltsaltsaltsaltsalt", "prod"));
        assertEquals(EMPTY_11, encryptWithSalt("", "0123456789abcdef0123456789abcdef", "default"), "the default label keeps format 1.1");
    }

    @Test
    void decryptsWhatAnsibleWrote() {
        Vault vault = new Vault(List.of(new VaultSecret("default", PASSWORD)));
        assertEquals("hello vault\n", vault.open(HELLO_11).text());
        Vault.Opened opened = vault.open(PASS_12_PROD);
        assertEquals("päss", opened.text());
        assertEquals("default", opened.label(), "a password labelled otherwise still opens 1.2 data, as in Ansible");
        assertArrayEquals(new byte[0], vault.open(EMPTY_11).plaintext());
    }

    @Test
    void envelopeFieldsAndLineWidth() {
        VaultEnvelope e = VaultEnvelope.parse(PASS_12_PROD);
        assertEquals("1.2", e.version());
        assertEquals("AES256", e.cipher());
        assertEquals("prod", e.label());
        for (String line : PASS_12_PROD.split("\n")) assertTrue(line.length() <= 80);
        assertTrue(VaultEnvelope.isVault(HELLO_11));
        assertTrue(!VaultEnvelope.isVault(" " + HELLO_11), "the header must be at the very start");
    }

    @Test
    void wrongPasswordIsNotAnOpening() {
        String payload = VaultEnvelope.parse(HELLO_11).payload();
        assertNull(VaultCipher.decrypt(payload, "wrong".getBytes(StandardCharsets.UTF_8)));
        VaultException e = assertThrows(VaultException.class, () -> new Vault(List.of(VaultSecret.of("a", "x"), VaultSecret.of("b", "y"))).open(HELLO_11));
        assertTrue(e.getMessage().contains("(a, b)"), e.getMessage());
    }

    @Test
    void tamperedCiphertextFailsTheMac() {
        // flip one hex digit of the ciphertext part (the last line): the HMAC no longer matches
        String tampered = HELLO_11.replace("\n6631\n", "\n6632\n");
        Vault vault = new Vault(List.of(new VaultSecret("default", PASSWORD)));
        VaultException e = assertThrows(VaultException.class, () -> vault.open(tampered));
        assertTrue(e.getMessage().contains("decryption failed"), e.getMessage());
        VaultException notHex = assertThrows(VaultException.class, () -> vault.open(HELLO_11.replace("6631", "66zz")));
        assertTrue(notHex.getMessage().contains("damaged"), notHex.getMessage());
    }

    @Test
    void idMatchTriesOnlyTheNamedLabel() {
        Vault strict = new Vault(List.of(new VaultSecret("dev", PASSWORD)), true);
        VaultException e = assertThrows(VaultException.class, () -> strict.open(PASS_12_PROD));
        assertTrue(e.getMessage().contains("'prod'"), e.getMessage());
        assertEquals("päss", new Vault(List.of(new VaultSecret("prod", PASSWORD)), true).open(PASS_12_PROD).text());
    }

    @Test
    void noPasswordsSaysHowToGiveOne() {
        VaultException e = assertThrows(VaultException.class, () -> Vault.NONE.open(HELLO_11));
        assertTrue(e.hint().contains("--vault-password-file"));
    }

    @Test
    void encryptRoundTripsAndChoosesTheSecretAsAnsibleVaultDoes() {
        Vault two = new Vault(List.of(VaultSecret.of("dev", "one"), VaultSecret.of("prod", "two")));
        assertThrows(VaultException.class, () -> two.encryptSecret(null), "several passwords need --encrypt-vault-id");
        VaultSecret prod = two.encryptSecret("prod");
        String text = Vault.encrypt("s3cret".getBytes(StandardCharsets.UTF_8), prod);
        assertTrue(text.startsWith("$ANSIBLE_VAULT;1.2;AES256;prod\n"));
        assertEquals("s3cret", two.decryptText(text));
        assertTrue(two.revealed().longestFirst().contains("s3cret"));
        assertThrows(VaultException.class, () -> Vault.encrypt(text.getBytes(StandardCharsets.US_ASCII), prod), "already encrypted");
    }
}

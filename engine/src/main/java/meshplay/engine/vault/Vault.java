package meshplay.engine.vault;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The vault passwords of one run or command, in the order they were given, and the values they have
 * revealed. Decryption follows Ansible: every password is tried in order until one opens the data
 * (the label in a 1.2 header does not narrow the choice unless {@code idMatch}, Ansible's
 * VAULT_ID_MATCH, is set). Every decrypted value is recorded in {@link #revealed()} so that output can
 * mask it.
 */
public final class Vault {
    /** No passwords: vault data found while loading is an error that says how to give one. */
    public static final Vault NONE = new Vault(List.of(), false);

    private final List<VaultSecret> secrets;
    private final boolean idMatch;
    private final RevealedValues revealed = new RevealedValues();

    public Vault(List<VaultSecret> secrets, boolean idMatch) {
        this.secrets = List.copyOf(secrets);
        this.idMatch = idMatch;
        for (VaultSecret s : this.secrets) revealed.add(s.passwordText());
    }

    public Vault(List<VaultSecret> secrets) {
        this(secrets, false);
    }

    public List<VaultSecret> secrets() {
        return secrets;
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** The passwords and decrypted values seen so far, for masking output. */
    public RevealedValues revealed() {
        return revealed;
    }

    /** A decryption's plaintext, the password that opened it, and the label the data's header names (or default). */
    public record Opened(byte[] plaintext, VaultSecret secret, String headerLabel) {
        public String label() {
            return secret.label();
        }

        public String text() {
            return new String(plaintext, StandardCharsets.UTF_8);
        }
    }

    /** Decrypts vault text (a whole file's content or an inline !vault value). The plaintext is not yet marked as revealed. */
    public Opened open(String vaultText) {
        VaultEnvelope envelope = VaultEnvelope.parse(vaultText);
        if (!envelope.cipher().equals(VaultCipher.NAME)) {
            throw new VaultException("unknown vault cipher '" + envelope.cipher() + "'", "only AES256 vault data can be read");
        }
        if (secrets.isEmpty()) {
            throw new VaultException("found vault-encrypted data but no vault password was given",
                    "give one with --ask-vault-pass, --vault-password-file FILE or --vault-id LABEL@SOURCE");
        }
        String label = envelope.label() == null ? VaultSecret.DEFAULT_LABEL : envelope.label();
        List<String> tried = new ArrayList<>();
        for (VaultSecret s : secrets) {
            if (idMatch && !s.label().equals(label)) continue;
            tried.add(s.label());
            byte[] plain = VaultCipher.decrypt(envelope.payload(), s.password());
            if (plain != null) return new Opened(plain, s, label);
        }
        if (tried.isEmpty()) {
            throw new VaultException("no vault password has the vault id '" + label + "' that the data names",
                    "give it with --vault-id " + label + "@SOURCE (vault id matching is on)");
        }
        throw new VaultException("decryption failed: none of the vault passwords given (" + String.join(", ", tried) + ") opens it",
                "check the password; if it is right, the encrypted text was changed after it was written");
    }

    /** Decrypts vault text to a UTF-8 string and records it as revealed. */
    public String decryptText(String vaultText) {
        String text = open(vaultText).text();
        revealed.add(text);
        return text;
    }

    /** Encrypts with {@code secret}, labelling the data with the secret's label (1.2) unless it is {@code default} (1.1). */
    public static String encrypt(byte[] plaintext, VaultSecret secret) {
        if (VaultEnvelope.isVault(plaintext)) throw new VaultException("input is already encrypted", "decrypt it first, or leave it as it is");
        return VaultEnvelope.format(VaultCipher.encrypt(plaintext, secret.password()), secret.label());
    }

    /**
     * The password to encrypt with: the one labelled {@code encryptId} when given (an error if none has
     * that label), otherwise the only one (an error if there are several), as ansible-vault chooses.
     */
    public VaultSecret encryptSecret(String encryptId) {
        if (encryptId != null && !encryptId.isEmpty()) {
            return secrets.stream().filter(s -> s.label().equals(encryptId)).findFirst().orElseThrow(() -> new VaultException(
                    "no vault password has the vault id '" + encryptId + "' given by --encrypt-vault-id (known: "
                            + String.join(", ", labels()) + ")", "give it with --vault-id " + encryptId + "@SOURCE"));
        }
        if (secrets.isEmpty()) throw new VaultException("a vault password is required", "give one with --vault-id, --vault-password-file or --ask-vault-pass");
        if (secrets.size() > 1) {
            throw new VaultException("the vault ids " + String.join(",", labels()) + " are available to encrypt",
                    "choose one with --encrypt-vault-id");
        }
        return secrets.get(0);
    }

    private List<String> labels() {
        return secrets.stream().map(VaultSecret::label).toList();
    }
}

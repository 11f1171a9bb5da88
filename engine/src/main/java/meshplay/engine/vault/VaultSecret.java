package meshplay.engine.vault;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One vault password and the label (vault id) it was given under; {@code default} when it has none,
 * as with --vault-password-file and --ask-vault-pass. Printing it never shows the password.
 */
public final class VaultSecret {
    public static final String DEFAULT_LABEL = "default";

    private final String label;
    private final byte[] password;

    public VaultSecret(String label, byte[] password) {
        if (password == null || password.length == 0) throw new IllegalArgumentException("empty vault password");
        this.label = label == null || label.isEmpty() ? DEFAULT_LABEL : label;
        this.password = password.clone();
    }

    public static VaultSecret of(String label, String password) {
        return new VaultSecret(label, password.getBytes(StandardCharsets.UTF_8));
    }

    /** The same password under another label (to encrypt again with the label a file already names). */
    public VaultSecret withLabel(String other) {
        return new VaultSecret(other, password);
    }

    public String label() {
        return label;
    }

    byte[] password() {
        return password;
    }

    /** The password as text, to register it as a secret that output must never show. */
    String passwordText() {
        return new String(password, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaultSecret s && s.label.equals(label) && Arrays.equals(s.password, password);
    }

    @Override
    public int hashCode() {
        return label.hashCode();
    }

    @Override
    public String toString() {
        return "VaultSecret(" + label + ")";
    }
}

package meshplay.engine.yaml;

import java.nio.file.Path;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.vault.Vault;
import meshplay.engine.vault.VaultEnvelope;
import meshplay.engine.vault.VaultException;

/**
 * Vault data met while loading YAML: a whole encrypted file, or an inline {@code !vault |} value.
 * Failures become errors that name the file or value (exit 1), never the plaintext. Everything
 * decrypted is recorded in the vault's revealed values so that output masks it.
 */
public final class VaultData {
    static final String TAG = "!vault";

    private VaultData() {
    }

    public static boolean isVault(String text) {
        return VaultEnvelope.isVault(text);
    }

    /** The plaintext of a vault-encrypted file (not yet marked revealed: its values are, once parsed). */
    public static String decryptFile(String text, Path file, Vault vault) {
        try {
            return vault.open(text).text();
        } catch (VaultException e) {
            throw new UserError(Origin.of(file.toString()), "cannot decrypt " + file + ": " + e.getMessage(), e.hint(), ExitCode.ERROR);
        }
    }

    /** The plaintext of an inline !vault value, marked revealed. */
    static String decryptInline(String vaultText, Origin origin, Vault vault) {
        if (!isVault(vaultText)) {
            throw new UserError(origin, "a !vault value must hold vault-encrypted text starting with $ANSIBLE_VAULT",
                    "paste the output of 'meshplay vault encrypt_string' (or ansible-vault encrypt_string) as it is", ExitCode.ERROR);
        }
        try {
            return vault.decryptText(vaultText);
        } catch (VaultException e) {
            throw new UserError(origin, "cannot decrypt the !vault value in " + origin.file() + ": " + e.getMessage(), e.hint(), ExitCode.ERROR);
        }
    }

    /** Marks every string value of a decrypted file as revealed. */
    public static void reveal(YNode node, Vault vault) {
        if (node instanceof YScalar s) {
            if (s.value() instanceof String text) vault.revealed().add(text);
        } else if (node instanceof YList l) {
            l.items().forEach(i -> reveal(i, vault));
        } else if (node instanceof YMap m) {
            m.entries().values().forEach(v -> reveal(v, vault));
        }
    }
}

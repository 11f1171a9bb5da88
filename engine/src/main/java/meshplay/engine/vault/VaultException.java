package meshplay.engine.vault;

/**
 * Vault data that cannot be read: a damaged envelope, no password to try, or no password that opens it.
 * The message never holds a password or plaintext; callers add the file or value it came from.
 */
public final class VaultException extends RuntimeException {
    private final String hint;

    public VaultException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** How the user can fix it. */
    public String hint() {
        return hint;
    }
}

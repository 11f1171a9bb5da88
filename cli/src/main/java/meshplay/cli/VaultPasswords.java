package meshplay.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.vault.VaultSecret;
import meshplay.engine.yaml.Origin;

/**
 * Turns vault ids ({@code LABEL@SOURCE}, in the order Ansible builds them) into vault passwords. A
 * source is {@code prompt} (or {@code prompt_ask_vault_pass}, the prompt of --ask-vault-pass), an
 * executable file that prints the password (a name ending in {@code -client} is called with
 * {@code --vault-id LABEL}; exit code 2 means it has no password for that label), or a file holding
 * it. As in Ansible, a file's surrounding whitespace is removed and a script's surrounding line breaks;
 * a source that fails is a warning while another one gives a password, else the error.
 */
final class VaultPasswords {
    static final String PROMPT = "prompt";
    static final String ASK_VAULT_PASS = "prompt_ask_vault_pass";
    private static final int CLIENT_HAS_NO_SECRET = 2;

    private final Main.Streams io;
    /** True for passwords that will encrypt: prompts ask twice ("New ... / Confirm ..."). */
    private final boolean forEncrypting;

    VaultPasswords(Main.Streams io, boolean forEncrypting) {
        this.io = io;
        this.forEncrypting = forEncrypting;
    }

    /** The passwords of the given vault ids, in order. */
    List<VaultSecret> load(List<String> vaultIds) {
        List<VaultSecret> out = new ArrayList<>();
        UserError last = null;
        for (String slug : vaultIds) {
            int at = slug.indexOf('@');
            String label = at < 0 ? VaultSecret.DEFAULT_LABEL : slug.substring(0, at);
            String source = at < 0 ? slug : slug.substring(at + 1);
            if (label.isEmpty()) label = VaultSecret.DEFAULT_LABEL;
            if (label.contains(";")) {
                throw new UserError(Origin.of("--vault-id"), "'" + slug + "' is not a valid vault id: ';' is not allowed in vault ids",
                        "use letters, digits, '-' or '_' for the label", ExitCode.BAD_OPTIONS);
            }
            if (source.equals(PROMPT) || source.equals(ASK_VAULT_PASS)) {
                out.add(new VaultSecret(label, prompt(label, source.equals(ASK_VAULT_PASS))));
                continue;
            }
            try {
                out.add(new VaultSecret(label, fromFile(Path.of(source), label)));
            } catch (UserError e) {
                io.err().println("[WARNING]: Error getting vault password file (" + label + "): " + e.getMessage());
                last = e;
            }
        }
        if (out.isEmpty() && last != null) throw last;
        return out;
    }

    private byte[] prompt(String label, boolean askVaultPass) {
        String first = askVaultPass ? (forEncrypting ? "New Vault password: " : "Vault password: ")
                : (forEncrypting ? "New vault password (" + label + "): " : "Vault password (" + label + "): ");
        String password = Prompts.secret(io, first);
        if (forEncrypting) {
            String again = Prompts.secret(io, askVaultPass ? "Confirm New Vault password: " : "Confirm new vault password (" + label + "): ");
            if (!again.equals(password)) throw error(Origin.of("prompt"), "Passwords do not match", "type the same password twice");
        }
        if (password.isEmpty()) throw error(Origin.of("prompt"), "Invalid vault password was provided from prompt", "a vault password cannot be empty");
        return password.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fromFile(Path file, String label) {
        Origin origin = Origin.of(file.toString());
        if (!Files.exists(file)) throw error(origin, "The vault password file " + file + " was not found", "check the path");
        byte[] password;
        if (Files.isRegularFile(file) && Files.isExecutable(file)) {
            password = strip(run(file, label), false);
            if (password.length == 0) throw error(origin, "Invalid vault password was provided from script (" + file + ")", "the script must print the password");
        } else {
            try {
                password = strip(strip(Files.readAllBytes(file), true), false);
            } catch (IOException e) {
                throw error(origin, "Could not read vault password file " + file + ": " + e.getMessage(), "check the file's permissions");
            }
            if (password.length == 0) throw error(origin, "Invalid vault password was provided from file (" + file + ")", "put the password on the file's first line");
        }
        return password;
    }

    private static boolean isClient(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).endsWith("-client");
    }

    /** The script's standard output; its standard error goes to the terminal (it may prompt there), a client's into the error. */
    private static byte[] run(Path script, String label) {
        boolean client = isClient(script);
        List<String> argv = new ArrayList<>(List.of(script.toAbsolutePath().toString()));
        if (client) argv.addAll(List.of("--vault-id", label));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.INHERIT);
        if (!client) pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Origin origin = Origin.of(script.toString());
        try {
            Process p = pb.start();
            byte[] stdout;
            try (InputStream in = p.getInputStream()) {
                stdout = in.readAllBytes();
            }
            String stderr = client ? new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip() : "";
            int rc = p.waitFor();
            if (client && rc == CLIENT_HAS_NO_SECRET) {
                throw error(origin, "Vault password client script " + script + " did not find a secret for vault-id=" + label + ": " + stderr,
                        "give the label the script knows, or another --vault-id");
            }
            if (rc != 0) {
                throw error(origin, "Vault password script " + script + " returned non-zero (" + rc + ")" + (stderr.isEmpty() ? "" : ": " + stderr),
                        "run the script by hand to see why; if it is not a script, remove its executable bit");
            }
            return stdout;
        } catch (IOException e) {
            throw error(origin, "Problem running vault password script " + script + " (" + e.getMessage() + ")",
                    "if it is not a script, remove the executable bit from the file");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw error(origin, "interrupted while running vault password script " + script, null);
        }
    }

    /** Removes surrounding whitespace ({@code allWhitespace}, like Python's bytes.strip()) or only CR and LF. */
    static byte[] strip(byte[] data, boolean allWhitespace) {
        int start = 0;
        int end = data.length;
        while (start < end && stripped(data[start], allWhitespace)) start++;
        while (end > start && stripped(data[end - 1], allWhitespace)) end--;
        return Arrays.copyOfRange(data, start, end);
    }

    private static boolean stripped(byte b, boolean allWhitespace) {
        if (b == '\r' || b == '\n') return true;
        return allWhitespace && (b == ' ' || b == '\t' || b == 0x0b || b == 0x0c);
    }

    private static UserError error(Origin origin, String message, String hint) {
        return new UserError(origin, message, hint, ExitCode.ERROR);
    }
}

package meshplay.engine.vault;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of vault data as ansible-vault writes it: a header line
 * {@code $ANSIBLE_VAULT;1.1;AES256} (or {@code 1.2;AES256;LABEL} when it names a vault id) followed by
 * the hex payload cut into lines of 80 characters, ending with a newline.
 */
public record VaultEnvelope(String version, String cipher, String label, String payload) {
    public static final String HEADER = "$ANSIBLE_VAULT";
    private static final int LINE = 80;

    /** True when the text is vault data (it starts with the header, as Ansible checks). */
    public static boolean isVault(CharSequence text) {
        return text != null && text.length() >= HEADER.length() && text.subSequence(0, HEADER.length()).toString().equals(HEADER);
    }

    /** Same for raw bytes (a file's content). */
    public static boolean isVault(byte[] data) {
        if (data == null || data.length < HEADER.length()) return false;
        for (int i = 0; i < HEADER.length(); i++) if (data[i] != HEADER.charAt(i)) return false;
        return true;
    }

    /** Splits vault text into its header fields and the payload with the line breaks removed. */
    public static VaultEnvelope parse(String text) {
        String[] lines = text.split("\r?\n|\r");
        String[] header = lines[0].strip().split(";");
        if (header.length < 3 || !header[0].strip().equals(HEADER)) {
            throw new VaultException("vault header is damaged: '" + lines[0].strip() + "'",
                    "the first line must be like $ANSIBLE_VAULT;1.1;AES256");
        }
        String label = header.length >= 4 ? header[3].strip() : null;
        StringBuilder payload = new StringBuilder(text.length());
        for (int i = 1; i < lines.length; i++) payload.append(lines[i].strip());
        return new VaultEnvelope(header[1].strip(), header[2].strip(), label, payload.toString());
    }

    /** The envelope text for a payload; a label other than {@code default} makes it format 1.2. */
    public static String format(String payload, String label) {
        boolean labelled = label != null && !label.isEmpty() && !label.equals(VaultSecret.DEFAULT_LABEL);
        List<String> lines = new ArrayList<>();
        lines.add(HEADER + ";" + (labelled ? "1.2" : "1.1") + ";" + VaultCipher.NAME + (labelled ? ";" + label : ""));
        for (int i = 0; i < payload.length(); i += LINE) lines.add(payload.substring(i, Math.min(payload.length(), i + LINE)));
        return String.join("\n", lines) + "\n";
    }
}

package meshplay.engine.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import meshplay.engine.vault.RevealedValues;

/**
 * A writer that replaces every secret value (vault passwords and decrypted vault values) with
 * {@link #MASK} before the text goes out: whatever prints it (results, diffs, -vvvv traces, JSON events,
 * errors). Text is held until flush (the reporters flush once per event) or until a line ends after
 * the buffer grew large, so a secret is never cut between two writes. A value is masked as written
 * and as it appears inside a JSON string.
 */
public final class SecretMaskingWriter extends Writer {
    public static final String MASK = "********";
    private static final int HOLD = 1 << 16;

    private final Writer out;
    private final RevealedValues secrets;
    private final StringBuilder held = new StringBuilder();

    public SecretMaskingWriter(Writer out, RevealedValues secrets) {
        this.out = out;
        this.secrets = secrets;
    }

    /** The text with every secret value masked. */
    public static String mask(String text, RevealedValues secrets) {
        if (secrets.isEmpty() || text.isEmpty()) return text;
        String result = text;
        for (String secret : forms(secrets)) result = result.replace(secret, MASK);
        return result;
    }

    private static List<String> forms(RevealedValues secrets) {
        List<String> out = new ArrayList<>();
        for (String s : secrets.longestFirst()) {
            out.add(s);
            String json = Json.write(s);
            String escaped = json.substring(1, json.length() - 1);
            if (!escaped.equals(s)) out.add(escaped);
        }
        return out;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) throws IOException {
        held.append(buf, off, len);
        if (held.length() > HOLD) {
            int end = held.lastIndexOf("\n") + 1;
            if (end > 0) {
                out.write(mask(held.substring(0, end), secrets));
                held.delete(0, end);
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (held.length() > 0) {
            out.write(mask(held.toString(), secrets));
            held.setLength(0);
        }
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        out.close();
    }
}

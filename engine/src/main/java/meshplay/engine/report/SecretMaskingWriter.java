package meshplay.engine.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;
import meshplay.engine.vault.RevealedValues;

/**
 * A writer that replaces every secret value (vault passwords and decrypted vault values) with
 * {@link #MASK} before the text goes out: whatever prints it (results, diffs, -vvvv traces, JSON events,
 * errors). Text is held until flush (the reporters flush once per event) or until a line ends after
 * the buffer grew large, so a secret is never cut between two writes. A value is masked as written
 * and as it appears inside a JSON string, and not where it is only part of a longer word.
 */
public final class SecretMaskingWriter extends Writer {
    public static final String MASK = "********";
    private static final int HOLD = 1 << 16;

    private final Writer out;
    private final RevealedValues secrets;
    private final StringBuilder held = new StringBuilder();
    private Pattern cached;
    private int cachedSize = -1;

    public SecretMaskingWriter(Writer out, RevealedValues secrets) {
        this.out = out;
        this.secrets = secrets;
    }

    /** The text with every secret value masked. */
    public static String mask(String text, RevealedValues secrets) {
        if (secrets.isEmpty() || text.isEmpty()) return text;
        return pattern(secrets).matcher(text).replaceAll(MASK);
    }

    private String masked(String text) {
        if (secrets.isEmpty() || text.isEmpty()) return text;
        if (cached == null || cachedSize != secrets.size()) {
            cachedSize = secrets.size();
            cached = pattern(secrets);
        }
        return cached.matcher(text).replaceAll(MASK);
    }

    /**
     * One pattern for all secrets, longest first, each as written and JSON-escaped. A secret that
     * starts or ends with a letter, digit or _ matches only where it is not part of a longer word, so
     * a decrypted "local" does not turn "localhost" into "********host".
     */
    private static Pattern pattern(RevealedValues secrets) {
        StringBuilder alternatives = new StringBuilder();
        for (String s : secrets.longestFirst()) {
            String json = Json.write(s);
            String escaped = json.substring(1, json.length() - 1);
            for (String form : escaped.equals(s) ? List.of(s) : List.of(s, escaped)) {
                if (alternatives.length() > 0) alternatives.append('|');
                if (isWordChar(form.charAt(0))) alternatives.append("(?<![\\w])");
                alternatives.append(Pattern.quote(form));
                if (isWordChar(form.charAt(form.length() - 1))) alternatives.append("(?![\\w])");
            }
        }
        return Pattern.compile(alternatives.toString());
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) throws IOException {
        held.append(buf, off, len);
        if (held.length() > HOLD) {
            int end = held.lastIndexOf("\n") + 1;
            if (end > 0) {
                out.write(masked(held.substring(0, end)));
                held.delete(0, end);
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (held.length() > 0) {
            out.write(masked(held.toString()));
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

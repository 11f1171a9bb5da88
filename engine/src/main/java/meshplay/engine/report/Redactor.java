package meshplay.engine.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import meshplay.engine.lang.Json;
import meshplay.engine.vault.RevealedValues;

/**
 * The one place where output is masked. The values a run must never print are kept in a
 * {@link RevealedValues}: the vault's passwords and decrypted values, and the values set by no_log
 * tasks (set_fact, facts a module returns), which the run adds as it learns them. {@link #wrap} gives
 * the stream every reporter writes to; it replaces each value (as written and as it appears inside a
 * JSON string) with {@link #MASK}, line by line. A value that starts or ends with a letter, digit or _
 * is masked only where it is not part of a longer word, so a secret "local" leaves "localhost" alone.
 */
public final class Redactor {
    public static final String MASK = "********";

    private final RevealedValues values;
    private Pattern cached;
    private int cachedSize = -1;

    public Redactor() {
        this(new RevealedValues());
    }

    /** A redactor that masks {@code values}, which others (a vault) may keep adding to. */
    public Redactor(RevealedValues values) {
        this.values = values;
    }

    /** Marks the text values inside {@code value} (a string, or the strings in a list or map) as secret. */
    public void add(Object value) {
        if (value instanceof java.util.Map<?, ?> m) m.values().forEach(this::add);
        else if (value instanceof java.util.Collection<?> c) c.forEach(this::add);
        else if (value instanceof CharSequence s) values.add(s.toString());
    }

    /** The text with every secret value masked. */
    public synchronized String mask(String text) {
        if (values.isEmpty() || text.isEmpty()) return text;
        if (cached == null || cachedSize != values.size()) {
            cachedSize = values.size();
            cached = pattern(values);
        }
        return cached.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
    }

    /** {@code text} with the given secrets masked (errors and listings printed outside a run's reporters). */
    public static String mask(String text, RevealedValues secrets) {
        return new Redactor(secrets).mask(text);
    }

    /** One pattern for all secrets, longest first, each as written and JSON-escaped. */
    private static Pattern pattern(RevealedValues secrets) {
        StringBuilder alternatives = new StringBuilder();
        for (String s : secrets.longestFirst()) {
            String json = Json.write(s, Json.COMPACT);
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

    /** A stream that writes to {@code out} with the secret values masked; it passes each line on at its end (and at flush). */
    public OutputStream wrap(OutputStream out) {
        return new MaskingLines(out);
    }

    private final class MaskingLines extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        MaskingLines(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') emit();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    line.write(b, start, i + 1 - start);
                    start = i + 1;
                    emit();
                }
            }
            line.write(b, start, off + len - start);
        }

        private void emit() throws IOException {
            if (line.size() == 0) return;
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            out.write(mask(text).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public synchronized void flush() throws IOException {
            emit();
            out.flush();
        }

        @Override
        public synchronized void close() throws IOException {
            flush();
        }
    }
}

package meshplay.engine.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The values a run must never print: those set by no_log tasks (set_fact, facts a module returns).
 * The run adds them as it learns them; {@link #wrap} gives the stream every reporter writes to, which
 * replaces each such value (as text and as it appears inside JSON strings) with a mask, line by line.
 */
public final class Redactor {
    public static final String MASK = "********";
    /** Shorter values would mask ordinary words and numbers everywhere. */
    private static final int MIN_LENGTH = 4;

    private volatile List<String> values = List.of();

    /** Marks the text values inside {@code value} (a string, or the strings in a list or map) as secret. */
    public synchronized void add(Object value) {
        List<String> found = new ArrayList<>();
        collect(value, found);
        if (found.isEmpty()) return;
        List<String> next = new ArrayList<>(values);
        for (String s : found) {
            String json = Json.write(s);
            for (String form : List.of(s, json.substring(1, json.length() - 1))) {
                if (!next.contains(form)) next.add(form);
            }
        }
        next.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no partial masks
        values = List.copyOf(next);
    }

    private static void collect(Object v, List<String> out) {
        if (v instanceof java.util.Map<?, ?> m) m.values().forEach(x -> collect(x, out));
        else if (v instanceof java.util.Collection<?> c) c.forEach(x -> collect(x, out));
        else if (v instanceof CharSequence s && s.length() >= MIN_LENGTH) out.add(s.toString());
    }

    public String mask(String text) {
        String out = text;
        for (String v : values) out = out.replace(v, MASK);
        return out;
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
            out.write((values.isEmpty() ? text : mask(text)).getBytes(StandardCharsets.UTF_8));
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

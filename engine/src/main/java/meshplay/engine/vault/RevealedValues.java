package meshplay.engine.vault;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secret texts that output must never show: vault passwords, every value a vault has decrypted, and
 * the values set under no_log ({@link meshplay.engine.report.Redactor} masks them).
 * A multi-line value is also kept line by line, since output prefixes or re-indents its lines (diffs).
 * Values shorter than {@link #MIN_LENGTH} are not kept: masking them would hide ordinary words.
 * Thread-safe: values are added while hosts run.
 */
public final class RevealedValues {
    public static final int MIN_LENGTH = 4;

    private final Set<String> values = ConcurrentHashMap.newKeySet();

    public void add(String value) {
        if (value == null) return;
        keep(value);
        if (value.indexOf('\n') >= 0) for (String line : value.split("\r?\n")) keep(line.strip());
    }

    private void keep(String v) {
        if (v.length() >= MIN_LENGTH) values.add(v);
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The values, longest first (so a longer secret is masked whole before a shorter one inside it). */
    public List<String> longestFirst() {
        List<String> out = new ArrayList<>(values);
        out.sort(Comparator.comparingInt(String::length).reversed());
        return out;
    }
}

package meshplay.cli.repl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import meshplay.engine.report.SecretMaskingWriter;
import meshplay.engine.vault.RevealedValues;
import meshplay.engine.step.StepPoint;

/**
 * What the prompt must never show on a host: the secret variables (passwords, results registered by
 * no_log tasks) by name, and their values and the run's vault secrets wherever they would appear in printed text.
 */
final class Secrets {
    static final String MASK = SecretMaskingWriter.MASK;
    /** Shorter values would mask ordinary words and numbers everywhere. */
    private static final int MIN_LENGTH = RevealedValues.MIN_LENGTH;

    private final Set<String> names;
    private final List<String> values;

    private Secrets(Set<String> names, List<String> values) {
        this.names = names;
        this.values = values;
    }

    static Secrets of(StepPoint point, String host) {
        Set<String> names = point.secretVars(host);
        Set<String> values = new LinkedHashSet<>(point.secretValues());
        Map<String, Object> vars;
        try {
            vars = point.vars(host);
        } catch (RuntimeException e) {
            return new Secrets(names, List.of());
        }
        for (String name : names) {
            if (!vars.containsKey(name)) continue;
            try {
                collect(point.evaluate(host, name), values);
            } catch (RuntimeException e) {
                // a secret that does not render has no value to mask
            }
        }
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no partial masks
        return new Secrets(names, sorted);
    }

    private static void collect(Object v, Set<String> out) {
        if (v instanceof Map<?, ?> m) m.values().forEach(x -> collect(x, out));
        else if (v instanceof Collection<?> c) c.forEach(x -> collect(x, out));
        else if (v instanceof String s && s.length() >= MIN_LENGTH) out.add(s);
    }

    boolean isSecret(String name) {
        return names.contains(name);
    }

    /** The secret names an expression mentions. */
    List<String> mentionedIn(String expression) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (Pattern.compile("(?<![\\w.])" + Pattern.quote(n) + "\\b").matcher(expression).find()) out.add(n);
        }
        return out;
    }

    String mask(String text) {
        String out = text;
        for (String v : values) out = out.replace(v, MASK);
        return out;
    }
}

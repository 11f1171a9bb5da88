package meshplay.cli.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import meshplay.engine.report.Redactor;
import meshplay.engine.step.StepPoint;

/**
 * What the prompt must never show on a host: the secret variables (passwords, results registered by
 * no_log tasks) by name, and their values and the run's vault secrets wherever they would appear in printed text.
 */
final class Secrets {
    static final String MASK = Redactor.MASK;

    private final Set<String> names;
    private final Redactor values;

    private Secrets(Set<String> names, Redactor values) {
        this.names = names;
        this.values = values;
    }

    static Secrets of(StepPoint point, String host) {
        Set<String> names = point.secretVars(host);
        Redactor values = new Redactor();
        values.add(point.secretValues());
        Map<String, Object> vars;
        try {
            vars = point.vars(host);
        } catch (RuntimeException e) {
            return new Secrets(names, values);
        }
        for (String name : names) {
            if (!vars.containsKey(name)) continue;
            try {
                values.add(point.evaluate(host, name));
            } catch (RuntimeException e) {
                // a secret that does not render has no value to mask
            }
        }
        return new Secrets(names, values);
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
        return values.mask(text);
    }
}

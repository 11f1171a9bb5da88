package meshplay.engine.exec;

import java.util.Map;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.model.Keyword;
import meshplay.engine.template.Templar;

/**
 * The one evaluator of keywords: a literal (coerced while loading) is returned as it is; a template
 * is rendered with the given variables and coerced by the keyword's own rule. A template that fails,
 * or a value of the wrong type, is an error that names the keyword and where it is written.
 */
public final class KeywordEvaluator {
    private final Templar templar;

    public KeywordEvaluator(Templar templar) {
        this.templar = templar;
    }

    /** The keyword's value, or {@code fallback} when it is not given (or given with no value). */
    public <T> T value(Keyword<T> k, Map<String, Object> vars, T fallback) {
        if (k == null || k.node() == null) return fallback;
        if (!k.templated()) return k.literal() == null ? fallback : k.literal();
        Object rendered = render(k, vars);
        if (rendered == null) return fallback;
        try {
            return k.def().coerce(rendered);
        } catch (IllegalArgumentException e) {
            throw new UserError(k.origin(), k.name() + ": " + e.getMessage(), k.def().hint(), ExitCode.ERROR);
        }
    }

    /** The keyword's node rendered with the variables (a mapping, list or scalar, templates inside rendered). */
    public Object render(Keyword<?> k, Map<String, Object> vars) {
        if (k == null || k.node() == null) return null;
        try {
            return templar.render(k.node(), vars);
        } catch (UserError e) {
            throw new UserError(k.origin(), k.name() + ": " + e.getMessage(), e.hint(), ExitCode.ERROR);
        }
    }
}

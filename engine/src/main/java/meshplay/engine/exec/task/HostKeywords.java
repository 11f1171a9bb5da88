package meshplay.engine.exec.task;

import java.util.Map;
import meshplay.engine.exec.KeywordEvaluator;
import meshplay.engine.model.KeywordDef;
import meshplay.engine.model.KeywordSet;
import meshplay.engine.yaml.YNode;

/** A task's keywords for one host: each read through the {@link KeywordEvaluator} with the host's variables. */
final class HostKeywords {
    private final KeywordEvaluator evaluator;
    private final KeywordSet keywords;
    private final Map<String, Object> vars;

    HostKeywords(KeywordEvaluator evaluator, KeywordSet keywords, Map<String, Object> vars) {
        this.evaluator = evaluator;
        this.keywords = keywords;
        this.vars = vars;
    }

    boolean has(KeywordDef<?> def) {
        return keywords.node(def) != null;
    }

    YNode node(KeywordDef<?> def) {
        return keywords.node(def);
    }

    /** The keyword's node rendered (structured keywords: environment, loop, args ...). */
    Object rendered(KeywordDef<?> def) {
        return evaluator.render(keywords.get(def), vars);
    }

    <T> T get(KeywordDef<T> def, T fallback) {
        return evaluator.value(keywords.get(def), vars, fallback);
    }

    <T> T get(KeywordDef<T> def) {
        return get(def, null);
    }

    Map<String, Object> vars() {
        return vars;
    }
}

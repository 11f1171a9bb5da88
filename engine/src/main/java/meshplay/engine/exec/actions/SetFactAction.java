package meshplay.engine.exec.actions;

import java.util.Map;
import meshplay.engine.lang.Truth;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.result.TaskResult;
import meshplay.engine.yaml.YScalar;

/**
 * set_fact: values are rendered once, then stored for the host as data (never templated again). As in
 * Ansible, a string value "true", "false", "yes" or "no" (any case) becomes a boolean.
 */
public final class SetFactAction implements EngineAction {
    private static final ArgSpec SPEC = ArgSpec.builder(
            "Sets variables for the current host. Each value is rendered once and then kept as data; "
                    + "later templates see the value, never re-evaluate it. 'cacheable' is accepted and ignored.")
            .acceptsAnyArgs().build();

    public String name() {
        return "set_fact";
    }

    public ArgSpec spec() {
        return SPEC;
    }

    public TaskResult run(ActionContext ctx) {
        Map<String, Object> facts = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ctx.args().asMap().entrySet()) {
            if (e.getKey().equals("cacheable")) continue;
            Object value = booleanLike(e.getValue());
            ctx.setHostVar(e.getKey(), value);
            facts.put(e.getKey(), value);
        }
        return TaskResult.builder(TaskResult.Status.OK).data("ansible_facts", facts).build();
    }

    /** set_fact turns only these words into booleans, not on/off/1/0 as boolean() would. */
    private static final java.util.Set<String> BOOLEAN_WORDS = java.util.Set.of("true", "false", "yes", "no");

    private static Object booleanLike(Object value) {
        Object v = value instanceof YScalar s ? s.value() : value;
        if (v instanceof String text && BOOLEAN_WORDS.contains(text.toLowerCase(java.util.Locale.ROOT))) return Truth.toBool(text);
        return value;
    }
}

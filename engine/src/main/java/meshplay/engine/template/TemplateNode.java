package meshplay.engine.template;

import java.util.List;

/**
 * A parsed template: literal text, "{{ expr }}" output, and the statements {% if %}, {% for %}, {% set %}.
 * {@code line} is the 0-based line within the template text, for error positions.
 */
sealed interface TemplateNode {
    record Text(String text) implements TemplateNode {
    }

    record Output(String expression, int line) implements TemplateNode {
    }

    record Branch(String condition, int line, List<TemplateNode> body) {
    }

    /** if/elif branches in order; {@code otherwise} is the else body (maybe empty). */
    record If(List<Branch> branches, List<TemplateNode> otherwise) implements TemplateNode {
    }

    /** for targets in iterable [if condition]; {@code otherwise} runs when nothing was iterated. */
    record For(List<String> targets, String iterable, String condition, int line, List<TemplateNode> body,
               List<TemplateNode> otherwise) implements TemplateNode {
    }

    record Set(String name, String expression, int line) implements TemplateNode {
    }
}

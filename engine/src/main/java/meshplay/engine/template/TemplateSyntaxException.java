package meshplay.engine.template;

/** A malformed template (unclosed "{{", unbalanced {% if %}), at a 0-based line of the template text. */
final class TemplateSyntaxException extends RuntimeException {
    final int line;

    TemplateSyntaxException(String message, int line) {
        super(message);
        this.line = line;
    }
}

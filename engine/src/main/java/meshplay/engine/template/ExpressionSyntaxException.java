package meshplay.engine.template;

/** A syntax error in an expression, at an offset into the expression text. */
final class ExpressionSyntaxException extends RuntimeException {
    final int position;

    ExpressionSyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }
}

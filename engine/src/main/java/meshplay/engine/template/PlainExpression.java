package meshplay.engine.template;

import java.util.List;

/**
 * Tells whether text is a plain expression: names, literals, comparison, arithmetic and boolean
 * operators and parentheses, with no call, attribute or item access and no filter. Such text can be
 * evaluated without running any method, which is what the conditional evaluator requires before it
 * evaluates the rendered text of a templated condition (`when: "{{ n }} == 2"`).
 */
public final class PlainExpression {
    private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%", "(", ")", ",");

    private static final List<String> WORDS = List.of("not", "and", "or", "in", "is");

    private PlainExpression() {
    }

    public static boolean is(String text) {
        List<Token> tokens;
        try {
            tokens = ExpressionLexer.tokenize(text);
        } catch (ExpressionSyntaxException e) {
            return false;
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.OP && !OPERATORS.contains(t.text())) return false;
            if (t.kind() == Token.Kind.NAME && !WORDS.contains(t.text()) && tokens.get(i + 1).is("(")) return false;
        }
        return true;
    }
}

package meshplay.engine.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Python's ast.literal_eval for the rendered text of a template, as Ansible's (non-native) templating
 * applies it: text that starts with [ or { and is a literal (strings, numbers, True/False/None and
 * JSON's true/false/null, lists, tuples, dicts) becomes that list or dict; "True" and "False" become
 * booleans. Anything else (a name, an operator, a call) is no literal and the text stays text, so no
 * rendered text is ever evaluated as an expression.
 */
final class PyLiteral {
    private final List<Token> tokens;
    private int pos;

    private PyLiteral(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The value the rendered text stands for, or empty when it stays text. */
    static Optional<Object> of(String text) {
        if (text.equals("True")) return Optional.of(true);
        if (text.equals("False")) return Optional.of(false);
        if (!text.startsWith("[") && !text.startsWith("{")) return Optional.empty();
        try {
            PyLiteral p = new PyLiteral(ExpressionLexer.tokenize(text));
            Object value = p.value();
            return p.peek().kind() == Token.Kind.END ? Optional.of(value) : Optional.empty();
        } catch (ExpressionSyntaxException | NotALiteral e) {
            return Optional.empty();
        }
    }

    /** The text is no literal. */
    private static final class NotALiteral extends RuntimeException {
        NotALiteral() {
            super(null, null, false, false);
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private void expect(String op) {
        if (!next().is(op)) throw new NotALiteral();
    }

    private Object value() {
        Token t = next();
        switch (t.kind()) {
            case STRING:
                return t.value();
            case NUMBER:
                return t.value();
            case NAME:
                return switch (t.text()) {
                    case "True", "true" -> true;
                    case "False", "false" -> false;
                    case "None", "null" -> null;
                    default -> throw new NotALiteral();
                };
            case OP:
                if (t.is("-") && peek().kind() == Token.Kind.NUMBER) return negate(next().value());
                if (t.is("+") && peek().kind() == Token.Kind.NUMBER) return next().value();
                if (t.is("[")) return new ArrayList<>(items("]"));
                if (t.is("(")) return tuple();
                if (t.is("{")) return dict();
                throw new NotALiteral();
            default:
                throw new NotALiteral();
        }
    }

    private static Object negate(Object n) {
        if (n instanceof Integer i) return -i;
        if (n instanceof Long l) return -l;
        return -((Double) n);
    }

    /** Values separated by commas (a trailing comma allowed) up to {@code close}. */
    private List<Object> items(String close) {
        List<Object> out = new ArrayList<>();
        while (!peek().is(close)) {
            out.add(value());
            if (peek().is(",")) next();
            else if (!peek().is(close)) throw new NotALiteral();
        }
        next();
        return out;
    }

    /** (a, b), (a,) and (): a tuple; (a) is a value in parentheses. */
    private Object tuple() {
        if (peek().is(")")) {
            next();
            return new PyTuple(List.of());
        }
        Object first = value();
        if (peek().is(")")) {
            next();
            return first;
        }
        expect(",");
        List<Object> rest = items(")");
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return new PyTuple(all);
    }

    private Map<Object, Object> dict() {
        Map<Object, Object> out = new LinkedHashMap<>();
        while (!peek().is("}")) {
            Object key = value();
            expect(":");
            out.put(key, value());
            if (peek().is(",")) next();
            else if (!peek().is("}")) throw new NotALiteral();
        }
        next();
        return out;
    }
}

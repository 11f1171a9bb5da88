package meshplay.engine.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mvel2.compiler.AbstractParser;

/**
 * Parses a Jinja-style expression (with the common MVEL operators && || ! ?: contains accepted too)
 * and writes the equivalent MVEL expression. Operators with Python semantics (and/or returning an
 * operand, ==, +, in, attribute and item access with clear "undefined" errors) become calls on the
 * evaluation context {@value #CTX}; filters and tests become registry calls. Precedence follows Jinja:
 * filters and tests bind to the unary expression before them ({@code not x is defined},
 * {@code 1 + x | int}).
 */
final class JinjaTranslator {
    static final String CTX = "__c";

    /** Statement words MVEL reserves; a variable with such a name is read through the context instead. */
    private static final Set<String> MVEL_RESERVED = Set.of(
        "if", "else", "while", "for", "foreach", "do", "until", "with", "new", "var", "def", "function",
        "return", "import", "import_static", "assert", "contains", "is", "instanceof", "soundslike", "strsim",
        "convertable_to", "empty", "null", "nil", "true", "false", "isdef", "this", "switch", "case",
        "in", "and", "or", "not", "proto", "static", "final");
    private static final Set<String> STOP_WORDS = Set.of("and", "or", "else", "if", "is", "in", "not");

    private final String src;
    private final List<Token> toks;
    private int p;

    private JinjaTranslator(String src) {
        this.src = src;
        this.toks = ExpressionLexer.tokenize(src);
    }

    /** Translates one expression (no surrounding braces) to MVEL; throws ExpressionSyntaxException. */
    static String translate(String expression) {
        JinjaTranslator t = new JinjaTranslator(expression);
        if (t.peek().kind() == Token.Kind.END) throw new ExpressionSyntaxException("empty expression", 0);
        String out = t.expr();
        if (t.peek().kind() != Token.Kind.END) {
            throw new ExpressionSyntaxException("unexpected '" + t.peek().text() + "'", t.peek().start());
        }
        return out;
    }

    // ---- token helpers

    private Token peek() {
        return toks.get(p);
    }

    private Token peek(int ahead) {
        return toks.get(Math.min(p + ahead, toks.size() - 1));
    }

    private Token next() {
        return toks.get(p++);
    }

    private boolean accept(String op) {
        if (peek().is(op)) {
            p++;
            return true;
        }
        return false;
    }

    private Token expect(String op) {
        if (!peek().is(op)) {
            throw new ExpressionSyntaxException("expected '" + op + "' but found '" + peek().text() + "'", peek().start());
        }
        return next();
    }

    private String sourceFrom(int startToken) {
        return src.substring(toks.get(startToken).start(), toks.get(p - 1).end()).trim();
    }

    // ---- grammar, lowest precedence first

    private String expr() {
        String a = or();
        if (peek().isName("if")) {
            next();
            String cond = or();
            String otherwise = "''";
            if (peek().isName("else")) {
                next();
                otherwise = expr();
            }
            return "(" + CTX + ".t(" + cond + ") ? " + a + " : " + otherwise + ")";
        }
        if (accept("?")) {
            String yes = expr();
            expect(":");
            String no = expr();
            return "(" + CTX + ".t(" + a + ") ? " + yes + " : " + no + ")";
        }
        return a;
    }

    private String or() {
        String a = and();
        while (peek().isName("or") || peek().is("||")) {
            next();
            String b = and();
            a = "(" + CTX + ".t(" + a + ") ? " + CTX + ".last() : " + b + ")";
        }
        return a;
    }

    private String and() {
        String a = not();
        while (peek().isName("and") || peek().is("&&")) {
            next();
            String b = not();
            a = "(" + CTX + ".t(" + a + ") ? " + b + " : " + CTX + ".last())";
        }
        return a;
    }

    private String not() {
        if (peek().isName("not") || peek().is("!")) {
            next();
            return "!" + CTX + ".t(" + not() + ")";
        }
        return compare();
    }

    private String compare() {
        String a = concat();
        List<String> parts = new ArrayList<>();
        while (true) {
            Token t = peek();
            String op;
            if (t.is("==")) op = "eq";
            else if (t.is("!=")) op = "ne";
            else if (t.is("<")) op = "lt";
            else if (t.is("<=")) op = "le";
            else if (t.is(">")) op = "gt";
            else if (t.is(">=")) op = "ge";
            else if (t.isName("in")) op = "in";
            else if (t.isName("not") && peek(1).isName("in")) op = "notin";
            else if (t.isName("contains")) op = "contains";
            else break;
            next();
            if (op.equals("notin")) next();
            String b = concat();
            parts.add(switch (op) {
                case "in" -> CTX + ".isIn(" + a + ", " + b + ")";
                case "notin" -> "!" + CTX + ".isIn(" + a + ", " + b + ")";
                case "contains" -> CTX + ".isIn(" + b + ", " + a + ")";
                default -> CTX + "." + op + "(" + a + ", " + b + ")";
            });
            a = b;
        }
        if (parts.isEmpty()) return a;
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" && ", parts) + ")";
    }

    private String concat() {
        String a = additive();
        while (accept("~")) {
            a = CTX + ".cat(" + a + ", " + additive() + ")";
        }
        return a;
    }

    private String additive() {
        String a = multiplicative();
        while (true) {
            if (accept("+")) a = CTX + ".add(" + a + ", " + multiplicative() + ")";
            else if (accept("-")) a = CTX + ".sub(" + a + ", " + multiplicative() + ")";
            else return a;
        }
    }

    private String multiplicative() {
        String a = power();
        while (true) {
            if (accept("*")) a = CTX + ".mul(" + a + ", " + power() + ")";
            else if (accept("//")) a = CTX + ".floordiv(" + a + ", " + power() + ")";
            else if (accept("/")) a = CTX + ".div(" + a + ", " + power() + ")";
            else if (accept("%")) a = CTX + ".mod(" + a + ", " + power() + ")";
            else return a;
        }
    }

    private String power() {
        String a = unary(true);
        while (accept("**")) {
            a = CTX + ".pow(" + a + ", " + unary(true) + ")";
        }
        return a;
    }

    private String unary(boolean withFilters) {
        int start = p;
        String node;
        if (accept("-")) {
            node = CTX + ".neg(" + unary(false) + ")";
        } else if (accept("+")) {
            node = unary(false);
        } else {
            node = postfix(primary(), start);
        }
        return withFilters ? filters(node, start) : node;
    }

    private String primary() {
        Token t = next();
        switch (t.kind()) {
            case STRING -> {
                StringBuilder s = new StringBuilder((String) t.value());
                while (peek().kind() == Token.Kind.STRING) s.append((String) next().value());
                return literal(s.toString());
            }
            case NUMBER -> {
                return numberLiteral(t.value());
            }
            case NAME -> {
                return name(t);
            }
            case OP -> {
                if (t.is("(")) return parenthesised();
                if (t.is("[")) return CTX + ".list([" + String.join(", ", items("]")) + "])";
                if (t.is("{")) return dict();
                throw new ExpressionSyntaxException("unexpected '" + t.text() + "'", t.start());
            }
            default -> throw new ExpressionSyntaxException("unexpected end of expression", t.start());
        }
    }

    private String name(Token t) {
        String n = t.text();
        switch (n) {
            case "true", "True" -> {
                return "true";
            }
            case "false", "False" -> {
                return "false";
            }
            case "none", "None", "null" -> {
                return "null";
            }
            default -> {
                if (STOP_WORDS.contains(n)) {
                    throw new ExpressionSyntaxException("unexpected '" + n + "'", t.start());
                }
                if (peek().is("(")) {
                    next();
                    Args a = callArgs();
                    return CTX + ".fn(" + literal(n) + ", " + a.positional() + ", " + a.keywords() + ")";
                }
                return mvelMeaning(n) ? CTX + ".v(" + literal(n) + ")" : n;
            }
        }
    }

    /**
     * True for names MVEL would read as a keyword, literal or Java class, and for the context's own name
     * (a user's "__c" is a variable, never the context): such variables are read through the context.
     */
    private static boolean mvelMeaning(String name) {
        return CTX.equals(name) || MVEL_RESERVED.contains(name) || AbstractParser.LITERALS.containsKey(name)
            || AbstractParser.CLASS_LITERALS.containsKey(name) || AbstractParser.OPERATORS.containsKey(name);
    }

    private String parenthesised() {
        if (accept(")")) return CTX + ".list([])";
        String first = expr();
        if (accept(")")) return first;
        List<String> items = new ArrayList<>();
        items.add(first);
        while (accept(",")) {
            if (peek().is(")")) break;
            items.add(expr());
        }
        expect(")");
        return CTX + ".list([" + String.join(", ", items) + "])";
    }

    private List<String> items(String close) {
        List<String> items = new ArrayList<>();
        while (!accept(close)) {
            items.add(expr());
            if (!accept(",")) {
                expect(close);
                break;
            }
        }
        return items;
    }

    private String dict() {
        List<String> kv = new ArrayList<>();
        while (!accept("}")) {
            kv.add(expr());
            expect(":");
            kv.add(expr());
            if (!accept(",")) {
                expect("}");
                break;
            }
        }
        return CTX + ".dict([" + String.join(", ", kv) + "])";
    }

    private String postfix(String node, int start) {
        while (true) {
            if (peek().is(".") ) {
                String path = sourceFrom(start);
                next();
                Token name = next();
                if (name.kind() != Token.Kind.NAME && name.kind() != Token.Kind.NUMBER) {
                    throw new ExpressionSyntaxException("expected an attribute name after '.'", name.start());
                }
                if (name.kind() == Token.Kind.NAME && peek().is("(")) {
                    next();
                    Args a = callArgs();
                    node = CTX + ".call(" + node + ", " + literal(name.text()) + ", " + a.positional() + ", "
                        + a.keywords() + ")";
                } else if (name.kind() == Token.Kind.NUMBER && name.text().contains(".")) {
                    // "x.0.1" lexes as x . 0.1: two index steps
                    String[] steps = name.text().split("\\.", 2);
                    node = CTX + ".attr(" + node + ", " + literal(steps[0]) + ", " + literal(path) + ")";
                    node = CTX + ".attr(" + node + ", " + literal(steps[1]) + ", " + literal(path + "." + steps[0]) + ")";
                } else {
                    node = CTX + ".attr(" + node + ", " + literal(name.text()) + ", " + literal(path) + ")";
                }
            } else if (peek().is("[")) {
                String path = sourceFrom(start);
                next();
                node = subscript(node, path);
            } else if (peek().is("(")) {
                throw new ExpressionSyntaxException("only functions and methods can be called", peek().start());
            } else {
                return node;
            }
        }
    }

    private String subscript(String node, String path) {
        String[] parts = new String[3];
        int idx = 0;
        boolean slice = false;
        while (!peek().is("]")) {
            if (accept(":")) {
                slice = true;
                if (++idx > 2) throw new ExpressionSyntaxException("too many ':' in slice", peek().start());
                continue;
            }
            if (parts[idx] != null) throw new ExpressionSyntaxException("expected ']'", peek().start());
            parts[idx] = expr();
        }
        next();
        if (!slice) {
            if (parts[0] == null) throw new ExpressionSyntaxException("empty subscript []", peek().start());
            return CTX + ".item(" + node + ", " + parts[0] + ", " + literal(path) + ")";
        }
        return CTX + ".slice(" + node + ", " + orNull(parts[0]) + ", " + orNull(parts[1]) + ", " + orNull(parts[2]) + ")";
    }

    private static String orNull(String s) {
        return s == null ? "null" : s;
    }

    private String filters(String node, int start) {
        while (true) {
            if (peek().is("|") ) {
                next();
                String name = dottedName();
                Args a = peek().is("(") ? argsAfterParen() : Args.NONE;
                String input = FilterNames.acceptsUndefined(name) ? guard(node) : node;
                node = CTX + ".pipe(" + literal(name) + ", " + input + ", " + a.positional() + ", " + a.keywords() + ")";
            } else if (peek().isName("is")) {
                next();
                boolean negate = false;
                if (peek().isName("not")) {
                    next();
                    negate = true;
                }
                String name = dottedName();
                Args a;
                if (peek().is("(")) {
                    a = argsAfterParen();
                } else if (startsBareTestArgument(peek())) {
                    a = new Args("[" + unary(false) + "]", "[]");
                } else {
                    a = Args.NONE;
                }
                String call = CTX + ".check(" + literal(name) + ", " + guard(node) + ", " + a.positional() + ")";
                node = negate ? "!" + call : call;
            } else {
                return node;
            }
        }
    }

    private static boolean startsBareTestArgument(Token t) {
        return t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.NUMBER
            || (t.kind() == Token.Kind.NAME && !STOP_WORDS.contains(t.text()));
    }

    /** The operand compiled separately, so that an undefined variable in it becomes a value a filter or test can see. */
    private static String guard(String node) {
        return CTX + ".guard(" + literal(node) + ")";
    }

    private String dottedName() {
        Token t = next();
        if (t.kind() != Token.Kind.NAME) throw new ExpressionSyntaxException("expected a filter or test name", t.start());
        StringBuilder s = new StringBuilder(t.text());
        while (peek().is(".") && peek(1).kind() == Token.Kind.NAME) {
            next();
            s.append('.').append(next().text());
        }
        return s.toString();
    }

    private Args argsAfterParen() {
        expect("(");
        return callArgs();
    }

    private record Args(String positional, String keywords) {
        static final Args NONE = new Args("[]", "[]");
    }

    /** Arguments after '(' up to and including ')': positional, then name=value pairs. */
    private Args callArgs() {
        List<String> pos = new ArrayList<>();
        List<String> kw = new ArrayList<>();
        while (!accept(")")) {
            if (peek().kind() == Token.Kind.NAME && peek(1).is("=")) {
                kw.add(literal(next().text()));
                next();
                kw.add(expr());
            } else {
                if (!kw.isEmpty()) throw new ExpressionSyntaxException("positional argument after keyword argument", peek().start());
                pos.add(expr());
            }
            if (!accept(",")) {
                expect(")");
                break;
            }
        }
        return new Args("[" + String.join(", ", pos) + "]", "[" + String.join(", ", kw) + "]");
    }

    // ---- literals

    static String literal(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    private static String numberLiteral(Object v) {
        if (v instanceof Double d) {
            String s = BigDecimal.valueOf(d).toPlainString();
            return s.contains(".") ? s : s + ".0";
        }
        if (v instanceof Long l) return CTX + ".lng(" + literal(l.toString()) + ")";
        return v.toString();
    }
}

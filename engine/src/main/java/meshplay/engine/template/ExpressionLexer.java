package meshplay.engine.template;

import java.util.ArrayList;
import java.util.List;

/** Splits a Jinja/MVEL expression into tokens. String escapes follow Python: unknown escapes keep the backslash. */
final class ExpressionLexer {
    private static final String[] OPERATORS = {
        "==", "!=", "<=", ">=", "//", "**", "&&", "||",
        "+", "-", "*", "/", "%", "~", "<", ">", "(", ")", "[", "]", "{", "}", ".", ",", ":", "|", "!", "?", "="
    };

    private ExpressionLexer() {
    }

    static List<Token> tokenize(String src) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) i++;
                out.add(new Token(Token.Kind.NAME, src.substring(s, i), null, s, i));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1))
                    && !afterValue(out))) {
                i = number(src, i, out);
            } else if (c == '\'' || c == '"') {
                i = string(src, i, out);
            } else {
                String op = null;
                for (String o : OPERATORS) {
                    if (src.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                }
                if (op == null) throw new ExpressionSyntaxException("unexpected character '" + c + "'", i);
                out.add(new Token(Token.Kind.OP, op, null, i, i + op.length()));
                i += op.length();
            }
        }
        out.add(new Token(Token.Kind.END, "end of expression", null, n, n));
        return out;
    }

    /** True when the previous token ends a value, so ".5" after it is attribute access, not a number. */
    private static boolean afterValue(List<Token> out) {
        if (out.isEmpty()) return false;
        Token t = out.get(out.size() - 1);
        return t.kind() != Token.Kind.OP || t.is(")") || t.is("]") || t.is("}");
    }

    private static int number(String src, int i, List<Token> out) {
        int s = i;
        int n = src.length();
        boolean real = false;
        while (i < n && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '_')) i++;
        if (i + 1 < n && src.charAt(i) == '.' && Character.isDigit(src.charAt(i + 1))) {
            real = true;
            i++;
            while (i < n && Character.isDigit(src.charAt(i))) i++;
        }
        if (i < n && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (src.charAt(j) == '+' || src.charAt(j) == '-')) j++;
            if (j < n && Character.isDigit(src.charAt(j))) {
                real = true;
                i = j;
                while (i < n && Character.isDigit(src.charAt(i))) i++;
            }
        }
        String text = src.substring(s, i).replace("_", "");
        Object value;
        if (real) {
            value = Double.parseDouble(text);
        } else {
            long l = new java.math.BigInteger(text).longValue();
            value = (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) ? (Object) (int) l : (Object) l;
        }
        out.add(new Token(Token.Kind.NUMBER, src.substring(s, i), value, s, i));
        return i;
    }

    private static int string(String src, int i, List<Token> out) {
        char q = src.charAt(i);
        int s = i++;
        StringBuilder sb = new StringBuilder();
        int n = src.length();
        while (true) {
            if (i >= n) throw new ExpressionSyntaxException("unterminated string starting here", s);
            char c = src.charAt(i);
            if (c == q) {
                i++;
                break;
            }
            if (c == '\\' && i + 1 < n) {
                char e = src.charAt(i + 1);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '\\' -> sb.append('\\');
                    case '\'' -> sb.append('\'');
                    case '"' -> sb.append('"');
                    case 'u' -> {
                        String hex = i + 6 <= n ? src.substring(i + 2, i + 6) : "";
                        if (!hex.matches("[0-9A-Fa-f]{4}")) throw new ExpressionSyntaxException("bad \\u escape in string", i);
                        sb.append((char) Integer.parseInt(hex, 16));
                        i += 4;
                    }
                    default -> sb.append('\\').append(e);
                }
                i += 2;
            } else {
                sb.append(c);
                i++;
            }
        }
        out.add(new Token(Token.Kind.STRING, src.substring(s, i), sb.toString(), s, i));
        return i;
    }
}

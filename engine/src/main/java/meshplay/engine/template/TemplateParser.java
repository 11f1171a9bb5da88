package meshplay.engine.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses template text into nodes. Jinja whitespace control is honoured ("{{-", "-%}"), and as in
 * Ansible (trim_blocks) the first newline after a {% %} tag is dropped. "{# #}" comments disappear.
 */
final class TemplateParser {
    private static final Pattern FOR = Pattern.compile("for\\s+([A-Za-z_][A-Za-z0-9_]*(?:\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*)*)\\s+in\\s+(.+)", Pattern.DOTALL);
    private static final Pattern SET = Pattern.compile("set\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.+)", Pattern.DOTALL);

    private final String src;
    private int pos;

    /** A container being filled: the root, or an open if/for. */
    private static final class Frame {
        final String keyword;
        final int line;
        final List<TemplateNode.Branch> branches = new ArrayList<>();
        List<TemplateNode> current = new ArrayList<>();
        List<TemplateNode> otherwise;
        String forTargets;
        String forIterable;
        String forCondition;
        boolean inElse;

        Frame(String keyword, int line) {
            this.keyword = keyword;
            this.line = line;
        }
    }

    private TemplateParser(String src) {
        this.src = src;
    }

    static List<TemplateNode> parse(String text) {
        return new TemplateParser(text).parse();
    }

    private int lineAt(int offset) {
        int n = 0;
        for (int i = 0; i < offset && i < src.length(); i++) if (src.charAt(i) == '\n') n++;
        return n;
    }

    private List<TemplateNode> parse() {
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame("root", 0));
        StringBuilder text = new StringBuilder();
        boolean trimNext = false;
        boolean dropNewline = false;
        while (pos < src.length()) {
            int open = nextOpen(pos);
            String literal = src.substring(pos, open < 0 ? src.length() : open);
            if (trimNext) literal = literal.stripLeading();
            else if (dropNewline && literal.startsWith("\n")) literal = literal.substring(1);
            else if (dropNewline && literal.startsWith("\r\n")) literal = literal.substring(2);
            trimNext = false;
            dropNewline = false;
            if (open < 0) {
                text.append(literal);
                break;
            }
            boolean trimBefore = open + 2 < src.length() && src.charAt(open + 2) == '-';
            if (trimBefore) literal = literal.stripTrailing();
            text.append(literal);
            char kind = src.charAt(open + 1);
            int bodyStart = open + 2 + (trimBefore ? 1 : 0);
            int line = lineAt(open);
            if (kind == '#') {
                int end = src.indexOf("#}", bodyStart);
                if (end < 0) throw new TemplateSyntaxException("unclosed comment '{#' (no '#}')", line);
                trimNext = src.charAt(end - 1) == '-';
                pos = end + 2;
                continue;
            }
            String close = kind == '{' ? "}}" : "%}";
            int end = findClose(bodyStart, close, line);
            boolean trimAfter = end > bodyStart && src.charAt(end - 1) == '-';
            String inner = src.substring(bodyStart, trimAfter ? end - 1 : end).strip();
            pos = end + 2;
            trimNext = trimAfter;
            flushText(stack.peek(), text);
            if (kind == '{') {
                if (inner.isEmpty()) throw new TemplateSyntaxException("empty expression '{{ }}'", line);
                stack.peek().current.add(new TemplateNode.Output(inner, line));
            } else {
                dropNewline = !trimAfter;
                if (inner.equals("raw")) {
                    Matcher m = Pattern.compile("\\{%-?\\s*endraw\\s*-?%}").matcher(src);
                    if (!m.find(pos)) throw new TemplateSyntaxException("{% raw %} without {% endraw %}", line);
                    stack.peek().current.add(new TemplateNode.Text(src.substring(pos, m.start())));
                    pos = m.end();
                    continue;
                }
                statement(stack, inner, line);
            }
        }
        flushText(stack.peek(), text);
        if (stack.size() > 1) {
            Frame f = stack.peek();
            throw new TemplateSyntaxException("{% " + f.keyword + " %} is not closed (missing {% end" + f.keyword + " %})", f.line);
        }
        return stack.peek().current;
    }

    private static void flushText(Frame f, StringBuilder text) {
        if (text.length() > 0) {
            f.current.add(new TemplateNode.Text(text.toString()));
            text.setLength(0);
        }
    }

    private int nextOpen(int from) {
        int best = -1;
        for (String o : new String[] {"{{", "{%", "{#"}) {
            int i = src.indexOf(o, from);
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        return best;
    }

    /** The offset of the closing "}}"/"%}", skipping string literals and nested brackets. */
    private int findClose(int from, String close, int line) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (depth == 0 && src.startsWith(close, i)) {
                return i;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        String open = close.equals("}}") ? "{{" : "{%";
        throw new TemplateSyntaxException(quote != 0 ? "unterminated string inside '" + open + "'"
            : "'" + open + "' is not closed (no matching '" + close + "')", line);
    }

    private void statement(Deque<Frame> stack, String inner, int line) {
        String keyword = inner.split("\\s+", 2)[0];
        String rest = inner.substring(keyword.length()).strip();
        Frame top = stack.peek();
        switch (keyword) {
            case "if" -> {
                Frame f = new Frame("if", line);
                f.branches.add(new TemplateNode.Branch(require(rest, "if", line), line, f.current));
                stack.push(f);
            }
            case "elif" -> {
                if (!top.keyword.equals("if") || top.inElse) throw new TemplateSyntaxException("{% elif %} outside {% if %}", line);
                top.current = new ArrayList<>();
                top.branches.add(new TemplateNode.Branch(require(rest, "elif", line), line, top.current));
            }
            case "else" -> {
                if (top.keyword.equals("root") || top.inElse) throw new TemplateSyntaxException("{% else %} outside {% if %} or {% for %}", line);
                top.inElse = true;
                top.otherwise = new ArrayList<>();
                top.current = top.otherwise;
            }
            case "endif" -> {
                if (!top.keyword.equals("if")) throw unexpectedEnd("endif", top, line);
                stack.pop();
                stack.peek().current.add(new TemplateNode.If(top.branches, top.otherwise == null ? List.of() : top.otherwise));
            }
            case "for" -> {
                Matcher m = FOR.matcher(inner);
                if (!m.matches()) throw new TemplateSyntaxException("expected '{% for name in expression %}', got '{% " + inner + " %}'", line);
                Frame f = new Frame("for", line);
                f.forTargets = m.group(1);
                String[] iterAndCond = splitLoopCondition(m.group(2).strip());
                f.forIterable = iterAndCond[0];
                f.forCondition = iterAndCond[1];
                f.branches.add(new TemplateNode.Branch(null, line, f.current));
                stack.push(f);
            }
            case "endfor" -> {
                if (!top.keyword.equals("for")) throw unexpectedEnd("endfor", top, line);
                stack.pop();
                List<String> targets = new ArrayList<>();
                for (String t : top.forTargets.split(",")) targets.add(t.strip());
                stack.peek().current.add(new TemplateNode.For(targets, top.forIterable, top.forCondition, top.line,
                    top.branches.get(0).body(), top.otherwise == null ? List.of() : top.otherwise));
            }
            case "set" -> {
                Matcher m = SET.matcher(inner);
                if (!m.matches()) throw new TemplateSyntaxException("expected '{% set name = expression %}', got '{% " + inner + " %}'", line);
                top.current.add(new TemplateNode.Set(m.group(1), m.group(2).strip(), line));
            }
            default -> throw new TemplateSyntaxException("unsupported statement '{% " + keyword
                + " %}' (supported: if/elif/else/endif, for/else/endfor, set, raw)", line);
        }
    }

    private static String require(String expr, String keyword, int line) {
        if (expr.isEmpty()) throw new TemplateSyntaxException("{% " + keyword + " %} needs a condition", line);
        return expr;
    }

    private static TemplateSyntaxException unexpectedEnd(String end, Frame top, int line) {
        return new TemplateSyntaxException("unexpected {% " + end + " %}"
            + (top.keyword.equals("root") ? "" : " (the open block is {% " + top.keyword + " %} from line " + (top.line + 1) + ")"), line);
    }

    /** "items if x.enabled" -> ["items", "x.enabled"]; an inline "a if b else c" is left alone. */
    private static String[] splitLoopCondition(String s) {
        List<Token> toks = ExpressionLexer.tokenize(s);
        int depth = 0;
        int ifAt = -1;
        for (Token t : toks) {
            if (t.is("(") || t.is("[") || t.is("{")) depth++;
            else if (t.is(")") || t.is("]") || t.is("}")) depth--;
            else if (depth == 0 && t.isName("if")) ifAt = t.start();
            else if (depth == 0 && t.isName("else")) ifAt = -1;
        }
        if (ifAt < 0) return new String[] {s, null};
        return new String[] {s.substring(0, ifAt).strip(), s.substring(ifAt + 2).strip()};
    }
}

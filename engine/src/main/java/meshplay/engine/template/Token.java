package meshplay.engine.template;

/** One lexical token of an expression; {@code start}/{@code end} are offsets into the expression text. */
record Token(Kind kind, String text, Object value, int start, int end) {
    enum Kind { NAME, NUMBER, STRING, OP, END }

    boolean is(String op) {
        return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
    }

    boolean isName(String name) {
        return kind == Kind.NAME && text.equals(name);
    }
}

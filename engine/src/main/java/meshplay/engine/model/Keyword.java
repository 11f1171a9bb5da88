package meshplay.engine.model;

import java.util.List;

/** One keyword a play, block, task, handler or role entry accepts, with the shape of its value. */
record Keyword(String name, KeywordType type, List<String> choices) {
    static Keyword of(String name, KeywordType type) {
        return new Keyword(name, type, List.of());
    }

    static Keyword choice(String name, String... choices) {
        return new Keyword(name, KeywordType.CHOICE, List.of(choices));
    }
}

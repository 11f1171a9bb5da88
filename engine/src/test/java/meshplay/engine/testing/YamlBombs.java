package meshplay.engine.testing;

/** YAML built to exhaust a reader, for tests that it is refused at once. */
public final class YamlBombs {
    private YamlBombs() {
    }

    /** The classic "billion laughs": 9 anchors of 9 aliases each, 387 million values once expanded. */
    public static String billionLaughs() {
        StringBuilder text = new StringBuilder("lol0: &lol0 \"lol\"\n");
        for (int level = 1; level <= 9; level++) {
            text.append("lol").append(level).append(": &lol").append(level).append(" [");
            for (int i = 0; i < 9; i++) text.append(i == 0 ? "" : ", ").append("*lol").append(level - 1);
            text.append("]\n");
        }
        return text.toString();
    }
}

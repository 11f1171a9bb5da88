package meshplay.engine.template;

/** Small text helpers shared by string methods and filters. */
public final class StringsText {
    private StringsText() {
    }

    /** Python's str.title(): each word capitalised, the rest lower case. */
    public static String title(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            if (Character.isLetter(c)) {
                b.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
                start = false;
            } else {
                b.append(c);
                start = true;
            }
        }
        return b.toString();
    }
}

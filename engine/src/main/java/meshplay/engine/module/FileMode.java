package meshplay.engine.module;

import java.util.regex.Pattern;

/**
 * A file mode as the user wrote it: octal ("0644", "644", "2750") or symbolic ("u=rw,g=r,o=",
 * "u+x", "a-w"). {@link #applyTo} computes the resulting permission bits from the current ones.
 */
public final class FileMode {
    private static final Pattern OCTAL = Pattern.compile("0?[0-7]{3,4}|0o[0-7]{3,4}");
    private static final Pattern OCTAL_DIGITS = Pattern.compile("[0-7]{3,4}");
    private static final Pattern SYMBOLIC = Pattern.compile("([ugoa]*[-+=][rwxXst]*)(,[ugoa]*[-+=][rwxXst]*)*");
    private final String text;
    private final Integer absolute;

    private FileMode(String text, Integer absolute) {
        this.text = text;
        this.absolute = absolute;
    }

    /** Parses a mode; throws IllegalArgumentException with a message that says what is accepted. */
    public static FileMode parse(String text) {
        String t = text.trim();
        if (OCTAL.matcher(t).matches()) {
            String digits = t.startsWith("0o") ? t.substring(2) : t;
            return new FileMode(t, Integer.parseInt(digits, 8));
        }
        if (SYMBOLIC.matcher(t).matches()) {
            return new FileMode(t, null);
        }
        throw new IllegalArgumentException("'" + text + "' is not a file mode; write it quoted as octal ('0644') or symbolic ('u=rw,g=r,o=r')");
    }

    /** From a YAML integer: 420 (YAML 1.1 read 0644 as octal) or 644 (digits meant as octal). */
    public static FileMode fromInteger(long value) {
        String digits = Long.toString(value);
        if (OCTAL_DIGITS.matcher(digits).matches()) return new FileMode("0" + digits, Integer.parseInt(digits, 8));
        if (value >= 0 && value <= 07777) return new FileMode(String.format("0%o", value), (int) value);
        throw new IllegalArgumentException(value + " is not a file mode; write it quoted as octal ('0644')");
    }

    public boolean isAbsolute() {
        return absolute != null;
    }

    /** The permission bits that result from applying this mode to {@code current}. */
    public int applyTo(int current, boolean isDirectory) {
        if (absolute != null) return absolute;
        int mode = current & 07777;
        for (String clause : text.split(",")) {
            int op = indexOfOp(clause);
            String who = clause.substring(0, op);
            char operator = clause.charAt(op);
            String perms = clause.substring(op + 1);
            int whoMask = whoMask(who.isEmpty() ? "a" : who);
            int bits = 0;
            for (char p : perms.toCharArray()) {
                switch (p) {
                    case 'r' -> bits |= 0444;
                    case 'w' -> bits |= 0222;
                    case 'x' -> bits |= 0111;
                    case 'X' -> bits |= (isDirectory || (current & 0111) != 0) ? 0111 : 0;
                    case 's' -> bits |= 06000;
                    case 't' -> bits |= 01000;
                    default -> throw new IllegalArgumentException("bad permission '" + p + "' in " + text);
                }
            }
            int special = (who.contains("u") || who.contains("a") || who.isEmpty() ? 04000 : 0)
                    | (who.contains("g") || who.contains("a") || who.isEmpty() ? 02000 : 0)
                    | (who.contains("o") || who.contains("a") || who.isEmpty() ? 01000 : 0);
            int mask = whoMask | (special & bits);
            int effective = bits & (whoMask | special);
            switch (operator) {
                case '+' -> mode |= effective;
                case '-' -> mode &= ~effective;
                default -> mode = (mode & ~(whoMask | (special & 06000 & mask))) | effective;
            }
        }
        return mode;
    }

    private static int indexOfOp(String clause) {
        for (int i = 0; i < clause.length(); i++) {
            char c = clause.charAt(i);
            if (c == '+' || c == '-' || c == '=') return i;
        }
        throw new IllegalArgumentException("no operator in '" + clause + "'");
    }

    private static int whoMask(String who) {
        int m = 0;
        for (char c : who.toCharArray()) {
            switch (c) {
                case 'u' -> m |= 0700;
                case 'g' -> m |= 070;
                case 'o' -> m |= 07;
                case 'a' -> m |= 0777;
                default -> throw new IllegalArgumentException("bad who '" + c + "'");
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return text;
    }
}

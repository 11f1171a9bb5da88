package meshplay.engine.lang;

import java.util.List;
import java.util.regex.Pattern;

/** POSIX shell quoting, as Python's shlex.quote: argv sent to a remote shell and the {@code quote} filter. The reverse, splitting, is {@link ShellWords}. */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {
    }

    public static String quote(String s) {
        if (!s.isEmpty() && SAFE.matcher(s).matches()) return s;
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    public static String join(List<String> argv) {
        StringBuilder b = new StringBuilder();
        for (String a : argv) {
            if (b.length() > 0) b.append(' ');
            b.append(quote(a));
        }
        return b.toString();
    }
}

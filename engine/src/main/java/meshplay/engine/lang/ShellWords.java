package meshplay.engine.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way Python's shlex.split does (POSIX mode): as Ansible's command
 * module splits its argument, and as Ansible splits ssh_args and ansible_ssh_common_args.
 */
public final class ShellWords {
    private ShellWords() {
    }

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) throw new IllegalArgumentException("no closing quotation in: " + line);
                cur.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < line.length()) {
                    char d = line.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < line.length() && "\\\"$`\n".indexOf(line.charAt(i + 1)) >= 0) {
                        cur.append(line.charAt(i + 1));
                        i += 2;
                    } else {
                        cur.append(d);
                        i++;
                    }
                }
                if (!closed) throw new IllegalArgumentException("no closing quotation in: " + line);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) throw new IllegalArgumentException("no escaped character in: " + line);
                if (line.charAt(i + 1) != '\n') cur.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                cur.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) words.add(cur.toString());
        return words;
    }
}

package meshplay.engine.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.yaml.KeyValueText;

/**
 * The password lookup, file-backed: {@code lookup('password', 'PATH length=N chars=ascii_letters,digits')}.
 * When PATH exists its first line (before any " salt=") is the password; otherwise a random one is
 * made and written there (mode 0600, directories 0700), so later runs read the same value.
 * /dev/null gives a new password every time. A relative PATH is under the playbook's directory.
 */
final class PasswordLookup {
    private static final Map<String, String> CHAR_SETS = Map.of(
            "ascii_letters", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "ascii_lowercase", "abcdefghijklmnopqrstuvwxyz",
            "ascii_uppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "digits", "0123456789",
            "hexdigits", "0123456789abcdefABCDEF",
            "octdigits", "01234567",
            "punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordLookup() {
    }

    static List<Object> run(List<Object> terms, Path baseDir) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String text = Ops.toText(term).strip();
            int space = text.indexOf(' ');
            String path = space < 0 ? text : text.substring(0, space);
            Map<String, String> params = params(space < 0 ? "" : text.substring(space + 1));
            int length = params.containsKey("length") ? length(params.get("length")) : 20;
            String chars = chars(params.getOrDefault("chars", "ascii_letters,digits,.,:-_"));
            Path file = baseDir.resolve(path);
            out.add(password(file, length, chars));
        }
        return out;
    }

    private static String password(Path file, int length, String chars) {
        try {
            if (Files.exists(file) && !file.toString().equals("/dev/null")) {
                String content = Files.readString(file).stripTrailing();
                int salt = content.lastIndexOf(" salt=");
                return salt >= 0 ? content.substring(0, salt) : content;
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < length; i++) b.append(chars.charAt(RANDOM.nextInt(chars.length())));
            if (!file.toString().equals("/dev/null")) write(file, b.toString());
            return b.toString();
        } catch (IOException e) {
            throw new TemplateTypeException("password lookup: cannot use " + file + " (" + e.getMessage() + ")");
        }
    }

    private static void write(Path file, String password) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(file, password + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private static Map<String, String> params(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int[] w : KeyValueText.split(text)) {
            String word = text.substring(w[0], w[1]);
            int eq = word.indexOf('=');
            if (eq <= 0) throw new TemplateTypeException("password lookup: unrecognized value '" + word + "' after the path (write key=value)");
            String key = word.substring(0, eq);
            if (!List.of("length", "chars", "encrypt", "ident", "seed").contains(key)) {
                throw new TemplateTypeException("password lookup: unrecognized parameter(s) given: " + key);
            }
            String value = word.substring(eq + 1);
            out.put(key, KeyValueText.isQuoted(value) ? value.substring(1, value.length() - 1) : value);
        }
        return out;
    }

    private static int length(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new TemplateTypeException("password lookup: length must be a number, got '" + text + "'");
        }
    }

    /** Named sets (digits, ascii_letters, ...) or literal characters, comma-separated; ",," stands for a comma. */
    private static String chars(String spec) {
        StringBuilder b = new StringBuilder();
        for (String part : spec.replace(",,", "\u0000").split(",")) {
            String p = part.replace('\u0000', ',');
            b.append(CHAR_SETS.getOrDefault(p, p));
        }
        if (b.isEmpty()) throw new TemplateTypeException("password lookup: chars gives no characters");
        return b.toString();
    }
}

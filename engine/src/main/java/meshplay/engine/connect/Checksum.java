package meshplay.engine.connect;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum files are compared by: hex SHA-1, as Ansible's {@code checksum}. One home for it, used
 * by the connections (to check that a written file holds what was sent) and by the file modules.
 */
public final class Checksum {
    private static final int BUFFER = 64 * 1024;

    private Checksum() {
    }

    /** A fresh SHA-1 digest. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 missing from the JDK", e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String sha1(byte[] bytes) {
        MessageDigest d = digest();
        d.update(bytes);
        return hex(d);
    }

    /** The SHA-1 of everything left in {@code in}, read in constant memory; the stream is not closed. */
    public static String sha1(InputStream in) throws IOException {
        MessageDigest d = digest();
        byte[] buf = new byte[BUFFER];
        for (int n; (n = in.read(buf)) >= 0; ) d.update(buf, 0, n);
        return hex(d);
    }
}

package meshplay.modules.packaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Just enough of OpenPGP (RFC 4880/9580) for APT keyrings: turn an ASCII-armored key into its
 * binary packets, and list the fingerprints of the public keys and subkeys in a keyring, so a key
 * can be found by its ID (short, long or full fingerprint). Pure functions.
 */
final class OpenPgpKeys {
    private static final String ARMOR_BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    private OpenPgpKeys() {
    }

    static boolean isArmored(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1).contains(ARMOR_BEGIN);
    }

    /** The binary packets of an armored key (headers and the CRC line dropped); binary data is returned as is. */
    static byte[] dearmor(byte[] data) {
        if (!isArmored(data)) return data;
        StringBuilder body = new StringBuilder();
        boolean inBlock = false;
        boolean inHeaders = false;
        for (String line : new String(data, StandardCharsets.US_ASCII).split("\r?\n")) {
            String l = line.strip();
            if (l.equals(ARMOR_BEGIN)) {
                inBlock = true;
                inHeaders = true;
            } else if (l.startsWith("-----END")) {
                break;
            } else if (inBlock && inHeaders) {
                if (l.isEmpty()) inHeaders = false;
                else if (!l.contains(":")) {
                    inHeaders = false;
                    body.append(l);
                }
            } else if (inBlock && !l.startsWith("=")) {
                body.append(l);
            }
        }
        try {
            return Base64.getDecoder().decode(body.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the armored key is not valid base64: " + e.getMessage());
        }
    }

    /** Upper-case hex fingerprints of the public keys (tag 6) and subkeys (tag 14) in binary or armored key data. */
    static List<String> fingerprints(byte[] data) {
        byte[] b = dearmor(data);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < b.length) {
            int head = b[i] & 0xFF;
            if ((head & 0x80) == 0) throw new IllegalArgumentException("not OpenPGP key data (bad packet header at byte " + i + ")");
            int tag;
            long len;
            i++;
            if ((head & 0x40) != 0) {
                tag = head & 0x3F;
                int o = b[i++] & 0xFF;
                if (o < 192) len = o;
                else if (o < 224) len = ((o - 192) << 8) + (b[i++] & 0xFF) + 192;
                else if (o == 255) {
                    len = ((long) (b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
                    i += 4;
                } else throw new IllegalArgumentException("partial-length packets are not key data");
            } else {
                tag = (head >> 2) & 0x0F;
                int type = head & 3;
                if (type == 3) throw new IllegalArgumentException("indeterminate-length packets are not key data");
                int n = type == 0 ? 1 : type == 1 ? 2 : 4;
                len = 0;
                for (int k = 0; k < n; k++) len = (len << 8) | (b[i++] & 0xFF);
            }
            if (i + len > b.length) throw new IllegalArgumentException("truncated OpenPGP packet");
            if (tag == 6 || tag == 14) out.add(fingerprint(b, i, (int) len));
            i += (int) len;
        }
        return out;
    }

    /** v4: SHA-1 over 0x99, a two-byte length and the body; v5/v6: SHA-256 over 0x9A/0x9B, a four-byte length and the body. */
    private static String fingerprint(byte[] b, int off, int len) {
        int version = b[off] & 0xFF;
        try {
            MessageDigest d;
            if (version == 4) {
                d = MessageDigest.getInstance("SHA-1");
                d.update(new byte[] {(byte) 0x99, (byte) (len >> 8), (byte) len});
            } else {
                d = MessageDigest.getInstance("SHA-256");
                d.update(new byte[] {(byte) (version == 5 ? 0x9A : 0x9B), (byte) (len >>> 24), (byte) (len >> 16), (byte) (len >> 8), (byte) len});
            }
            d.update(b, off, len);
            return HexFormat.of().withUpperCase().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a key ID (8 or 16 hex digits, or a whole fingerprint; spaces and 0x ignored) names one of these fingerprints. */
    static boolean matches(String id, List<String> fingerprints) {
        String want = normalise(id);
        for (String fp : fingerprints) {
            // a v4 key ID is the fingerprint's end, a v5/v6 one its start
            if (fp.length() == 40 ? fp.endsWith(want) : fp.startsWith(want)) return true;
        }
        return false;
    }

    static String normalise(String id) {
        String s = id.replace(" ", "").toUpperCase(Locale.ROOT);
        return s.startsWith("0X") ? s.substring(2) : s;
    }
}

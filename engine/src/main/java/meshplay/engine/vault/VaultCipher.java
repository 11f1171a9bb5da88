package meshplay.engine.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ansible's AES256 vault cipher, with the JDK's crypto only. From the password and a 32-byte random
 * salt, PBKDF2-HMAC-SHA256 (10000 rounds) derives 80 bytes: the AES-256 key, the HMAC-SHA256 key and
 * the 16-byte CTR counter block. The plaintext is PKCS7-padded to the AES block size and encrypted in
 * CTR mode; the HMAC covers the ciphertext. The payload is
 * hex(hex(salt) + "\n" + hex(hmac) + "\n" + hex(ciphertext)), hexlified twice as Ansible does.
 */
public final class VaultCipher {
    public static final String NAME = "AES256";
    static final int SALT_BYTES = 32;
    private static final int ROUNDS = 10_000;
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 16;
    private static final int BLOCK = 16;
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private VaultCipher() {
    }

    /** Encrypts with a new random salt. */
    public static String encrypt(byte[] plaintext, byte[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, password, salt);
    }

    /** Encrypts with the given salt (tests use a fixed one); returns the payload, without the header. */
    public static String encrypt(byte[] plaintext, byte[] password, byte[] salt) {
        Keys keys = Keys.derive(password, salt);
        byte[] ciphertext = ctr(Cipher.ENCRYPT_MODE, keys, pad(plaintext));
        String inner = HEX.formatHex(salt) + "\n" + HEX.formatHex(keys.mac(ciphertext)) + "\n" + HEX.formatHex(ciphertext);
        return HEX.formatHex(inner.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Decrypts a payload. Returns null when the password does not open it (the HMAC differs: a wrong
     * password or changed data); throws {@link VaultException} when the payload is not well formed.
     */
    public static byte[] decrypt(String payload, byte[] password) {
        String inner = new String(unhex(payload), StandardCharsets.US_ASCII);
        String[] parts = inner.split("\n", 3);
        if (parts.length != 3) throw damaged("expected salt, HMAC and ciphertext");
        byte[] salt = unhex(parts[0]);
        byte[] expectedMac = unhex(parts[1]);
        byte[] ciphertext = unhex(parts[2]);
        Keys keys = Keys.derive(password, salt);
        if (!MessageDigest.isEqual(keys.mac(ciphertext), expectedMac)) return null;
        return unpad(ctr(Cipher.DECRYPT_MODE, keys, ciphertext));
    }

    private static byte[] pad(byte[] data) {
        int n = BLOCK - data.length % BLOCK;
        byte[] out = Arrays.copyOf(data, data.length + n);
        Arrays.fill(out, data.length, out.length, (byte) n);
        return out;
    }

    private static byte[] unpad(byte[] data) {
        int n = data.length == 0 ? 0 : data[data.length - 1] & 0xff;
        if (n < 1 || n > BLOCK || n > data.length) throw damaged("bad padding");
        for (int i = data.length - n; i < data.length; i++) if ((data[i] & 0xff) != n) throw damaged("bad padding");
        return Arrays.copyOf(data, data.length - n);
    }

    private static byte[] ctr(int mode, Keys keys, byte[] data) {
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(mode, new SecretKeySpec(keys.cipherKey, "AES"), new IvParameterSpec(keys.counter));
            return aes.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CTR is not available in this JDK", e);
        }
    }

    private static byte[] unhex(String hex) {
        try {
            return HEX.parseHex(hex.strip());
        } catch (IllegalArgumentException e) {
            throw damaged("not hexadecimal");
        }
    }

    private static VaultException damaged(String what) {
        return new VaultException("vault data is damaged (" + what + ")",
                "the encrypted text was changed or cut; restore it from where it was encrypted");
    }

    /** The three values PBKDF2 derives from the password and salt. */
    private record Keys(byte[] cipherKey, byte[] macKey, byte[] counter) {
        static Keys derive(byte[] password, byte[] salt) {
            byte[] k = pbkdf2(password, salt, 2 * KEY_BYTES + IV_BYTES);
            return new Keys(Arrays.copyOfRange(k, 0, KEY_BYTES), Arrays.copyOfRange(k, KEY_BYTES, 2 * KEY_BYTES),
                    Arrays.copyOfRange(k, 2 * KEY_BYTES, 2 * KEY_BYTES + IV_BYTES));
        }

        byte[] mac(byte[] data) {
            return hmac(macKey).doFinal(data);
        }

        /**
         * PBKDF2-HMAC-SHA256 (RFC 8018) over the password's bytes as they are: the JDK's PBEKeySpec takes
         * characters, and a password file may hold bytes that are not UTF-8.
         */
        private static byte[] pbkdf2(byte[] password, byte[] salt, int length) {
            Mac prf = hmac(password);
            byte[] out = new byte[length];
            for (int block = 1, done = 0; done < length; block++) {
                prf.update(salt);
                byte[] u = prf.doFinal(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                byte[] t = u.clone();
                for (int i = 1; i < ROUNDS; i++) {
                    u = prf.doFinal(u);
                    for (int j = 0; j < t.length; j++) t[j] ^= u[j];
                }
                int n = Math.min(t.length, length - done);
                System.arraycopy(t, 0, out, done, n);
                done += n;
            }
            return out;
        }

        private static Mac hmac(byte[] key) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
            }
        }
    }
}

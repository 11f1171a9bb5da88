package meshplay.modules.support;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import meshplay.engine.connect.Checksum;

/**
 * File bytes as text. UTF-8 when the bytes are valid UTF-8, otherwise ISO-8859-1, so that decoding
 * and encoding again gives back every byte unchanged (line editing must not touch other lines).
 */
public record TextBytes(String text, Charset charset) {

    public static TextBytes decode(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new TextBytes(s, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return new TextBytes(new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        }
    }

    /** Encodes new text with the charset the original was read with. */
    public byte[] encode(String newText) {
        return newText.getBytes(charset);
    }

    /** True for content that can be shown as a text diff: valid UTF-8 without NUL bytes. */
    public static boolean isText(byte[] bytes) {
        for (byte b : bytes) if (b == 0) return false;
        return decode(bytes).charset() == StandardCharsets.UTF_8;
    }

    /** Hex SHA-1, as Ansible's checksum. */
    public static String sha1(byte[] bytes) {
        return Checksum.sha1(bytes);
    }
}

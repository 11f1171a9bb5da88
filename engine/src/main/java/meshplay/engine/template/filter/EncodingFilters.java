package meshplay.engine.template.filter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import meshplay.engine.template.Ops;
import meshplay.engine.template.TemplateTypeException;

/** b64encode, b64decode, hash, checksum, md5, sha1, urlencode. */
final class EncodingFilters {
    private EncodingFilters() {
    }

    static void register(Registry r) {
        r.filter("b64encode", (in, c) -> Base64.getEncoder().encodeToString(StringFilters.text(in).getBytes(StandardCharsets.UTF_8)));
        r.filter("b64decode", (in, c) -> {
            try {
                return new String(Base64.getMimeDecoder().decode(StringFilters.text(in).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new TemplateTypeException("b64decode: not base64 text (" + e.getMessage() + ")");
            }
        });
        r.filter("hash", (in, c) -> digest(c.string(0, "hashtype", "sha1"), StringFilters.text(in)));
        r.filter("checksum", (in, c) -> digest("sha1", StringFilters.text(in)));
        r.filter("sha1", (in, c) -> digest("sha1", StringFilters.text(in)));
        r.filter("md5", (in, c) -> digest("md5", StringFilters.text(in)));
        r.filter("urlencode", (in, c) -> {
            if (in instanceof Map<?, ?> m) {
                StringBuilder b = new StringBuilder();
                m.forEach((k, v) -> {
                    if (b.length() > 0) b.append('&');
                    b.append(url(Ops.toText(k))).append('=').append(url(Ops.toText(v)));
                });
                return b.toString();
            }
            return url(StringFilters.text(in));
        });
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    private static String digest(String type, String text) {
        String algorithm = switch (type.toLowerCase()) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha224" -> "SHA-224";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> throw new TemplateTypeException("hash: unknown hash type '" + type + "' (md5, sha1, sha224, sha256, sha384, sha512)");
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new TemplateTypeException("hash: " + algorithm + " is not available");
        }
    }
}

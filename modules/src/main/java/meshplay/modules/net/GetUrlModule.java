package meshplay.modules.net;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import meshplay.engine.connect.Checksum;
import meshplay.engine.connect.FileStat;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.FileMode;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.support.FileAttributes;
import meshplay.modules.support.FileContent;

/**
 * get_url: downloads a file over HTTP(S) to a path on the host. meshplay downloads on the controller
 * (during the plan, so check mode predicts the change exactly) and writes the file over the
 * connection. An existing file is asked for with If-Modified-Since (304: nothing to do) and replaced
 * only when its content differs; with a checksum that the file already matches, nothing is fetched.
 */
public final class GetUrlModule extends BaseModule<GetUrlModule.Arguments> {
    private static final Pattern DISPOSITION = Pattern.compile("filename=\"?([^\";]+)\"?");

    /** The typed arguments. */
    record Arguments(String url, String dest, boolean force, boolean backup, String checksum, int timeout, Map<String, Object> headers,
                     String urlUsername, String urlPassword, boolean forceBasicAuth, boolean validateCerts, String httpAgent,
                     FileMode mode, String owner, String group) {
        HttpFetch.Request request(String method, String target, Map<String, String> extra) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("User-Agent", httpAgent);
            headers.forEach((k, v) -> h.put(k, String.valueOf(v)));
            h.putAll(extra);
            return new HttpFetch.Request(method, target, h, null, timeout, validateCerts, "safe", urlUsername, urlPassword, forceBasicAuth);
        }
    }

    private static final ArgSpec SPEC = UrlArgs.addTo(FileAttributes.addArgs(ArgSpec.builder(
                    "Downloads a file over HTTP or HTTPS to the host. The controller fetches it (the host needs no access to the "
                            + "URL) and writes it over the connection; the file is replaced only when its content differs.")
            .add(ArgSpec.arg("url", ArgType.STR).required().doc("http or https URL"))
            .add(ArgSpec.arg("dest", ArgType.PATH).required().doc("absolute path to write to; a directory takes the name from "
                    + "Content-Disposition or the URL"))
            .add(ArgSpec.arg("force", ArgType.BOOL).defaultValue(false).aliases("thirsty")
                    .doc("download even when a checksum matches, and without If-Modified-Since"))
            .add(ArgSpec.arg("backup", ArgType.BOOL).defaultValue(false).doc("keep a timestamped copy of a file that is replaced"))
            .add(ArgSpec.arg("checksum", ArgType.STR).defaultValue("").doc("ALGORITHM:HEX (sha256:..., sha1, sha512, md5) or "
                    + "ALGORITHM:URL of a checksum file; a file that matches is not downloaded again, a download that does not fails"))
            .add(ArgSpec.arg("timeout", ArgType.INT).defaultValue(10).doc("seconds for the request"))
            .add(ArgSpec.arg("headers", ArgType.DICT).doc("extra request headers"))
            .add(ArgSpec.arg("tmp_dest", ArgType.PATH).doc("accepted for compatibility; nothing is written to a temporary file on the host"))), "username")
            .build();

    public GetUrlModule() {
        super("get_url", SPEC, Arguments.class);
    }

    /** An expected checksum: the algorithm's Java name and the lower-case hex digest. */
    private record Expected(String algorithm, String hex) {
        String of(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        UrlArgs.refuseUnsupported(ctx, name());
        String dest = requireAbsolute(ctx, "dest", a.dest(), "/tmp/file.tar.gz");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("url", a.url());
        Expected expected = expected(ctx, a);
        FileStat destStat = ctx.connection().files().stat(dest, true);
        boolean destIsDir = destStat != null && destStat.isDirectory();
        FileAttributes.Desired attrs = new FileAttributes.Desired(a.mode(), a.owner(), a.group());
        if (!destIsDir && destStat != null && !a.force() && expected != null) {
            byte[] have = FileContent.read(ctx, dest);
            if (expected.hex().equals(expected.of(have))) {
                data.put("dest", dest);
                data.put("checksum_dest", Checksum.sha1(have));
                return Plan.of(FileAttributes.changes(dest, destStat, attrs, false), data).withNote("file already exists");
            }
        }
        Map<String, String> extra = new LinkedHashMap<>();
        boolean checksumMismatch = expected != null && destStat != null && !destIsDir;
        if (!destIsDir && destStat != null && !a.force() && !checksumMismatch) {
            extra.put("If-Modified-Since", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(destStat.mtimeEpochSeconds()), ZoneOffset.UTC)));
        }
        HttpFetch.Response r = HttpFetch.send(a.request("GET", a.url(), extra));
        data.put("status_code", r.status());
        if (r.status() == 304) {
            data.put("dest", dest);
            return Plan.of(FileAttributes.changes(dest, destStat, attrs, false), data).withNote("Not Modified");
        }
        if (r.status() != 200) {
            Map<String, Object> failure = new LinkedHashMap<>(data);
            failure.put("dest", dest);
            failure.put("response", "HTTP Error " + r.status());
            throw new ModuleFailure("Request failed", failure);
        }
        if (destIsDir) dest = (dest.endsWith("/") ? dest : dest + "/") + fileName(r);
        data.put("dest", dest);
        byte[] body = r.body();
        data.put("checksum_src", Checksum.sha1(body));
        data.put("size", body.length);
        data.put("msg", "OK (" + body.length + " bytes)");
        if (expected != null && !expected.hex().equals(expected.of(body))) {
            throw new ModuleFailure("The checksum for " + dest + " did not match " + expected.hex() + "; it was " + expected.of(body) + ".", data);
        }
        String parent = FileContent.parentOf(dest);
        if (ctx.connection().files().stat(parent, true) == null) throw new ModuleFailure("Destination " + parent + " does not exist", data);
        FileStat current = destIsDir ? ctx.connection().files().stat(dest, true) : destStat;
        byte[] before = current == null ? null : FileContent.read(ctx, dest);
        if (before != null) data.put("checksum_dest", Checksum.sha1(before));
        List<Change> changes = new ArrayList<>(FileContent.plan(dest, current, before, body, FileContent.Options.of(attrs, a.backup())));
        return Plan.of(changes, data);
    }

    /** The checksum argument read, fetching a checksum file when it names a URL; null without one. */
    private Expected expected(ModuleContext ctx, Arguments a) throws Exception {
        if (a.checksum() == null || a.checksum().isEmpty()) return null;
        int colon = a.checksum().indexOf(':');
        if (colon < 0) throw problem(ctx, "checksum", "The checksum parameter has to be in format <algorithm>:<checksum>", "e.g. sha256:9f86d0...");
        String algorithm = switch (a.checksum().substring(0, colon).toLowerCase(Locale.ROOT)) {
            case "sha1" -> "SHA-1";
            case "sha224" -> "SHA-224";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            case "md5" -> "MD5";
            default -> throw problem(ctx, "checksum", "unknown algorithm '" + a.checksum().substring(0, colon) + "'",
                    "use sha256, sha512, sha1, sha224, sha384 or md5");
        };
        String value = a.checksum().substring(colon + 1);
        if (value.startsWith("http://") || value.startsWith("https://")) value = fromChecksumFile(a, value);
        String hex = value.replaceAll("\\W+", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]+")) throw problem(ctx, "checksum", "The checksum format is invalid", "write ALGORITHM:HEX");
        return new Expected(algorithm, hex);
    }

    /** The checksum for this URL's file name in a checksum file ("HEX  NAME" lines, or one line with only the checksum). */
    private static String fromChecksumFile(Arguments a, String checksumUrl) throws Exception {
        HttpFetch.Response r = HttpFetch.send(a.request("GET", checksumUrl, Map.of()));
        if (r.status() != 200) throw new ModuleFailure("Request failed: HTTP Error " + r.status() + " for " + checksumUrl);
        String fileName = urlFileName(a.url());
        List<String> lines = r.text().lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() == 1 && lines.get(0).strip().split("\\s+").length == 1) return lines.get(0).strip();
        for (String line : lines) {
            String[] parts = line.strip().split("\\s+", 2);
            if (parts.length == 2 && parts[1].replaceFirst("^\\*", "").replaceFirst("^\\./", "").equals(fileName)) return parts[0];
        }
        throw new ModuleFailure("Unable to find a checksum for file '" + fileName + "' in '" + checksumUrl + "'");
    }

    private static String fileName(HttpFetch.Response r) {
        String disposition = r.headers().get("content-disposition");
        if (disposition != null) {
            Matcher m = DISPOSITION.matcher(disposition);
            if (m.find()) return m.group(1).replaceAll(".*/", "");
        }
        String name = urlFileName(r.url());
        return name.isEmpty() ? "index.html" : name;
    }

    private static String urlFileName(String url) {
        String path = URI.create(url).getPath();
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }
}

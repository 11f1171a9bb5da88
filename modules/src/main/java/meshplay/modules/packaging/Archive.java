package meshplay.modules.packaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The members of a .tar, .tar.gz/.tgz or .zip archive, read in memory (pure; no tool on either side):
 * path, kind, permission bits, content or link target. The format is told by the data's magic
 * bytes. Member paths that are absolute or climb out with ".." are refused.
 */
final class Archive {
    enum Kind { FILE, DIRECTORY, SYMLINK }

    /** One member. {@code path} is relative, without a trailing "/". */
    record Member(String path, Kind kind, int mode, byte[] content, String linkTarget) {
    }

    /** What was read: the format's name (Ansible's handler name) and the members in archive order. */
    record Contents(String handler, List<Member> members) {
    }

    private Archive() {
    }

    static Contents read(byte[] data) throws IOException {
        if (data.length >= 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4) return new Contents("ZipArchive", zip(data));
        if (data.length >= 2 && (data[0] & 0xFF) == 0x1F && (data[1] & 0xFF) == 0x8B) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
                return new Contents("TgzArchive", tar(in.readAllBytes()));
            }
        }
        if (data.length >= 263 && new String(data, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) return new Contents("TarArchive", tar(data));
        throw new IOException("not a .tar, .tar.gz, .tgz or .zip archive (meshplay reads no other format, e.g. .tar.xz or .tar.bz2)");
    }

    private static List<Member> zip(byte[] data) throws IOException {
        List<Member> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(data))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String path = safe(e.getName());
                if (path.isEmpty()) continue;
                if (e.isDirectory()) out.add(new Member(path, Kind.DIRECTORY, 0755, null, null));
                else out.add(new Member(path, Kind.FILE, 0644, in.readAllBytes(), null));
            }
        }
        return out;
    }

    private static List<Member> tar(byte[] b) throws IOException {
        List<Member> out = new ArrayList<>();
        String longName = null;
        String longLink = null;
        int pos = 0;
        while (pos + 512 <= b.length) {
            if (allZero(b, pos)) break;
            String name = text(b, pos, 100);
            int mode = (int) octal(b, pos + 100, 8);
            long size = octal(b, pos + 124, 12);
            char type = (char) b[pos + 156];
            String link = text(b, pos + 157, 100);
            String prefix = text(b, pos + 257, 6).startsWith("ustar") ? text(b, pos + 345, 155) : "";
            int dataStart = pos + 512;
            if (dataStart + size > b.length) throw new IOException("the archive is truncated");
            byte[] content = java.util.Arrays.copyOfRange(b, dataStart, (int) (dataStart + size));
            pos = dataStart + (int) ((size + 511) / 512 * 512);
            if (type == 'L') {
                longName = cString(content);
                continue;
            }
            if (type == 'K') {
                longLink = cString(content);
                continue;
            }
            if (type == 'x') {
                for (String rec : new String(content, StandardCharsets.UTF_8).split("\n")) {
                    int sp = rec.indexOf(' ');
                    if (sp < 0) continue;
                    String kv = rec.substring(sp + 1);
                    if (kv.startsWith("path=")) longName = kv.substring(5);
                    if (kv.startsWith("linkpath=")) longLink = kv.substring(9);
                }
                continue;
            }
            if (type == 'g') continue;
            String full = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
            String target = longLink != null ? longLink : link;
            longName = null;
            longLink = null;
            String path = safe(full);
            if (path.isEmpty()) continue;
            switch (type) {
                case '0', '\0', '7' -> out.add(new Member(path, Kind.FILE, mode & 07777, content, null));
                case '5' -> out.add(new Member(path, Kind.DIRECTORY, mode & 07777, null, null));
                case '2' -> out.add(new Member(path, Kind.SYMLINK, 0777, null, target));
                default -> throw new IOException("member '" + full + "' is of a kind meshplay does not extract (tar type '" + type + "')");
            }
        }
        return out;
    }

    /** The member path made relative ("./a/" is "a"); absolute paths and ".." are refused. */
    static String safe(String name) throws IOException {
        String p = name;
        while (p.startsWith("./")) p = p.substring(2);
        if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        if (p.equals(".")) return "";
        if (p.startsWith("/") || p.equals("..") || p.startsWith("../") || p.contains("/../") || p.endsWith("/..")) {
            throw new IOException("member '" + name + "' would be written outside dest; the archive is refused");
        }
        return p;
    }

    private static boolean allZero(byte[] b, int pos) {
        for (int i = pos; i < pos + 512; i++) if (b[i] != 0) return false;
        return true;
    }

    private static String text(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) end++;
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static String cString(byte[] content) {
        return text(content, 0, content.length);
    }

    /** An octal numeric field, or base-256 when its first byte has the high bit set (GNU tar for large sizes). */
    private static long octal(byte[] b, int off, int len) {
        if ((b[off] & 0x80) != 0) {
            long v = 0;
            for (int i = off + 1; i < off + len; i++) v = (v << 8) | (b[i] & 0xFF);
            return v;
        }
        String s = text(b, off, len).strip();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }
}

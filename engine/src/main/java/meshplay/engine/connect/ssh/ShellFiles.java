package meshplay.engine.connect.ssh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.Become;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.Content;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.FileStat;
import meshplay.engine.connect.TempFiles;
import meshplay.engine.connect.WriteOptions;

/**
 * File operations as another user (become): SFTP always runs as the login user, so these run small
 * POSIX sh scripts under sudo/su instead (or as the login user, {@code become} null, on a server
 * without SFTP). A write streams the content into a mktemp file in the target
 * directory, checks its size (a connection that dies mid-transfer ends the input early and the temp
 * file is deleted, never installed) and, for content streamed from a file, its checksum, syncs it, sets
 * owner then mode, and renames it over the target. Temp files of earlier runs in that directory go first.
 */
final class ShellFiles implements RemoteFiles {
    private static final int ABSENT = 3;

    static final String STAT = """
            p=$1
            if [ "$2" = follow ]; then [ -e "$p" ] || exit 3; o=-L; else [ -e "$p" ] || [ -L "$p" ] || exit 3; o=; fi
            stat $o -c '%F|%a|%U|%G|%s|%Y' -- "$p" || exit 1
            if [ -z "$o" ] && [ -L "$p" ]; then readlink -- "$p"; fi
            """;

    static final String READ = """
            [ -e "$1" ] || exit 3
            exec cat -- "$1"
            """;

    static final String WRITE = """
            p=$1 size=$2 mode=$3 owner=$4 group=$5 backup=$6 sum=$7 since=$8
            d=$(dirname -- "$p")
            mkdir -p -- "$d" || exit 1
            find "$d" -maxdepth 1 -type f -name '.?*.?*.meshplay-tmp' ! -newermt "@$since" -delete 2>/dev/null
            t=$(mktemp --suffix=.meshplay-tmp "$d/.$(basename -- "$p").XXXXXXXXXX") || exit 1
            cat > "$t" || { rm -f -- "$t"; exit 1; }
            n=$(wc -c < "$t")
            if [ "$n" -ne "$size" ]; then rm -f -- "$t"; echo "incomplete transfer: $n of $size bytes arrived" >&2; exit 1; fi
            sync -- "$t" 2>/dev/null || sync
            if [ -n "$sum" ] && [ "$(sha1sum < "$t" | cut -c1-40)" != "$sum" ]; then
              rm -f -- "$t"; echo "the file written holds other bytes than were sent (sha1 mismatch)" >&2; exit 1
            fi
            if [ -e "$p" ]; then
              [ -n "$mode" ] || mode=$(stat -L -c %a -- "$p")
              [ -n "$owner" ] || owner=$(stat -L -c %u -- "$p")
              [ -n "$group" ] || group=$(stat -L -c %g -- "$p")
            fi
            [ -n "$mode" ] || mode=644
            if [ -n "$owner$group" ]; then chown -- "$owner${group:+:$group}" "$t" || { rm -f -- "$t"; exit 1; }; fi
            chmod -- "$mode" "$t" || { rm -f -- "$t"; exit 1; }
            if [ -n "$backup" ] && [ -e "$p" ]; then cp -p -- "$p" "$backup" || { rm -f -- "$t"; exit 1; }; fi
            mv -f -- "$t" "$p" || { rm -f -- "$t"; exit 1; }
            """;

    static final String SHA1 = """
            [ -e "$1" ] || exit 3
            sha1sum < "$1" | cut -c1-40
            """;

    static final String MKDIRS = """
            mode=$1 owner=$2 group=$3
            shift 3
            for d in "$@"; do
              [ -d "$d" ] && continue
              if ! mkdir -- "$d" 2>/dev/null; then [ -d "$d" ] && continue; mkdir -- "$d"; exit 1; fi
              if [ -n "$owner$group" ]; then chown -- "$owner${group:+:$group}" "$d" || exit 1; fi
              if [ -n "$mode" ]; then chmod -- "$mode" "$d" || exit 1; fi
            done
            """;

    static final String REMOVE = """
            if [ -d "$1" ] && [ ! -L "$1" ]; then
              if [ "$2" = recursive ]; then exec rm -rf -- "$1"; else exec rmdir -- "$1"; fi
            fi
            exec rm -f -- "$1"
            """;

    static final String SYMLINK = """
            exec ln -sfn -- "$1" "$2"
            """;

    static final String SET_ATTRIBUTES = """
            p=$1 mode=$2 owner=$3 group=$4
            if [ -n "$owner$group" ]; then chown -- "$owner${group:+:$group}" "$p" || exit 1; fi
            if [ -n "$mode" ]; then chmod -- "$mode" "$p" || exit 1; fi
            """;

    private final SshHost host;
    private final Become become;

    /** {@code become} null: as the login user. */
    ShellFiles(SshHost host, Become become) {
        this.host = host;
        this.become = become;
    }

    private OpenSession.Raw run(String script, byte[] stdin, String... args) throws ConnectionException {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", script, "sh"));
        argv.addAll(List.of(args));
        return host.exec(ExecRequest.argv(argv).withStdin(stdin).withBecome(become));
    }

    private OpenSession.Raw runChecked(String what, String script, byte[] stdin, String... args) throws ConnectionException {
        OpenSession.Raw r = run(script, stdin, args);
        if (r.rc() != 0) throw failed(what, r);
        return r;
    }

    private ConnectionException failed(String what, OpenSession.Raw r) {
        String err = new String(r.stderr(), StandardCharsets.UTF_8).strip();
        String as = become == null ? "" : " as " + become.user();
        return new ConnectionException(what + " on " + host.name() + as + " failed (rc " + r.rc() + ")"
                + (err.isEmpty() ? "" : ": " + err));
    }

    private static String octal(Integer mode) {
        return mode == null ? "" : Integer.toOctalString(mode);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    @Override
    public FileStat stat(String path, boolean follow) throws ConnectionException {
        String p = RemoteFiles.requireAbsolute(path);
        OpenSession.Raw r = run(STAT, null, p, follow ? "follow" : "nofollow");
        if (r.rc() == ABSENT) return null;
        if (r.rc() != 0) throw failed("stat " + p, r);
        String[] lines = new String(r.stdout(), StandardCharsets.UTF_8).split("\n");
        String[] f = lines[0].split("\\|", -1);
        if (f.length < 6) throw new ConnectionException("stat " + p + " on " + host.name() + ": unexpected output " + lines[0]);
        String type = switch (f[0]) {
            case "regular file", "regular empty file" -> "file";
            case "directory" -> "directory";
            case "symbolic link" -> "link";
            default -> "other";
        };
        String link = type.equals("link") && lines.length > 1 ? lines[1] : null;
        return new FileStat(path, type, Integer.parseInt(f[1], 8), f[2], f[3], Long.parseLong(f[4]), Long.parseLong(f[5]), link);
    }

    @Override
    public Optional<byte[]> read(String path) throws ConnectionException {
        String p = RemoteFiles.requireAbsolute(path);
        OpenSession.Raw r = run(READ, null, p);
        if (r.rc() == ABSENT) return Optional.empty();
        if (r.rc() != 0) throw failed("read " + p, r);
        return Optional.of(r.stdout());
    }

    @Override
    public Optional<String> write(String path, Content content, WriteOptions options) throws ConnectionException {
        String p = RemoteFiles.requireAbsolute(path);
        Attributes a = options.attributes();
        String backup = options.backup() && stat(p, true) != null ? WriteOptions.backupPath(p) : "";
        // content streamed from a file is checked on the host by checksum, in-memory content by its size
        String sum = content.bytesInMemory() == null ? content.sha1() : "";
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", WRITE, "sh", p, String.valueOf(content.size()), octal(a.mode()),
                text(a.owner()), text(a.group()), backup, sum, String.valueOf(TempFiles.runStart().getEpochSecond())));
        OpenSession.Raw r = host.exec(ExecRequest.argv(argv).withBecome(become), content);
        if (r.rc() != 0) throw failed("write " + p, r);
        return backup.isEmpty() ? Optional.empty() : Optional.of(backup);
    }

    @Override
    public Optional<String> sha1(String path) throws ConnectionException {
        String p = RemoteFiles.requireAbsolute(path);
        OpenSession.Raw r = run(SHA1, null, p);
        if (r.rc() == ABSENT) return Optional.empty();
        if (r.rc() != 0) throw failed("checksum " + p, r);
        return Optional.of(new String(r.stdout(), StandardCharsets.US_ASCII).strip());
    }

    @Override
    public void mkdirs(String path, Attributes attributes) throws ConnectionException {
        String p = RemoteFiles.requireAbsolute(path);
        Attributes a = attributes == null ? Attributes.NONE : attributes;
        List<String> args = new ArrayList<>(List.of(octal(a.mode()), text(a.owner()), text(a.group())));
        List<String> dirs = new ArrayList<>();
        for (String cur = p; !cur.equals("/"); cur = RemoteFiles.parent(cur)) dirs.add(0, cur);
        args.addAll(dirs);
        runChecked("mkdir " + p, MKDIRS, null, args.toArray(String[]::new));
    }

    @Override
    public void remove(String path, boolean recursive) throws ConnectionException {
        String p = RemoteFiles.requireAbsolute(path);
        runChecked("remove " + p, REMOVE, null, p, recursive ? "recursive" : "single");
    }

    @Override
    public void symlink(String target, String link) throws ConnectionException {
        runChecked("symlink " + link + " -> " + target, SYMLINK, null, target, RemoteFiles.requireAbsolute(link));
    }

    @Override
    public void setAttributes(String path, Attributes attributes) throws ConnectionException {
        if (attributes == null || attributes.isEmpty()) return;
        String p = RemoteFiles.requireAbsolute(path);
        runChecked("chmod/chown " + p, SET_ATTRIBUTES, null, p, octal(attributes.mode()), text(attributes.owner()), text(attributes.group()));
    }
}

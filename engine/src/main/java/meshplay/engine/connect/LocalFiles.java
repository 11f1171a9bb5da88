package meshplay.engine.connect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The files of the local machine (the files view of a {@link LocalConnection}), with java.nio. For
 * tests a {@code root} directory can stand in for "/": every path is resolved under it.
 */
public final class LocalFiles implements HostFiles {
    private static final int COPY_CHUNK = 256 * 1024;
    private final Path root;
    private final Set<Path> sweptDirectories = ConcurrentHashMap.newKeySet();

    /** {@code root}: the directory that stands for "/" ("/" itself outside tests). */
    public LocalFiles(Path root) {
        this.root = root.toAbsolutePath();
    }

    /** The local path that stands for a target path. */
    public Path resolve(String path) {
        if (!path.startsWith("/")) throw new IllegalArgumentException("path must be absolute: " + path);
        return root.getRoot().equals(root) ? Path.of(path) : root.resolve(path.substring(1));
    }

    @Override
    public FileStat stat(String path, boolean follow) throws ConnectionException {
        Path p = resolve(path);
        LinkOption[] opts = follow ? new LinkOption[0] : new LinkOption[]{LinkOption.NOFOLLOW_LINKS};
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, opts);
            String type = a.isSymbolicLink() ? "link" : a.isDirectory() ? "directory" : a.isRegularFile() ? "file" : "other";
            String target = a.isSymbolicLink() ? Files.readSymbolicLink(p).toString() : null;
            return new FileStat(path, type, bits(a.permissions()) | specialBits(p, opts), a.owner().getName(), a.group().getName(),
                    a.size(), a.lastModifiedTime().toInstant().getEpochSecond(), target);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new ConnectionException("stat " + path + ": " + e.getMessage(), e);
        }
    }

    private static int specialBits(Path p, LinkOption[] opts) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode", opts);
            return ((Integer) mode) & 07000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }

    @Override
    public Optional<byte[]> read(String path) throws ConnectionException {
        try {
            return Optional.of(Files.readAllBytes(resolve(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ConnectionException("read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Complete or nothing: the content streams into a fresh temp file beside the target (every byte
     * written, however many calls the file system needs), is synced to disk, read back and compared
     * by checksum with what was sent, gets its attributes and only then is renamed over the target.
     * Any failure (a full disk, a short write, a source that changed) removes the temp file and leaves
     * the old file as it was.
     */
    @Override
    public Optional<String> write(String path, Content content, WriteOptions options) throws ConnectionException {
        Path target = resolve(path);
        Path dir = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            removeStaleTemps(dir);
            PosixFileAttributes existing = null;
            if (Files.exists(target)) existing = Files.readAttributes(target, PosixFileAttributes.class);
            String tmpPath = TempFiles.siblingOf(target.toString());
            tmp = Files.createFile(Path.of(tmpPath), PosixFilePermissions.asFileAttribute(perms(0600)));
            String sent = fill(tmp, content);
            String landed;
            try (InputStream in = Files.newInputStream(tmp)) {
                landed = Checksum.sha1(in);
            }
            if (!landed.equals(sent)) {
                throw new IOException("the file written holds other bytes than were sent (sha1 " + landed + ", sent " + sent + ")");
            }
            Attributes want = options.attributes();
            int mode = want.mode() != null ? want.mode() : existing != null ? bits(existing.permissions()) : 0644;
            String owner = want.owner() != null ? want.owner() : existing != null ? existing.owner().getName() : null;
            String group = want.group() != null ? want.group() : existing != null ? existing.group().getName() : null;
            applyAttributes(tmp, new Attributes(mode, owner, group));
            String backup = null;
            if (options.backup() && existing != null) {
                backup = WriteOptions.backupPath(path);
                Files.copy(target, resolve(backup), StandardCopyOption.COPY_ATTRIBUTES);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return Optional.ofNullable(backup);
        } catch (IOException e) {
            throw new ConnectionException("write " + path + ": " + e.getMessage() + (tmp == null ? "" : "; the file was left as it was"), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the next run's first write into this directory removes it
                }
            }
        }
    }

    /**
     * Streams {@code content} into {@code tmp}, loops until every byte is written (FileChannel.write may
     * write fewer), syncs, and returns the SHA-1 of the bytes sent. Fails when the source did not hold
     * the size or the checksum it was planned with.
     */
    private static String fill(Path tmp, Content content) throws IOException {
        MessageDigest digest = Checksum.digest();
        long total = 0;
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE); InputStream in = content.open()) {
            byte[] chunk = new byte[COPY_CHUNK];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                digest.update(chunk, 0, n);
                ByteBuffer buf = ByteBuffer.wrap(chunk, 0, n);
                while (buf.hasRemaining()) {
                    if (ch.write(buf) == 0) throw new IOException("the file system accepted no more bytes after " + (total + buf.position()));
                }
                total += n;
            }
            ch.force(true);
        }
        if (total != content.size()) {
            throw new IOException("the source changed while it was copied (" + total + " bytes read, " + content.size() + " expected)");
        }
        return Checksum.hex(digest);
    }

    /** Removes temp files that earlier runs left in {@code dir} (see {@link TempFiles}); once per directory. */
    private void removeStaleTemps(Path dir) {
        if (!sweptDirectories.add(dir)) return;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "*" + TempFiles.SUFFIX)) {
            for (Path p : temps) {
                try {
                    if (TempFiles.isStale(p.getFileName().toString(), Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant())
                            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException ignored) {
                    // gone already, or not ours to remove
                }
            }
        } catch (IOException ignored) {
            // an unreadable directory: the write below reports what matters
        }
    }

    @Override
    public Optional<String> sha1(String path) throws ConnectionException {
        try (InputStream in = Files.newInputStream(resolve(path))) {
            return Optional.of(Checksum.sha1(in));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ConnectionException("checksum " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void mkdirs(String path, Attributes attributes) throws ConnectionException {
        Path p = resolve(path);
        try {
            List<Path> created = new ArrayList<>();
            for (Path cur = p; cur != null && !Files.exists(cur, LinkOption.NOFOLLOW_LINKS); cur = cur.getParent()) {
                created.add(0, cur);
            }
            for (Path c : created) {
                try {
                    Files.createDirectory(c);
                } catch (FileAlreadyExistsException ignored) {
                    // created concurrently
                }
                if (attributes != null && !attributes.isEmpty()) applyAttributes(c, attributes);
            }
        } catch (IOException e) {
            throw new ConnectionException("mkdir " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String path, boolean recursive) throws ConnectionException {
        Path p = resolve(path);
        try {
            if (recursive && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
                }
            } else {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new ConnectionException("remove " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void symlink(String target, String link) throws ConnectionException {
        Path l = resolve(link);
        try {
            Files.deleteIfExists(l);
            Files.createSymbolicLink(l, Path.of(target));
        } catch (IOException e) {
            throw new ConnectionException("symlink " + link + " -> " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void setAttributes(String path, Attributes attributes) throws ConnectionException {
        try {
            applyAttributes(resolve(path), attributes);
        } catch (IOException e) {
            throw new ConnectionException("chmod/chown " + path + ": " + e.getMessage(), e);
        }
    }

    private static void applyAttributes(Path p, Attributes a) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipalLookupService lookup = p.getFileSystem().getUserPrincipalLookupService();
        if (a.owner() != null) view.setOwner(lookup.lookupPrincipalByName(a.owner()));
        if (a.group() != null) {
            GroupPrincipal g = lookup.lookupPrincipalByGroupName(a.group());
            view.setGroup(g);
        }
        if (a.mode() != null) {
            if ((a.mode() & 07000) != 0) Files.setAttribute(p, "unix:mode", a.mode());
            else view.setPermissions(perms(a.mode()));
        }
    }

    static int bits(Set<PosixFilePermission> perms) {
        int m = 0;
        for (PosixFilePermission p : perms) {
            m |= switch (p) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return m;
    }

    static Set<PosixFilePermission> perms(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};
        for (int i = 0; i < 9; i++) if ((mode & (0400 >> i)) != 0) s.add(order[i]);
        return s;
    }

}

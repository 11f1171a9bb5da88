package meshplay.engine.connect.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.Checksum;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.Content;
import meshplay.engine.connect.FileStat;
import meshplay.engine.lang.ShellQuote;
import meshplay.engine.connect.TempFiles;
import meshplay.engine.connect.WriteOptions;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHFsyncExtension;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.client.impl.AbstractSftpClient;
import org.apache.sshd.sftp.client.impl.SftpOutputStreamAsync;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * File operations over the session's SFTP client, as the login user. Writes are atomic: a hidden temp
 * file in the target directory (mode 0600 while it fills), fsync@openssh.com, owner then mode, then
 * posix-rename@openssh.com over the target. Content streams in constant memory; content streamed
 * from a controller file is checksummed on the host before the rename. A failed write names its cause
 * ({@link SftpCause}). Each temp file is registered with the session's
 * {@link WriteGuard} before it is created and released after the rename, so a connection that dies
 * mid-transfer leaves no partial file behind on the host.
 */
final class SftpFiles implements RemoteFiles {
    private static final int CHUNK = 32 * 1024;
    /** What is read from the source at a time; MINA splits it into CHUNK-sized pipelined requests. */
    private static final int STREAM_CHUNK = 256 * 1024;
    /** Most files a playbook reads fit in one request; larger ones go through MINA's pipelined stream. */
    private static final int READ_CHUNK = 64 * 1024;

    private final SshHost host;

    SftpFiles(SshHost host) {
        this.host = host;
    }

    private IdNames.Runner runner() {
        return command -> host.exec(command, null, null, "looking up user and group names");
    }

    private static SftpClient.Attributes statOrNull(SftpClient sftp, String path, boolean follow) throws IOException {
        try {
            return follow ? sftp.stat(path) : sftp.lstat(path);
        } catch (SftpException e) {
            if (SshHost.missing(e)) return null;
            throw e;
        }
    }

    private record Found(SftpClient.Attributes attrs, String linkTarget) {
    }

    @Override
    public FileStat stat(String path, boolean follow) throws ConnectionException {
        String p = RemoteFiles.requireAbsolute(path);
        Found f = host.sftp("stat " + p, sftp -> {
            SftpClient.Attributes a = statOrNull(sftp, p, follow);
            if (a == null) return null;
            return new Found(a, a.isSymbolicLink() ? sftp.readLink(p) : null);
        });
        if (f == null) return null;
        SftpClient.Attributes a = f.attrs();
        String type = a.isSymbolicLink() ? "link" : a.isDirectory() ? "directory" : a.isRegularFile() ? "file" : "other";
        long mtime = a.getModifyTime() == null ? 0 : a.getModifyTime().toInstant().getEpochSecond();
        IdNames.Owner owner = host.ids().owner(a.getUserId(), a.getGroupId(), runner());
        return new FileStat(path, type, a.getPermissions() & 07777, owner.user(), owner.group(), a.getSize(), mtime, f.linkTarget());
    }

    @Override
    public Optional<byte[]> read(String path) throws ConnectionException {
        String p = RemoteFiles.requireAbsolute(path);
        return host.sftp("read " + p, sftp -> {
            SftpClient.CloseableHandle h;
            try {
                h = sftp.open(p, SftpClient.OpenMode.Read);
            } catch (SftpException e) {
                if (SshHost.missing(e)) return Optional.empty();
                throw e;
            }
            byte[] first = new byte[READ_CHUNK];
            int n;
            try (h) {
                n = sftp.read(h, 0, first, 0, first.length);
                if (n < first.length) {
                    // the usual small file: one more read finds the end (no read-ahead past it)
                    int more = n < 0 ? -1 : sftp.read(h, n, new byte[1], 0, 1);
                    if (more < 0) return Optional.of(n < 0 ? new byte[0] : Arrays.copyOf(first, n));
                }
            }
            // a big file (or a short read that was not its end): the pipelined stream reads it all
            try (InputStream in = sftp.read(p)) {
                return Optional.of(in.readAllBytes());
            }
        });
    }

    @Override
    public Optional<String> write(String path, Content content, WriteOptions options) throws ConnectionException {
        String p = RemoteFiles.requireAbsolute(path);
        Attributes want = options.attributes();
        String dir = RemoteFiles.parent(p);
        if (host.firstWriteInto(dir)) removeStaleTemps(dir);
        String tmp = RemoteFiles.tempSibling(p);
        // the guard reads the temp path while the stat below is on its way; the temp file is created
        // only once the guard has acknowledged it
        try (OpenSession.GuardLease guard = host.guardWrite(tmp, "starting the write of " + p)) {
            SftpClient.Attributes existing = host.sftp("stat " + p, sftp -> statOrNull(sftp, p, true));
            int mode = want.mode() != null ? want.mode() : existing != null ? existing.getPermissions() & 07777 : 0644;
            Integer uid = want.owner() != null ? Integer.valueOf(host.ids().userId(want.owner(), runner()))
                    : existing != null ? Integer.valueOf(existing.getUserId()) : null;
            Integer gid = want.group() != null ? Integer.valueOf(host.ids().groupId(want.group(), runner()))
                    : existing != null ? Integer.valueOf(existing.getGroupId()) : null;
            String backup = options.backup() && existing != null ? WriteOptions.backupPath(p) : null;
            // chown, and a write by a non-root user, clear set-id bits: such a mode is set at the end
            boolean attributesLater = uid != null || gid != null || (mode & 06000) != 0;
            String sent = host.sftp("write " + p, sftp -> {
                guard.awaitArmed();
                try (SftpClient.CloseableHandle h = openTemp(sftp, tmp, existing == null)) {
                    // before any content, whatever the server's umask: private when the attributes come
                    // at the end, else already the final mode, which shows no one more than the finished
                    // file will
                    sftp.setStat(h, new SftpClient.Attributes().perms(attributesLater ? 0600 : mode));
                    String sha1;
                    try {
                        sha1 = send(sftp, tmp, h, content);
                        OpenSSHFsyncExtension fsync = sftp.getExtension(OpenSSHFsyncExtension.class);
                        if (fsync != null && fsync.isSupported()) fsync.fsync(h);
                    } catch (SftpException e) {
                        throw SftpCause.explain(sftp, e, dir, content.size());
                    }
                    return sha1;
                }
            });
            // content streamed from a file is checked on the host too: what landed is what was sent
            if (content.bytesInMemory() == null) {
                String landed = (host.commandsDuringWrites() ? sha1(tmp) : sha1BySftp(tmp)).orElse("(missing)");
                if (!landed.equals(sent)) {
                    throw new ConnectionException("write " + p + " on " + host.name() + ": the file written holds other bytes than were sent (sha1 "
                            + landed + ", sent " + sent + "); the file was left as it was");
                }
            }
            host.sftp("write " + p, sftp -> {
                if (attributesLater) applyAttributes(sftp, tmp, uid, gid, mode);
                if (backup != null) copyForBackup(p, backup);
                rename(sftp, tmp, p);
                return null;
            });
            return Optional.ofNullable(backup);
        } catch (ConnectionException e) {
            if (!e.unreachable()) removeQuietly(tmp);
            throw e;
        }
    }

    /**
     * Streams the content into the open temp file in constant memory (MINA's pipelined writes) and
     * returns the SHA-1 of the bytes sent; fails when the source did not hold the size it was planned with.
     */
    private static String send(SftpClient sftp, String tmp, SftpClient.CloseableHandle h, Content content) throws IOException {
        MessageDigest digest = Checksum.digest();
        long total = 0;
        try (OutputStream out = new SftpOutputStreamAsync((AbstractSftpClient) sftp, CHUNK, tmp, h, false);
             InputStream in = content.open()) {
            byte[] chunk = new byte[STREAM_CHUNK];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                digest.update(chunk, 0, n);
                out.write(chunk, 0, n);
                total += n;
            }
        }
        if (total != content.size()) {
            throw new IOException("the source changed while it was copied (" + total + " bytes read, " + content.size() + " expected)");
        }
        return Checksum.hex(digest);
    }

    /** Removes the temp files earlier runs left in {@code dir} (see {@link TempFiles}). */
    private void removeStaleTemps(String dir) {
        try {
            host.sftp("removing stale temp files in " + dir, sftp -> {
                List<SftpClient.DirEntry> entries = new ArrayList<>();
                try {
                    sftp.readDir(dir).forEach(entries::add);
                } catch (java.io.UncheckedIOException missingOrUnreadable) {
                    return null; // the write itself reports what matters
                }
                for (SftpClient.DirEntry e : entries) {
                    SftpClient.Attributes a = e.getAttributes();
                    if (a == null || !a.isRegularFile() || a.getModifyTime() == null) continue;
                    if (!TempFiles.isStale(e.getFilename(), a.getModifyTime().toInstant())) continue;
                    try {
                        sftp.remove((dir.equals("/") ? "" : dir) + "/" + e.getFilename());
                    } catch (SftpException gone) {
                        // removed by someone else, or not ours to remove
                    }
                }
                return null;
            });
        } catch (ConnectionException ignored) {
            // a missing or unreadable directory: the write itself reports what matters
        }
    }

    @Override
    public Optional<String> sha1(String path) throws ConnectionException {
        String p = RemoteFiles.requireAbsolute(path);
        OpenSession.Raw r = host.exec(ShellQuote.join(List.of("sha1sum", "--", p)), null, null, "checksumming " + p);
        String out = new String(r.stdout(), StandardCharsets.US_ASCII);
        if (r.rc() == 0 && out.length() >= 40) return Optional.of(out.substring(0, 40));
        // no sha1sum on the host (or an error it tells about): hash the file's bytes as they stream by
        return sha1BySftp(p);
    }

    private Optional<String> sha1BySftp(String p) throws ConnectionException {
        return host.sftp("checksum " + p, sftp -> {
            if (statOrNull(sftp, p, true) == null) return Optional.empty();
            try (InputStream in = sftp.read(p)) {
                return Optional.of(Checksum.sha1(in));
            }
        });
    }

    /**
     * Creates the temp file; for a new file whose directory is missing, creates the directories first
     * (asked only after the create failed, which saves a round trip in the usual case).
     */
    private static SftpClient.CloseableHandle openTemp(SftpClient sftp, String tmp, boolean newFile) throws IOException {
        try {
            return sftp.open(tmp, SftpClient.OpenMode.Write, SftpClient.OpenMode.Create, SftpClient.OpenMode.Exclusive);
        } catch (SftpException e) {
            if (!newFile || !SshHost.missing(e)) throw e;
            makeDirs(sftp, RemoteFiles.parent(tmp), null, null, null);
            return sftp.open(tmp, SftpClient.OpenMode.Write, SftpClient.OpenMode.Create, SftpClient.OpenMode.Exclusive);
        }
    }

    private void copyForBackup(String path, String backup) throws IOException {
        try {
            OpenSession.Raw r = host.exec(ShellQuote.join(List.of("cp", "-p", "--", path, backup)), null, null, "backing up " + path);
            if (r.rc() != 0) throw new IOException("backup of " + path + " failed: " + new String(r.stderr()).strip());
        } catch (ConnectionException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void removeQuietly(String path) {
        try {
            host.sftp("remove " + path, sftp -> {
                sftp.remove(path);
                return null;
            });
        } catch (ConnectionException ignored) {
            // the guard removes it when the session ends
        }
    }

    /** Owner first: chown clears set-id bits, so the mode must come after it. */
    private static void applyAttributes(SftpClient sftp, String path, Integer uid, Integer gid, Integer mode) throws IOException {
        if (uid != null || gid != null) {
            SftpClient.Attributes now = (uid == null || gid == null) ? sftp.lstat(path) : null;
            sftp.setStat(path, new SftpClient.Attributes().owner(uid != null ? uid : now.getUserId(), gid != null ? gid : now.getGroupId()));
        }
        if (mode != null) sftp.setStat(path, new SftpClient.Attributes().perms(mode));
    }

    private static void rename(SftpClient sftp, String from, String to) throws IOException {
        OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        if (posix != null && posix.isSupported()) {
            posix.posixRename(from, to);
            return;
        }
        try {
            sftp.rename(from, to, SftpClient.CopyMode.Overwrite, SftpClient.CopyMode.Atomic);
        } catch (SftpException | UnsupportedOperationException e) {
            // SFTP v3 without the OpenSSH extension cannot replace a file in one step
            try {
                sftp.remove(to);
            } catch (SftpException gone) {
                if (!SshHost.missing(gone)) throw gone;
            }
            sftp.rename(from, to);
        }
    }

    @Override
    public void mkdirs(String path, Attributes attributes) throws ConnectionException {
        String p = RemoteFiles.requireAbsolute(path);
        Integer uid = attributes != null && attributes.owner() != null ? host.ids().userId(attributes.owner(), runner()) : null;
        Integer gid = attributes != null && attributes.group() != null ? host.ids().groupId(attributes.group(), runner()) : null;
        Integer mode = attributes == null ? null : attributes.mode();
        host.sftp("mkdir " + p, sftp -> {
            makeDirs(sftp, p, uid, gid, mode);
            return null;
        });
    }

    /**
     * Creates {@code path} and its missing parents; only directories it created get the attributes.
     * The usual case (the parent exists) costs one mkdir; the parents are looked at only when it fails.
     */
    private static void makeDirs(SftpClient sftp, String path, Integer uid, Integer gid, Integer mode) throws IOException {
        try {
            sftp.mkdir(path);
            applyAttributes(sftp, path, uid, gid, mode);
            return;
        } catch (SftpException e) {
            if (!SshHost.missing(e)) {
                SftpClient.Attributes a = statOrNull(sftp, path, true);
                if (a != null && a.isDirectory()) return; // there already: not ours to change
                if (a != null) throw new SftpException(SftpConstants.SSH_FX_FAILURE, path + " exists and is not a directory");
                throw e;
            }
        }
        List<String> missing = new ArrayList<>();
        for (String cur = path; !cur.equals("/"); cur = RemoteFiles.parent(cur)) {
            SftpClient.Attributes a = statOrNull(sftp, cur, true);
            if (a != null) {
                if (!a.isDirectory()) throw new SftpException(SftpConstants.SSH_FX_FAILURE, cur + " exists and is not a directory");
                break;
            }
            missing.add(0, cur);
        }
        for (String dir : missing) {
            try {
                sftp.mkdir(dir);
            } catch (SftpException e) {
                SftpClient.Attributes a = statOrNull(sftp, dir, true);
                if (a == null || !a.isDirectory()) throw e;
                continue; // created concurrently: not ours to change
            }
            applyAttributes(sftp, dir, uid, gid, mode);
        }
    }

    @Override
    public void remove(String path, boolean recursive) throws ConnectionException {
        String p = RemoteFiles.requireAbsolute(path);
        SftpClient.Attributes a = host.sftp("stat " + p, sftp -> statOrNull(sftp, p, false));
        if (a == null) return;
        if (a.isDirectory() && recursive) {
            // one command instead of a round trip per file of the tree
            OpenSession.Raw r = host.exec(ShellQuote.join(List.of("rm", "-rf", "--", p)), null, null, "removing " + p);
            if (r.rc() != 0) throw new ConnectionException("remove " + p + " on " + host.name() + ": " + new String(r.stderr()).strip());
            return;
        }
        host.sftp("remove " + p, sftp -> {
            try {
                if (a.isDirectory()) sftp.rmdir(p);
                else sftp.remove(p);
            } catch (SftpException e) {
                if (!SshHost.missing(e)) throw e;
            }
            return null;
        });
    }

    @Override
    public void symlink(String target, String link) throws ConnectionException {
        String l = RemoteFiles.requireAbsolute(link);
        String tmp = RemoteFiles.tempSibling(l);
        host.sftp("symlink " + l + " -> " + target, sftp -> {
            sftp.symLink(tmp, target);
            try {
                rename(sftp, tmp, l);
            } catch (IOException e) {
                try {
                    sftp.remove(tmp);
                } catch (IOException ignored) {
                    // reported below
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public void setAttributes(String path, Attributes attributes) throws ConnectionException {
        String p = RemoteFiles.requireAbsolute(path);
        if (attributes == null || attributes.isEmpty()) return;
        Integer uid = attributes.owner() != null ? host.ids().userId(attributes.owner(), runner()) : null;
        Integer gid = attributes.group() != null ? host.ids().groupId(attributes.group(), runner()) : null;
        host.sftp("chmod/chown " + p, sftp -> {
            applyAttributes(sftp, p, uid, gid, attributes.mode());
            return null;
        });
    }
}

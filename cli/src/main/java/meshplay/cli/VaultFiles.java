package meshplay.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;

/**
 * The file handling of `meshplay vault`: reading a file or stdin ("-"), writing a file atomically
 * (a 0600 temp file in the same directory, synced, then renamed over the target) or stdout, and
 * editing plaintext in $EDITOR through a 0600 temp file that is overwritten and removed afterwards.
 */
final class VaultFiles {
    static final String STDIO = "-";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Main.Streams io;
    private final Map<String, String> env;

    VaultFiles(Main.Streams io, Map<String, String> env) {
        this.io = io;
        this.env = env;
    }

    byte[] read(String name) {
        try {
            if (name.equals(STDIO)) return io.in().readAllBytes();
            return Files.readAllBytes(Path.of(name));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError(Origin.of(name), "Unable to read source file (" + name + "): no such file", "check the path", ExitCode.ERROR);
        } catch (IOException e) {
            throw new UserError(Origin.of(name), "Unable to read source file (" + name + "): " + e.getMessage(), "check the file's permissions", ExitCode.ERROR);
        }
    }

    /** Writes to stdout ("-") or atomically to a file: mode 0600, or the mode and owner of the file it replaces when {@code keepMode}. */
    void write(byte[] data, String name, boolean keepMode) {
        if (name.equals(STDIO)) {
            io.out().write(data, 0, data.length);
            io.out().flush();
            return;
        }
        Path target = Path.of(name).toAbsolutePath();
        PosixFileAttributes previous = keepMode ? attributes(target) : null;
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            if (previous != null) {
                Files.setPosixFilePermissions(tmp, previous.permissions());
                PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
                try {
                    view.setOwner(previous.owner());
                    view.setGroup(previous.group());
                } catch (IOException e) {
                    // not allowed to give the file away (not root): it stays ours, as ansible-vault's would
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UserError(Origin.of(name), "cannot write " + name + ": " + e, "check the directory exists and is writable", ExitCode.ERROR);
        } finally {
            if (tmp != null) deleteQuietly(tmp);
        }
    }

    private static PosixFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Lets the user edit {@code plaintext} in $EDITOR (vi when unset) and returns the edited bytes. The
     * plaintext lives only in a 0600 temp file, overwritten with zeros and removed afterwards, whatever happens.
     */
    byte[] edit(byte[] plaintext, String suffix) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("meshplay-vault-", suffix, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.write(tmp, plaintext);
            String editor = env.getOrDefault("EDITOR", "vi");
            Process p = new ProcessBuilder("sh", "-c", editor + " \"$1\"", "sh", tmp.toString()).inheritIO().start();
            int rc = p.waitFor();
            if (rc != 0) {
                throw new UserError(Origin.of("EDITOR"), "the editor '" + editor + "' exited with " + rc + "; nothing was saved",
                        "set EDITOR to an editor that exits 0 when you save", ExitCode.ERROR);
            }
            return Files.readAllBytes(tmp);
        } catch (IOException e) {
            throw new UserError(Origin.of("EDITOR"), "cannot run the editor: " + e.getMessage(), "set EDITOR to an editor command", ExitCode.ERROR);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(Origin.of("EDITOR"), "interrupted while editing; nothing was saved", null, ExitCode.INTERRUPTED);
        } finally {
            if (tmp != null) shred(tmp);
        }
    }

    /** Overwrites the file with zeros, then removes it. */
    private static void shred(Path file) {
        try {
            long size = Files.size(file);
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                byte[] zeros = new byte[8192];
                for (long done = 0; done < size; done += zeros.length) out.write(zeros, 0, (int) Math.min(zeros.length, size - done));
            }
        } catch (IOException e) {
            // removing it below is what matters
        }
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // nothing more to do
        }
    }

    /** The file's extension with its dot ("" for none), so the editor recognises YAML. */
    static String suffix(String name) {
        String file = Path.of(name).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(dot) : "";
    }
}

package meshplay.engine.connect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a write puts into a file: bytes already in memory, or a controller file streamed from disk in
 * constant memory whatever its size. It knows its size and its {@link Checksum}, which the connection
 * compares with the checksum of the file written on the target before it replaces anything.
 */
public abstract class Content {
    private volatile String sha1;

    private Content() {
    }

    public static Content of(byte[] bytes) {
        return new InMemory(bytes);
    }

    /** The file's bytes, read when the write happens (and once more for the checksum, if asked first). */
    public static Content of(Path file) throws IOException {
        return new FromFile(file, Files.size(file));
    }

    /** The number of bytes. */
    public abstract long size();

    /** A new stream over all the bytes, from the start. */
    public abstract InputStream open() throws IOException;

    /** The bytes in memory, when they already are (small content), else null. */
    public abstract byte[] bytesInMemory();

    /** Hex SHA-1 of the bytes (computed once). */
    public String sha1() {
        String s = sha1;
        if (s == null) {
            try (InputStream in = open()) {
                s = Checksum.sha1(in);
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + this + ": " + e.getMessage(), e);
            }
            sha1 = s;
        }
        return s;
    }

    /** Records a checksum computed while the bytes were streamed, so they need not be read again. */
    void knownSha1(String value) {
        if (sha1 == null) sha1 = value;
    }

    private static final class InMemory extends Content {
        private final byte[] bytes;

        InMemory(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public byte[] bytesInMemory() {
            return bytes;
        }

        @Override
        public String toString() {
            return bytes.length + " bytes";
        }
    }

    private static final class FromFile extends Content {
        private final Path file;
        private final long size;

        FromFile(Path file, long size) {
            this.file = file;
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public byte[] bytesInMemory() {
            return null;
        }

        @Override
        public String toString() {
            return file.toString();
        }
    }
}

package meshplay.engine.connect.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import meshplay.engine.lang.ShellQuote;
import org.apache.sshd.client.channel.ChannelExec;

/**
 * A remote {@code sh} that deletes the temp file of a write the connection dropped in the middle of.
 * Before a write creates its temp file, {@link #arm} hands the guard the temp path and
 * {@link #awaitArmed} waits until the guard has read it; after the rename, {@link #disarm} tells it
 * the write is over. If the guard's input ends while it is armed (the session died, sshd closed the
 * pipe), it removes the temp file.
 * One guard serves all writes of a session, so a write costs two small messages, not a new process.
 */
final class WriteGuard implements AutoCloseable {
    /**
     * Paths arrive escaped (see {@link #escape}): one per line, acknowledged with "ok"; an empty line
     * ends the write. printf %b decodes the escapes only in the rare case a file has to be removed.
     */
    static final String SCRIPT = "while IFS= read -r tmp; do printf 'ok\\n'; "
            + "IFS= read -r end || { rm -f -- \"$(printf '%b' \"$tmp\")\"; exit 0; }; done";

    private static final long POLL_MS = 50;

    private final ChannelExec channel;
    private final Semaphore acks;
    private final Duration timeout;

    private WriteGuard(ChannelExec channel, Semaphore acks, Duration timeout) {
        this.channel = channel;
        this.acks = acks;
        this.timeout = timeout;
    }

    /** Starts a guard on the session; its channel holds one of the session's channel permits until closed. */
    static WriteGuard start(OpenSession session, Duration timeout) throws IOException, InterruptedException {
        Semaphore acks = new Semaphore(0);
        ChannelExec ch = session.openDetached("sh -c " + ShellQuote.quote(SCRIPT), new LineCounter(acks));
        return new WriteGuard(ch, acks, timeout);
    }

    boolean isOpen() {
        return channel.isOpen() && !channel.isClosing();
    }

    /** Sends {@code tmp} to the guard; {@link #awaitArmed} tells when the guard holds it. */
    void arm(String tmp) throws IOException {
        send(escape(tmp) + "\n");
    }

    /** Returns once the guard has acknowledged the armed path, so the temp file may now be created. */
    void awaitArmed() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!acks.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
            // a guard whose channel closed (the session died) will not answer: do not wait for the timeout
            if (!isOpen()) throw new IOException("the write guard's channel closed");
            if (System.nanoTime() > deadline) throw new IOException("the write guard did not answer within " + timeout.toSeconds() + " s");
        }
    }

    /** The write is over (renamed into place or cleaned up): the guard forgets the temp path. */
    void disarm() throws IOException {
        send("\n");
    }

    private void send(String line) throws IOException {
        OutputStream in = channel.getInvertedIn();
        in.write(line.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Backslash and newline as printf %b octal escapes: one path stays one line, whatever its bytes. */
    static String escape(String path) {
        if (path.indexOf('\\') < 0 && path.indexOf('\n') < 0) return path;
        return path.replace("\\", "\\0134").replace("\n", "\\0012");
    }

    /** Ends the guard's input: an idle guard exits, and its channel gives the permit back. */
    @Override
    public void close() {
        try {
            channel.getInvertedIn().close();
        } catch (IOException ignored) {
            // the session is gone; the guard saw the end of its input anyway
        }
    }

    /** The guard's output: one permit per line, each the acknowledgement of one {@link #arm}. */
    private static final class LineCounter extends OutputStream {
        private final Semaphore lines;

        LineCounter(Semaphore lines) {
            this.lines = lines;
        }

        @Override
        public void write(int b) {
            if (b == '\n') lines.release();
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) if (b[i] == '\n') lines.release();
        }
    }
}

package meshplay.engine.connect.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * One authenticated session and what lives on it: a semaphore that keeps the number of open channels
 * within the server's MaxSessions, and the single SFTP client (which holds one of those channels while
 * it is open). Exec channels are opened per command and multiplexed on the session.
 */
final class OpenSession implements AutoCloseable {
    /** How long to keep retrying a channel the server refused (a killed command's slot is freed late). */
    private static final Duration CHANNEL_RETRY = Duration.ofSeconds(5);
    private static final long FOREVER_MS = Duration.ofDays(3650).toMillis();

    /** Raw outcome of one command; {@code rc} is null when the session broke before an exit status. */
    record Raw(Integer rc, byte[] stdout, byte[] stderr, boolean timedOut) {
    }

    /** The server refused the SFTP subsystem (not configured, or disabled) on a healthy session. */
    static final class SftpUnavailableException extends IOException {
        SftpUnavailableException(IOException cause) {
            super("the server offers no SFTP subsystem: " + cause.getMessage(), cause);
        }
    }

    interface SftpAction<T> {
        T run(SftpClient sftp) throws IOException;
    }

    private final ClientSession session;
    private final Semaphore channels;
    private final Duration openTimeout;
    private final int maxChannels;
    private final ReentrantLock sftpLock = new ReentrantLock();
    private final ReentrantLock guardLock = new ReentrantLock();
    private WriteGuard guard;
    private SftpClient sftp;
    private boolean sftpHoldsPermit;

    OpenSession(ClientSession session, int maxChannels, Duration openTimeout) {
        this.session = session;
        this.maxChannels = maxChannels;
        this.channels = new Semaphore(maxChannels, true);
        this.openTimeout = openTimeout;
    }

    ClientSession session() {
        return session;
    }

    boolean isOpen() {
        return session.isOpen() && !session.isClosing();
    }

    /** Runs one command on its own channel; stdin is sent and closed (EOF) right after opening. */
    Raw exec(String command, byte[] stdin, Duration timeout) throws IOException, InterruptedException {
        return exec(command, stdin == null || stdin.length == 0 ? null : new java.io.ByteArrayInputStream(stdin), timeout);
    }

    /** Like {@link #exec(String, byte[], Duration)}, with stdin streamed (in constant memory) from {@code stdin}. */
    Raw exec(String command, InputStream stdin, Duration timeout) throws IOException, InterruptedException {
        channels.acquire();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (ChannelExec ch = openExec(command, out, err)) {
                try (OutputStream in = ch.getInvertedIn()) {
                    if (stdin != null) stdin.transferTo(in);
                } catch (IOException e) {
                    // the command exited without reading all of its input; its exit status tells
                }
                long waitMs = timeout == null ? FOREVER_MS : Math.max(1, timeout.toMillis());
                Set<ClientChannelEvent> events = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), waitMs);
                if (events.contains(ClientChannelEvent.TIMEOUT) && !events.contains(ClientChannelEvent.CLOSED)) {
                    // TERM reaches the `timeout` wrapper, which kills the command's whole process group
                    signal(ch, "TERM");
                    ch.close(true);
                    return new Raw(-1, out.toByteArray(), err.toByteArray(), true);
                }
                Integer rc = ch.getExitStatus();
                if (rc == null && ch.getExitSignal() != null) rc = 128 + signalNumber(ch.getExitSignal());
                return new Raw(rc, out.toByteArray(), err.toByteArray(), false);
            }
        } finally {
            channels.release();
        }
    }

    /**
     * Opens a channel running {@code command} whose permit is given back only when the channel has
     * closed; used for the write guard, which outlives the call that started it.
     */
    ChannelExec openDetached(String command, OutputStream out) throws IOException, InterruptedException {
        channels.acquire();
        try {
            ChannelExec ch = openExec(command, out, OutputStream.nullOutputStream());
            ch.addCloseFutureListener(f -> channels.release());
            return ch;
        } catch (IOException | RuntimeException e) {
            channels.release();
            throw e;
        }
    }

    /** A write's hold on the guard: wait for it to be armed, then write; closing it ends the write. */
    interface GuardLease extends AutoCloseable {
        /** Returns once the guard holds the temp path; create the temp file only after this. */
        void awaitArmed() throws IOException;

        @Override
        void close();
    }

    /**
     * Arms the session's write guard with {@code tmp} (starting the guard on first use), without
     * waiting for its acknowledgement: see {@link GuardLease#awaitArmed}. Writes take
     * turns on the guard; the lease, closed by the same thread when the write is over, passes it on.
     * With fewer than three channels the guard would starve commands (SFTP holds one), so it then
     * lives for one write only.
     */
    GuardLease armGuard(String tmp) throws IOException, InterruptedException {
        guardLock.lockInterruptibly();
        try {
            if (guard == null || !guard.isOpen()) guard = WriteGuard.start(this, openTimeout);
            WriteGuard armed = guard;
            armed.arm(tmp);
            boolean oneShot = maxChannels < 3;
            if (oneShot) guard = null;
            return new GuardLease() {
                private boolean acknowledged;

                @Override
                public void awaitArmed() throws IOException {
                    try {
                        armed.awaitArmed();
                        acknowledged = true;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while waiting for the write guard");
                    }
                }

                @Override
                public void close() {
                    try {
                        // a write that failed before it waited still takes its acknowledgement, or the
                        // next write would take it for its own and create its file too early
                        if (!acknowledged) armed.awaitArmed();
                        armed.disarm();
                    } catch (IOException ignored) {
                        // the session is gone: after the rename there is nothing left to remove
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        if (oneShot) armed.close();
                        guardLock.unlock();
                    }
                }
            };
        } catch (IOException | InterruptedException | RuntimeException e) {
            guardLock.unlock();
            throw e;
        }
    }

    private ChannelExec openExec(String command, OutputStream out, OutputStream err) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CHANNEL_RETRY.toNanos();
        long pause = 20;
        while (true) {
            ChannelExec ch = session.createExecChannel(command);
            ch.setOut(out);
            ch.setErr(err);
            try {
                ch.open().verify(openTimeout);
                return ch;
            } catch (IOException | RuntimeException e) {
                ch.close(true);
                // the server may still count a channel we have just closed (its slot is freed a little
                // later, or its timed-out command is still being killed): wait briefly and try again
                if (!refusedOpen(e) || System.nanoTime() > deadline || !isOpen()) throw e;
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 500);
            }
        }
    }

    private static boolean refusedOpen(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SshChannelOpenException) return true;
        }
        return false;
    }

    private void signal(ChannelExec ch, String name) {
        try {
            Buffer buf = session.createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 32);
            buf.putUInt(ch.getRecipient());
            buf.putString("signal");
            buf.putBoolean(false);
            buf.putString(name);
            ch.writePacket(buf);
        } catch (IOException | RuntimeException e) {
            // best effort: the remote `timeout` wrapper kills the command anyway
        }
    }

    static int signalNumber(String name) {
        return switch (name) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "QUIT" -> 3;
            case "ILL" -> 4;
            case "ABRT" -> 6;
            case "FPE" -> 8;
            case "KILL" -> 9;
            case "SEGV" -> 11;
            case "PIPE" -> 13;
            case "ALRM" -> 14;
            case "TERM" -> 15;
            case "USR1" -> 10;
            case "USR2" -> 12;
            default -> 0;
        };
    }

    /**
     * Runs an action on the session's one SFTP client, opening it on first use. The lock keeps
     * requests of different threads from interleaving on it.
     */
    <T> T withSftp(SftpAction<T> action) throws IOException, InterruptedException {
        sftpLock.lockInterruptibly();
        try {
            if (sftp == null || !sftp.isOpen()) {
                if (sftp != null) closeQuietly(sftp);
                sftp = null;
                if (!sftpHoldsPermit) {
                    channels.acquire();
                    sftpHoldsPermit = true;
                }
                try {
                    sftp = SftpClientFactory.instance().createSftpClient(session);
                } catch (IOException e) {
                    channels.release();
                    sftpHoldsPermit = false;
                    if (!isOpen()) throw e;
                    throw new SftpUnavailableException(e);
                }
            }
            return action.run(sftp);
        } finally {
            sftpLock.unlock();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a broken channel
        }
    }

    /**
     * Closes the session at once, with its channels: the server then ends the SFTP server and the write
     * guard (which, not armed, removes nothing), so closing them one by one first would only add round trips.
     */
    @Override
    public void close() {
        session.close(true);
    }
}

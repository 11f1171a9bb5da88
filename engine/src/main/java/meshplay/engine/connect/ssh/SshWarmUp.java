package meshplay.engine.connect.ssh;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Loads and initialises the SSH client's classes (MINA's algorithm tables, the BouncyCastle provider)
 * on a background thread, so that a run pays for them while it still parses its playbook and inventory
 * on the main thread, not when its first host connects. Optional: a run that never starts it, or whose
 * hosts are all local, behaves the same. Providers wait for it before they touch MINA themselves, so
 * no class is initialised from two threads at once.
 */
public final class SshWarmUp {
    private static Thread thread;

    private SshWarmUp() {
    }

    /** Starts the warm-up once per JVM; later calls do nothing. */
    public static synchronized void start() {
        if (thread != null) return;
        thread = new Thread(SshWarmUp::initialise, "meshplay-ssh-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns once a started warm-up has finished (at once if none was started). */
    static void await() {
        Thread t;
        synchronized (SshWarmUp.class) {
            t = thread;
        }
        if (t == null) return;
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void initialise() {
        try {
            SecurityUtils.isEDDSACurveSupported();
            KexPreference.order(SshClient.setUpDefaultClient().getKeyExchangeFactories());
        } catch (RuntimeException | LinkageError e) {
            // the provider meets the same problem on the run's thread and reports it there
        }
    }
}

package meshplay.modules.support;

import java.time.Duration;

/**
 * Waits for a condition: an initial delay, then checks every {@code interval} until it holds or the
 * timeout has passed. Used by wait_for, wait_for_connection and reboot.
 */
public final class Poll {
    /** One check; may throw, which counts as "not yet" (the last error is kept for the failure message). */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    /** The outcome: whether it held, after how long, and the last error seen while checking. */
    public record Outcome(boolean held, Duration elapsed, Exception lastError) {
        public double seconds() {
            return Math.round(elapsed.toMillis() / 100.0) / 10.0;
        }
    }

    private Poll() {
    }

    public static Outcome until(Duration delay, Duration interval, Duration timeout, Check check) throws InterruptedException {
        long start = System.nanoTime();
        sleep(delay);
        long deadline = start + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (check.holds()) return new Outcome(true, Duration.ofNanos(System.nanoTime() - start), null);
                last = null;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) return new Outcome(false, Duration.ofNanos(System.nanoTime() - start), last);
            sleep(Duration.ofNanos(Math.min(interval.toNanos(), left)));
        }
    }

    public static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero() && !d.isNegative()) Thread.sleep(d.toMillis());
    }
}

package meshplay.engine.connect.ssh;

import java.util.concurrent.Semaphore;
import meshplay.engine.connect.ConnectionException;

/**
 * Bounds the SSH handshakes (TCP connect, key exchange, authentication) in flight at once for one
 * provider, whatever the forks: hundreds of logins at once on a few cores make every one of them slow,
 * and each would run out of its login timeout. Hosts wait their turn in the order they asked (a fair
 * queue); the login timeout starts once a host's turn has come, so waiting here never makes a host
 * unreachable. A host that is down holds its turn for at most its login timeout.
 */
final class LoginGate {
    private final Semaphore turns;

    LoginGate(int limit) {
        if (limit < 1) throw new IllegalArgumentException("handshakes must be at least 1, not " + limit);
        this.turns = new Semaphore(limit, true);
    }

    /** A turn to log in, released by closing it. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits for a turn to log in to {@code where}; an interrupt while waiting makes the host unreachable. */
    Turn enter(String where) throws ConnectionException {
        try {
            turns.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("interrupted while waiting to log in to " + where, true, e);
        }
        return new Turn() {
            private boolean released;

            @Override
            public synchronized void close() {
                if (released) return;
                released = true;
                turns.release();
            }
        };
    }
}

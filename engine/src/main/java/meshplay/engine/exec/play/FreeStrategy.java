package meshplay.engine.exec.play;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import meshplay.engine.exec.RunContext;

/**
 * strategy: free: every host of the batch goes through the play on its own thread (at most --forks at
 * a time), so a slow host does not hold the others back. Each host's tasks still run on the fork pool;
 * these are separate threads, so a host waiting for its task never starves the pool.
 */
final class FreeStrategy {
    private FreeStrategy() {
    }

    static void run(RunContext run, List<String> batch, Consumer<String> perHost) {
        int threads = Math.max(1, Math.min(run.options.forks, batch.size()));
        ExecutorService hosts = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "meshplay-free-host");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String h : batch) running.add(hosts.submit(() -> perHost.accept(h)));
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.state.quit();
        } finally {
            hosts.shutdownNow();
        }
    }
}

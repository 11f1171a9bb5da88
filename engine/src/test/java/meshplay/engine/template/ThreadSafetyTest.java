package meshplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One templar, many threads, the same compiled templates, different variables: each gets its own result. */
class ThreadSafetyTest {
    @Test
    void concurrentRendersDoNotMixVariables() throws Exception {
        MvelTemplar t = new MvelTemplar();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> jobs = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                jobs.add(() -> {
                    Map<String, Object> vars = Y.vars("n", n, "name", "host" + n,
                        "ip", Y.s("10.0.{{ n // 256 }}.{{ n % 256 }}"), "peers", List.of(n, n + 1));
                    String out = "";
                    for (int k = 0; k < 5; k++) {
                        out = (String) t.render(Y.s("{{ name | upper }} {{ ip }} {{ peers | sum }} {{ 'even' if n is even else 'odd' }}"
                            + " {{ n is defined and (peers | length) == 2 }}"), vars);
                    }
                    return out;
                });
            }
            List<Future<String>> results = pool.invokeAll(jobs);
            for (int i = 0; i < results.size(); i++) {
                String expected = "HOST" + i + " 10.0." + (i / 256) + "." + (i % 256) + " " + (2 * i + 1) + " "
                    + (i % 2 == 0 ? "even" : "odd") + " True";
                assertEquals(expected, results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

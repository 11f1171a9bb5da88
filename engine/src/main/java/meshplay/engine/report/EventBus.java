package meshplay.engine.report;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans events out to reporters; serialises calls so output from parallel hosts never interleaves. It
 * carries the run's {@link Redactor}: values set under no_log, which no output may show.
 */
public final class EventBus implements Reporter {
    private final List<Reporter> reporters = new CopyOnWriteArrayList<>();
    private final Redactor secrets;

    public EventBus(Redactor secrets, Reporter... initial) {
        this.secrets = secrets;
        reporters.addAll(List.of(initial));
    }

    public EventBus(Reporter... initial) {
        this(new Redactor(), initial);
    }

    /** The values the reporters' output must mask (see {@link Redactor#wrap}); the run adds no_log values to it. */
    public Redactor secrets() {
        return secrets;
    }

    public void add(Reporter r) {
        reporters.add(r);
    }

    @Override
    public synchronized void on(Event event) {
        for (Reporter r : reporters) r.on(event);
    }

    @Override
    public void close() {
        for (Reporter r : reporters) r.close();
    }
}

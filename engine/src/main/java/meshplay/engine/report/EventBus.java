package meshplay.engine.report;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fans events out to reporters; serialises calls so output from parallel hosts never interleaves. */
public final class EventBus implements Reporter {
    private final List<Reporter> reporters = new CopyOnWriteArrayList<>();

    public EventBus(Reporter... initial) {
        reporters.addAll(List.of(initial));
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

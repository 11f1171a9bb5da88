package meshplay.engine.report;

/** Consumes run events. Called from one thread at a time (the {@link EventBus} serialises). */
public interface Reporter extends AutoCloseable {
    void on(Event event);

    @Override
    default void close() {
    }
}

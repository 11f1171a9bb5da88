package meshplay.engine.template.filter;

/** One test: {@code input is name(args)}. */
@FunctionalInterface
public interface Test {
    boolean test(Object input, FilterCall call);
}

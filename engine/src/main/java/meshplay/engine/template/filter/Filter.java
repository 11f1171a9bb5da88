package meshplay.engine.template.filter;

/** One filter: {@code input | name(args, key=value)}. */
@FunctionalInterface
public interface Filter {
    Object apply(Object input, FilterCall call);
}

package meshplay.engine.template;

/**
 * A variable, key or attribute does not exist. Raised while evaluating; the templar turns it into a
 * UserError naming the expression and its origin. {@code name} is the variable or path that is missing.
 */
public final class UndefinedException extends RuntimeException {
    private final String name;

    public UndefinedException(String name, String message) {
        super(message);
        this.name = name;
    }

    public static UndefinedException variable(String name) {
        return new UndefinedException(name, "'" + name + "' is undefined");
    }

    public String name() {
        return name;
    }
}

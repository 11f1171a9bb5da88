package meshplay.engine.template;

/**
 * The value of an undefined operand, as seen by filters and tests that accept it (default, is defined).
 * Any other use raises the original error.
 */
public final class Undefined {
    private final UndefinedException error;

    public Undefined(UndefinedException error) {
        this.error = error;
    }

    public UndefinedException error() {
        return error;
    }

    @Override
    public String toString() {
        throw error;
    }
}

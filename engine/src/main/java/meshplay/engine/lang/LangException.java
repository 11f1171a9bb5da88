package meshplay.engine.lang;

/**
 * Text that a language helper cannot read: a regular expression or replacement that Python would
 * refuse, JSON that does not parse, a value that is no boolean. The message says what is wrong;
 * callers add where the text came from (a module argument, a filter) and rethrow in their own terms.
 */
public final class LangException extends IllegalArgumentException {
    public LangException(String message) {
        super(message);
    }
}

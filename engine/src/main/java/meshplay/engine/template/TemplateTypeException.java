package meshplay.engine.template;

/** A value of the wrong type reached an operator, filter or test ("'<' between 'str' and 'int'"). */
public final class TemplateTypeException extends RuntimeException {
    public TemplateTypeException(String message) {
        super(message);
    }
}

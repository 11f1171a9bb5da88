package meshplay.engine.yaml;

/**
 * A scalar: {@code text} is the source text, {@code value} the YAML 1.1 resolved value
 * (Boolean, Integer, Long, Double, String or null), {@code quoted} true for '..' or "..".
 */
public record YScalar(String text, Object value, boolean quoted, Origin origin) implements YNode {
    @Override
    public Object toJava() {
        return value;
    }
}

package meshplay.engine.yaml;

/**
 * A YAML value with its origin. Scalars keep their source text so that arguments can be coerced
 * by their declared type (a string argument keeps "NO", a mode keeps "0644").
 */
public sealed interface YNode permits YScalar, YMap, YList {
    Origin origin();

    /** The plain Java value (YAML 1.1 resolution): String, Boolean, Integer/Long, Double, null, List, Map. */
    Object toJava();
}

package meshplay.engine.module;

/** Declared argument types; the engine coerces values to them before a module runs. */
public enum ArgType {
    /** Text; a YAML scalar keeps its source text ("NO" stays "NO"). */
    STR,
    /** Whole number; numeric strings accepted. */
    INT,
    FLOAT,
    /** yes/no/true/false/on/off/1/0, case-insensitive. */
    BOOL,
    /** A list; a comma-separated string is split. Elements are coerced to the element type. */
    LIST,
    /** A mapping of string keys. */
    DICT,
    /** A path on the target; "~" is left for the host to expand. */
    PATH,
    /** File permissions: octal ("0644", "644", 420 from YAML) or symbolic ("u=rw,g=r"). Becomes a {@link FileMode}. */
    MODE,
    /** Any value, passed through unchanged. */
    RAW
}

package meshplay.engine.model;

/** What a keyword's literal value must look like; templated values are checked at run time instead. */
enum KeywordType {
    /** true/false/yes/no/on/off/1/0. */
    BOOL,
    /** A whole number. */
    INT,
    /** Any number. */
    NUMBER,
    /** A whole number or "N%". */
    PERCENT,
    /** serial: a number, "N%", or a list of those. */
    SERIAL,
    /** A single scalar. */
    STRING,
    /** A variable name (register, loop_var). */
    IDENTIFIER,
    /** A bare expression or a list of them (when, changed_when, failed_when, until). */
    CONDITION,
    /** A scalar or a list of scalars (tags, notify, listen). */
    STRINGS,
    /** A mapping of variable names (vars). */
    VARS,
    /** A mapping, or one template that renders to a mapping (environment, args, module_defaults). */
    MAPPING,
    /** A list, or one template that renders to a list (loop). */
    LIST,
    /** loop_control: a mapping with its own keys. */
    LOOP_CONTROL,
    /** One of a fixed set of words. */
    CHOICE,
    /** A list of tasks (handled by the task list parser). */
    TASKS,
    /** Accepted and not interpreted here. */
    ANY
}

package meshplay.engine.yaml;

/** Where a value came from: file, 1-based line and column. Every model object and YAML value carries one. */
public record Origin(String file, int line, int column) {
    public static final Origin UNKNOWN = new Origin("<unknown>", 0, 0);

    public static Origin of(String what) {
        return new Origin(what, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}

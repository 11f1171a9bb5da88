package meshplay.engine.connect;

/** Mode (permission bits, null = leave), owner and group names (null = leave). */
public record Attributes(Integer mode, String owner, String group) {
    public static final Attributes NONE = new Attributes(null, null, null);

    public boolean isEmpty() {
        return mode == null && owner == null && group == null;
    }
}

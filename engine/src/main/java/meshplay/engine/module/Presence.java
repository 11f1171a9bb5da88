package meshplay.engine.module;

/**
 * The usual {@code state: present | absent} choice, for a module whose argument record binds it
 * ({@code ArgSpec.choice("state", Presence.class)}). A module with more states declares its own enum.
 */
public enum Presence {
    PRESENT, ABSENT;

    public boolean present() {
        return this == PRESENT;
    }
}

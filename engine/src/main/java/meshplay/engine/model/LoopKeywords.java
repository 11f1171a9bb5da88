package meshplay.engine.model;

import java.util.List;

/**
 * The loop keywords of a task: {@code loop} and the legacy {@code with_NAME} forms, where NAME is the
 * lookup plugin whose list gives the items (with_items, with_sequence, with_subelements, ...).
 * A task has at most one of them.
 */
public final class LoopKeywords {
    /** Every loop keyword, {@code loop} first. */
    public static final List<String> ALL = List.of("loop", "with_items", "with_list", "with_dict", "with_sequence",
            "with_together", "with_nested", "with_subelements", "with_fileglob", "with_first_found", "with_lines",
            "with_indexed_items", "with_file", "with_template", "with_pipe", "with_env", "with_vars", "with_password");

    private LoopKeywords() {
    }

    /** The lookup plugin a with_NAME keyword runs ({@code with_sequence} -> {@code sequence}). */
    public static String plugin(String keyword) {
        return keyword.startsWith("with_") ? keyword.substring("with_".length()) : null;
    }
}

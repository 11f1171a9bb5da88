package meshplay.engine.exec.scope;

import java.util.List;
import meshplay.engine.model.Block;
import meshplay.engine.model.TaskItem;

/**
 * Where a task runs among its enclosing blocks: the innermost block, which of its sections (block,
 * rescue or always) and the section that block itself runs in. any_errors_fatal asks it two things
 * about a failure there, answered as ansible-core 2.14's play iterator answers them: does the host
 * count as failed, and is its next task in a rescue or always section.
 */
public record BlockSection(Block block, Part part, BlockSection outer) {

    /** The three sections of a block. */
    public enum Part { BLOCK, RESCUE, ALWAYS }

    /**
     * True when a failure in section {@code s} (null: outside any block) leaves the host failed: not
     * when the innermost block goes on to its rescue or always section, nor when a block further out
     * has a rescue for the section the failure comes from (an outer always alone does not clear it).
     */
    public static boolean failureStopsHost(BlockSection s) {
        if (s == null) return true;
        if (s.part == Part.BLOCK && !s.block.rescue().isEmpty()) return false;
        if (s.part != Part.ALWAYS && !s.block.always().isEmpty()) return false;
        for (BlockSection o = s.outer; o != null; o = o.outer) {
            if (o.part == Part.BLOCK && !o.block.rescue().isEmpty()) return false;
        }
        return true;
    }

    /**
     * True when the next task of a host that failed in section {@code s} is a task of a rescue or
     * always section: the nearest enclosing rescue (from a block section) or always (from a block or
     * rescue section). A section that starts with a nested block does not count: the iterator is
     * then in that block's own task section.
     */
    public static boolean failureGoesToRescueOrAlways(BlockSection s) {
        for (; s != null; s = s.outer) {
            if (s.part == Part.BLOCK && !s.block.rescue().isEmpty()) return startsWithTask(s.block.rescue());
            if (s.part != Part.ALWAYS && !s.block.always().isEmpty()) return startsWithTask(s.block.always());
        }
        return false;
    }

    /** True when the innermost section is a rescue or an always section. */
    public static boolean inRescueOrAlways(BlockSection s) {
        return s != null && s.part != Part.BLOCK;
    }

    private static boolean startsWithTask(List<TaskItem> items) {
        return !(items.get(0) instanceof Block);
    }
}

package meshplay.modules.support;

import java.util.Locale;
import meshplay.engine.module.ArgChoice;

/**
 * For an enum of argument choices spelled as Ansible spells them, in snake case
 * ({@code absent_from_fstab}, {@code on_create}): the constant's name in lower case.
 */
public interface SnakeCaseChoice extends ArgChoice {
    String name();

    @Override
    default String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package meshplay.modules.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import meshplay.engine.lang.LangException;
import meshplay.engine.lang.PyRegex;
import meshplay.engine.module.ModuleFailure;

/**
 * A module argument read as a Python regular expression ({@link PyRegex} does the reading): a pattern
 * or replacement that Python would refuse fails the task with a message that names the argument.
 */
public final class RegexArg {
    private RegexArg() {
    }

    /** The argument {@code argName}'s value {@code python} as a pattern. */
    public static Pattern compile(String argName, String python) throws ModuleFailure {
        return compile(argName, python, false);
    }

    /** The same, in re.MULTILINE mode when {@code multiline} is set. */
    public static Pattern compile(String argName, String python, boolean multiline) throws ModuleFailure {
        try {
            return PyRegex.compile(python, false, multiline);
        } catch (LangException e) {
            throw new ModuleFailure("argument '" + argName + "': " + e.getMessage());
        }
    }

    /** The argument {@code argName}'s value {@code template} expanded with the groups of {@code m}, as Python's match.expand. */
    public static String expand(String argName, Matcher m, String template) throws ModuleFailure {
        try {
            return PyRegex.expand(m, template);
        } catch (LangException e) {
            throw new ModuleFailure("argument '" + argName + "': " + e.getMessage());
        }
    }
}

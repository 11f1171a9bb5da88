package meshplay.cli;

import java.util.Collection;
import meshplay.engine.connect.Become;
import meshplay.engine.exec.ConnectionPool;
import picocli.CommandLine;

/**
 * Checks the `meshplay run` options whose values are limited (forks, timeout, connection type, become
 * method, user names) before anything is loaded or connected: a bad value is a bad option (exit 5),
 * and the message says which values are allowed.
 */
final class RunOptionChecks {
    private RunOptionChecks() {
    }

    static void check(RunCommand c) {
        if (c.forks < 1) fail(c, "--forks must be at least 1, got " + c.forks);
        if (c.timeout < 1) fail(c, "--timeout must be at least 1 (seconds), got " + c.timeout);
        if (c.connection != null) oneOf(c, "--connection", c.connection, ConnectionPool.availableTypes());
        if (c.becomeMethod != null) oneOf(c, "--become-method", c.becomeMethod, Become.METHODS);
        notBlank(c, "--user", c.user);
        notBlank(c, "--become-user", c.becomeUser);
    }

    private static void oneOf(RunCommand c, String option, String value, Collection<String> allowed) {
        if (!allowed.contains(value)) {
            fail(c, option + " must be one of: " + String.join(", ", allowed) + "; got '" + value + "'");
        }
    }

    private static void notBlank(RunCommand c, String option, String value) {
        if (value != null && value.isBlank()) fail(c, option + " must not be empty");
    }

    private static void fail(RunCommand c, String message) {
        throw new CommandLine.ParameterException(new CommandLine(c), message);
    }
}

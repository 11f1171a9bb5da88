package meshplay.cli.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a command reads from its process besides its arguments: the environment variables, the working
 * directory and the home directory. The real process's by default; tests give their own.
 */
public record ProcessEnv(Map<String, String> vars, Path cwd, Path home) {
    public ProcessEnv {
        vars = Map.copyOf(vars);
        cwd = cwd.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
    }

    public static ProcessEnv system() {
        return new ProcessEnv(System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
    }

    /** An environment variable, or null when it is not set. */
    public String get(String name) {
        return vars.get(name);
    }

    /** A path as given by the user: relative to the working directory unless absolute. */
    public Path resolve(String path) {
        return cwd.resolve(path).normalize();
    }
}

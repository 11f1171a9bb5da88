package meshplay.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;

/** Password prompts (-k, -K): from the terminal without echo, else one line of stdin. */
final class Prompts {
    private Prompts() {
    }

    static String secret(Main.Streams io, String prompt) {
        Console console = System.console();
        if (console != null && io.in() == System.in) {
            char[] pw = console.readPassword("%s", prompt);
            if (pw == null) throw new UserError(Origin.of("prompt"), "no password given", null, ExitCode.BAD_OPTIONS);
            return new String(pw);
        }
        io.err().print(prompt);
        io.err().flush();
        try {
            String line = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8)).readLine();
            if (line == null) throw new UserError(Origin.of("prompt"), "no password given on stdin", null, ExitCode.BAD_OPTIONS);
            return line;
        } catch (IOException e) {
            throw new UserError(Origin.of("prompt"), "cannot read the password: " + e.getMessage(), null, ExitCode.BAD_OPTIONS);
        }
    }
}

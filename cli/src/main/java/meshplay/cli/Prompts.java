package meshplay.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;

/** Password prompts (-k, -K, vault passwords): from the terminal without echo, else one line of stdin. */
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
        return line(io, prompt);
    }

    /** A visible prompt (a name, a string to show): one line from the terminal or stdin. */
    static String line(Main.Streams io, String prompt) {
        io.err().print(prompt);
        io.err().flush();
        try {
            String line = readLine(io.in());
            if (line == null) throw new UserError(Origin.of("prompt"), "nothing given on stdin for '" + prompt.strip() + "'", null, ExitCode.BAD_OPTIONS);
            return line;
        } catch (IOException e) {
            throw new UserError(Origin.of("prompt"), "cannot read the answer: " + e.getMessage(), null, ExitCode.BAD_OPTIONS);
        }
    }

    /**
     * One line of a stream, read byte by byte so that nothing after it is consumed: the next prompt
     * (a confirmation, the become password) still finds its own line. Null at the end of the stream.
     */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') line.write(b);
        if (b < 0 && line.size() == 0) return null;
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}

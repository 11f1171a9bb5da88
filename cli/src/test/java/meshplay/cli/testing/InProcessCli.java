package meshplay.cli.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import meshplay.cli.Main;

/** Runs the meshplay command line in this JVM (Main.execute) over files in a directory, keeping what it printed. */
public final class InProcessCli {
    private final Path dir;
    private String out = "";
    private String err = "";

    public InProcessCli(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code text} to {@code name} under the directory (creating parents) and returns its path. */
    public Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** Runs the command line with {@code input} on stdin; returns the exit code. */
    public int run(String input, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    /** What the last run printed on stdout. */
    public String out() {
        return out;
    }

    /** What the last run printed on stderr. */
    public String err() {
        return err;
    }
}

package meshplay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/** `meshplay version`. */
@CommandLine.Command(name = "version", description = "Prints the meshplay and Java versions.")
final class VersionCommand implements Callable<Integer> {
    static final String VERSION = "0.1.0";
    private final Main.Streams io;

    VersionCommand(Main.Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        io.out().println(text());
        return 0;
    }

    static String text() {
        return "meshplay " + VERSION + " (Java " + System.getProperty("java.version") + ")";
    }

    /** For --version. */
    static final class Provider implements CommandLine.IVersionProvider {
        public String[] getVersion() {
            return new String[] {text()};
        }
    }
}

package meshplay.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import meshplay.engine.error.ExitCode;
import picocli.CommandLine;

/** `meshplay lab ...`: passes its arguments to the lab helper script lab/lab of this installation. */
@CommandLine.Command(name = "lab", description = "Runs the emulated 3-node lab helper (lab/lab) with these arguments.")
final class LabCommand implements Callable<Integer> {
    private final Main.Streams io;

    @CommandLine.Unmatched
    List<String> args = new ArrayList<>();

    @CommandLine.Parameters(arity = "0..*", description = "arguments for lab/lab (e.g. up, down, status)")
    List<String> params = new ArrayList<>();

    LabCommand(Main.Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Path script = Home.find().resolve("lab").resolve("lab");
        if (!Files.isExecutable(script)) {
            io.err().println("ERROR! the lab helper is not there: " + script + " (missing or not executable)");
            io.err().println("  hint: run meshplay from its source tree (the lab lives in lab/), or set MESHPLAY_HOME");
            return ExitCode.ERROR.code;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(script.toString());
        cmd.addAll(params);
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        return p.waitFor();
    }
}

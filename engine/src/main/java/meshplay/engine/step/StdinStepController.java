package meshplay.engine.step;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * --step as Ansible has it: "Perform task: TASK: NAME (N)o/(y)es/(c)ontinue:" read from stdin.
 * n (the default) skips, y runs, c runs this and every later task without asking. End of input quits.
 */
public final class StdinStepController implements StepController {
    private final BufferedReader in;
    private final PrintWriter out;

    public StdinStepController(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public StepDecision beforeTask(StepPoint point) {
        while (true) {
            out.print("Perform task: TASK: " + point.task().displayName() + " (N)o/(y)es/(c)ontinue: ");
            out.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                return StepDecision.QUIT;
            }
            if (line == null) return StepDecision.QUIT;
            String answer = line.trim().toLowerCase();
            switch (answer) {
                case "", "n", "no" -> { return StepDecision.SKIP; }
                case "y", "yes" -> { return StepDecision.RUN; }
                case "c", "continue" -> { return StepDecision.CONTINUE; }
                default -> out.println("answer y, n or c");
            }
        }
    }
}

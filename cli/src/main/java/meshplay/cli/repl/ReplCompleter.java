package meshplay.cli.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import meshplay.engine.step.StepPoint;

/** Tab completion: command words first; then variable names (p, set), argument names (args), hosts (vars), task numbers (jump). */
final class ReplCompleter implements Completer {
    private volatile StepPoint point;
    private volatile boolean debugger;

    void at(StepPoint p, boolean inDebugger) {
        point = p;
        debugger = inDebugger;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0) {
            for (String w : ReplCommand.words(debugger)) candidates.add(new Candidate(w));
            return;
        }
        StepPoint p = point;
        if (p == null || p.hosts().isEmpty()) return;
        ReplCommand c = ReplCommand.parse(line.words().get(0)).command();
        if (c == null) return;
        for (String s : values(c, p)) candidates.add(new Candidate(s, s, null, null, null, null, c != ReplCommand.SET && c != ReplCommand.ARGS));
    }

    private static List<String> values(ReplCommand c, StepPoint p) {
        String host = p.hosts().get(0);
        try {
            return switch (c) {
                case PRINT -> new ArrayList<>(new TreeSet<>(p.vars(host).keySet()));
                case SET -> p.vars(host).keySet().stream().sorted().map(k -> k + "=").toList();
                case ARGS -> p.renderedArgs(host).keySet().stream().map(k -> k + "=").toList();
                case VARS -> p.hosts();
                case JUMP -> {
                    List<String> out = new ArrayList<>();
                    for (int i = p.number() + 1; i <= p.taskList().size(); i++) out.add(String.valueOf(i));
                    yield out;
                }
                default -> List.of();
            };
        } catch (RuntimeException e) {
            return List.of(); // completion never breaks the prompt
        }
    }
}

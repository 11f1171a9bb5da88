package meshplay.cli.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The prompt's commands: their words (a letter and a word), what they take and what they do. */
enum ReplCommand {
    RUN("y", "run", "", "run this task", true, false),
    SKIP("n", "skip", "", "skip this task", true, false),
    CONTINUE("c", "continue", "", "stop asking and run the rest (in the debugger: go on)", true, true),
    DIFF("d", "diff", "", "run this task's plan only (check mode) and show its diffs", true, false),
    PRINT("p", "print", "EXPR", "evaluate an expression or variable for the task's hosts", true, true),
    VARS("v", "vars", "[HOST]", "list the variables a host sees", true, true),
    SET("s", "set", "VAR=VALUE", "set a variable for the rest of the run", true, true),
    ARGS("a", "args", "KEY=VALUE", "change an argument of this task (without: show them)", true, true),
    LIST("l", "list", "", "show the play's tasks and where the run is", true, true),
    JUMP("j", "jump", "N", "go forward to task N (the tasks between are skipped)", true, false),
    REDO("r", "redo", "", "run the previous task again (in the debugger: retry this one)", true, true),
    HELP("h", "help", "", "show this help", true, true),
    QUIT("q", "quit", "", "end the run now (the recap is printed, exit code 99)", true, true);

    final String letter;
    final String word;
    final String params;
    final String help;
    final boolean inStep;
    final boolean inDebugger;

    ReplCommand(String letter, String word, String params, String help, boolean inStep, boolean inDebugger) {
        this.letter = letter;
        this.word = word;
        this.params = params;
        this.help = help;
        this.inStep = inStep;
        this.inDebugger = inDebugger;
    }

    /** A typed line split into its command and the rest. */
    record Parsed(ReplCommand command, String word, String rest) {
    }

    /** The command a line starts with, or a Parsed with a null command when the word is unknown. */
    static Parsed parse(String line) {
        String t = line.strip();
        int sp = indexOfSpace(t);
        String word = sp < 0 ? t : t.substring(0, sp);
        String rest = sp < 0 ? "" : t.substring(sp + 1).strip();
        String w = word.toLowerCase(Locale.ROOT);
        for (ReplCommand c : values()) {
            if (c.letter.equals(w) || c.word.equals(w) || (c == RUN && w.equals("yes")) || (c == SKIP && w.equals("no"))) {
                return new Parsed(c, word, rest);
            }
        }
        return new Parsed(null, word, rest);
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) return i;
        }
        return -1;
    }

    /** Words offered by Tab completion in a mode. */
    static List<String> words(boolean debugger) {
        List<String> out = new ArrayList<>();
        for (ReplCommand c : values()) {
            if (debugger ? c.inDebugger : c.inStep) out.add(c.word);
        }
        return out;
    }

    static String help(boolean debugger) {
        StringBuilder b = new StringBuilder();
        for (ReplCommand c : values()) {
            if (!(debugger ? c.inDebugger : c.inStep)) continue;
            String head = c.letter + ", " + c.word + (c.params.isEmpty() ? "" : " " + c.params);
            b.append(String.format("  %-22s %s%n", head, c.help));
        }
        return b.toString();
    }
}

package meshplay.cli.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The prompt's terminal: JLine on the real terminal (editing, Tab completion, history), or a silent
 * dumb terminal when stdin is piped; either way each line read is shown after its prompt, so a
 * scripted session's transcript shows the commands.
 */
final class ReplTerminal implements AutoCloseable {
    /** Moves to the start of the line just accepted and clears it (a typed secret is redrawn masked). */
    private static final String REDRAW_PREVIOUS_LINE = "\033[1A\r\033[2K";

    private final Terminal terminal;
    private final LineReader reader;
    /** Where the prompt's text goes: the terminal's writer, or the given stream for {@link #streams}. */
    private final PrintWriter screen;
    /** The system's dumb terminal (piped stdin) does not show what it read: the prompt echoes each line itself. */
    private final boolean echoLines;
    /** Over given streams the line reader draws nothing: the prompt and the line read are printed here. */
    private final boolean drawsPrompt;

    private ReplTerminal(Terminal terminal, PrintWriter screen, Path history, Completer completer, boolean echoLines, boolean drawsPrompt) {
        this.terminal = terminal;
        this.screen = screen;
        this.echoLines = echoLines;
        this.drawsPrompt = drawsPrompt;
        // expressions hold quotes and '!' freely: no quote continuation lines, no history expansion
        DefaultParser parser = new DefaultParser();
        parser.setQuoteChars(new char[0]);
        parser.setEscapeChars(new char[0]);
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("meshplay")
                .completer(completer)
                .parser(parser)
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_SIZE, 1000)
                // readLine adds each line to the history itself: a line with a secret never goes there
                .variable(LineReader.DISABLE_HISTORY, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                // the kitty keyboard probe queries the terminal too (see system())
                .option(LineReader.Option.KITTY_KEYBOARD, false)
                .build();
    }

    /** The process's terminal; piped stdin gives a dumb terminal without warnings. */
    static ReplTerminal system(Path history, Completer completer) {
        try {
            // no grapheme-cluster probe: it queries the terminal, and an answer later than JLine waits for
            // (a busy machine) arrives as typed text at the first prompt
            Terminal t = TerminalBuilder.builder().system(true).dumb(true).graphemeCluster(false).build();
            return new ReplTerminal(t, t.writer(), history, completer, t.getType().startsWith(Terminal.TYPE_DUMB), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal for --step: " + e.getMessage(), e);
        }
    }

    /** A dumb terminal over the given streams (tests, or input that is not the process's stdin). */
    static ReplTerminal streams(InputStream in, OutputStream out, Path history, Completer completer) {
        try {
            // no echo from the terminal itself (it would echo all piped input at once), and the line reader
            // draws into nothing: the prompt and each line read (masked when it holds a secret) are printed
            // by readLine, as a piped session on the process's own terminal shows them
            Attributes quiet = new Attributes();
            quiet.setLocalFlag(Attributes.LocalFlag.ECHO, false);
            quiet.setOutputFlag(Attributes.OutputFlag.OPOST, false);
            Terminal t = TerminalBuilder.builder().system(false).streams(in, OutputStream.nullOutputStream())
                    .type(Terminal.TYPE_DUMB).attributes(quiet).build();
            PrintWriter screen = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            return new ReplTerminal(t, screen, history, completer, true, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PrintWriter out() {
        return screen;
    }

    /**
     * The next line typed, or null at the end of the input (Ctrl-D, end of a pipe). Ctrl-C gives "".
     * {@code hide} tells what a line may show: the line itself, or a masked form when it holds a secret
     * value. A masked line is echoed masked (where the prompt echoes lines itself) and never enters
     * the history; any other line is kept in the history file at once.
     */
    String readLine(String prompt, UnaryOperator<String> hide) {
        String line;
        try {
            if (drawsPrompt) {
                screen.print(prompt);
                screen.flush();
            }
            line = reader.readLine(drawsPrompt ? "" : prompt);
        } catch (UserInterruptException e) {
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
        String shown = hide.apply(line);
        if (echoLines) screen.println(shown);
        else if (!shown.equals(line)) screen.print(REDRAW_PREVIOUS_LINE + prompt + shown + "\n");
        screen.flush();
        if (shown.equals(line) && !line.isBlank()) {
            // the line reader adds nothing itself (DISABLE_HISTORY): allowed for this one line
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
            reader.getHistory().add(line);
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
            try {
                reader.getHistory().save(); // saved at once: a quit may end the process before close()
            } catch (IOException e) {
                // history is a convenience; a read-only home must not stop the run
            }
        }
        return line;
    }

    /** A value typed without showing it (each character echoes as '*'), never kept; null at the end of the input. */
    String readHidden(String prompt) {
        try {
            if (drawsPrompt) {
                screen.print(prompt);
                screen.flush();
            }
            String value = reader.readLine(drawsPrompt ? "" : prompt, '*');
            if (echoLines) screen.println();
            return value;
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        } finally {
            screen.flush();
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            // see readLine
        }
        screen.flush();
        try {
            terminal.close();
        } catch (IOException e) {
            // closing at the end of the run is best effort
        }
    }
}

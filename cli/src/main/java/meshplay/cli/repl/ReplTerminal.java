package meshplay.cli.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
    private final Terminal terminal;
    private final LineReader reader;
    /** The system's dumb terminal (piped stdin) does not show what it read: the prompt echoes each line itself. */
    private final boolean echoLines;

    private ReplTerminal(Terminal terminal, Path history, Completer completer, boolean echoLines) {
        this.terminal = terminal;
        this.echoLines = echoLines;
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
            return new ReplTerminal(t, history, completer, t.getType().startsWith(Terminal.TYPE_DUMB));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal for --step: " + e.getMessage(), e);
        }
    }

    /** A dumb terminal over the given streams (tests, or input that is not the process's stdin). */
    static ReplTerminal streams(InputStream in, OutputStream out, Path history, Completer completer) {
        try {
            // no echo from the terminal itself (it would echo all piped input at once) and no \r added to line ends:
            // the line reader shows each line as it reads it, as on a real terminal
            Attributes quiet = new Attributes();
            quiet.setLocalFlag(Attributes.LocalFlag.ECHO, false);
            quiet.setOutputFlag(Attributes.OutputFlag.OPOST, false);
            Terminal t = TerminalBuilder.builder().system(false).streams(in, out).type(Terminal.TYPE_DUMB).attributes(quiet).build();
            return new ReplTerminal(t, history, completer, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PrintWriter out() {
        return terminal.writer();
    }

    /** The next line typed, or null at the end of the input (Ctrl-D, end of a pipe). Ctrl-C gives "". */
    String readLine(String prompt) {
        String line;
        try {
            line = reader.readLine(prompt);
        } catch (UserInterruptException e) {
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
        if (echoLines) terminal.writer().println(line);
        terminal.writer().flush();
        try {
            reader.getHistory().save(); // saved at once: a quit may end the process before close()
        } catch (IOException e) {
            // history is a convenience; a read-only home must not stop the run
        }
        return line;
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            // see readLine
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // closing at the end of the run is best effort
        }
    }
}

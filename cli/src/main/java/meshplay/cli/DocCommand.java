package meshplay.cli;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import meshplay.engine.Engine;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.exec.actions.ActionRegistry;
import meshplay.engine.exec.actions.EngineAction;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleRegistry;
import meshplay.engine.yaml.Origin;
import picocli.CommandLine;

/** `meshplay doc NAME` shows a module's or engine action's arguments; `meshplay doc --list` lists them all. */
@CommandLine.Command(name = "doc", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Documents a module or engine action: its arguments with types, defaults, choices and aliases.")
final class DocCommand implements Callable<Integer> {
    private final Main.Streams io;

    @CommandLine.Parameters(arity = "0..1", paramLabel = "NAME", description = "module or action name")
    String name;

    @CommandLine.Option(names = {"-l", "--list"}, description = "list every module and engine action")
    boolean list;

    DocCommand(Main.Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Engine engine = new Engine(ModuleRegistry.load());
        ModuleRegistry modules = engine.modules();
        ActionRegistry actions = engine.actions();
        if (list || name == null) {
            Map<String, String> all = new TreeMap<>();
            for (String n : modules.names()) {
                Module m = modules.find(n);
                all.put(n, firstSentence(m.spec().description()) + (m.name().equals(n) ? "" : " (alias of " + m.name() + ")"));
            }
            for (EngineAction a : actions.all().values()) all.put(a.name(), firstSentence(a.spec().description()) + " [engine]");
            int w = all.keySet().stream().mapToInt(String::length).max().orElse(10);
            all.forEach((n, d) -> io.out().println(String.format("%-" + w + "s  %s", n, d)));
            return 0;
        }
        EngineAction action = actions.find(name);
        Module module = modules.find(name);
        if (action == null && module == null) {
            String near = modules.nearest(name);
            throw new UserError(Origin.of("meshplay doc"), "no module or action named '" + name + "'",
                    (near != null ? "did you mean '" + near + "'? " : "") + "see `meshplay doc --list`", ExitCode.BAD_OPTIONS);
        }
        if (action != null) print(action.name(), java.util.List.of("(engine action)"), action.spec());
        else print(module.name(), module.aliases(), module.spec());
        return 0;
    }

    private void print(String title, java.util.List<String> aliases, ArgSpec spec) {
        var out = io.out();
        out.println(title.toUpperCase() + (aliases.isEmpty() ? "" : aliases.get(0).startsWith("(") ? " " + aliases.get(0)
                : "  (also: " + String.join(", ", aliases) + ")"));
        out.println();
        out.println(wrap(spec.description(), "  "));
        out.println();
        if (spec.acceptsAnyArgs() && spec.args().isEmpty()) {
            out.println("ARGUMENTS: any name: value pairs");
            return;
        }
        out.println("ARGUMENTS" + (spec.freeFormArg() != null ? " (free-form text goes to '" + spec.freeFormArg() + "')" : ""));
        for (ArgSpec.Arg a : spec.args().values()) {
            StringBuilder line = new StringBuilder("  ").append(a.name()).append(" (").append(a.type().name().toLowerCase());
            if (a.elements() != null) line.append(" of ").append(a.elements().name().toLowerCase());
            line.append(a.mandatory() ? ", required" : "").append(")");
            out.println(line);
            if (!a.description().isBlank()) out.println(wrap(a.description(), "      "));
            if (a.defaultValue() != null) out.println("      default: " + a.defaultValue());
            if (!a.choices().isEmpty()) out.println("      choices: " + String.join(", ", a.choices()));
            if (!a.aliases().isEmpty()) out.println("      aliases: " + String.join(", ", a.aliases()));
            if (a.secret()) out.println("      (secret: never shown in output)");
        }
        if (!spec.mutuallyExclusive().isEmpty()) {
            out.println();
            for (var g : spec.mutuallyExclusive()) out.println("  only one of: " + String.join(", ", g));
        }
        if (!spec.requiredOneOf().isEmpty()) {
            for (var g : spec.requiredOneOf()) out.println("  one of these is required: " + String.join(", ", g));
        }
    }

    private static String firstSentence(String text) {
        if (text == null) return "";
        int dot = text.indexOf(". ");
        return dot > 0 ? text.substring(0, dot + 1) : text;
    }

    private static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder(indent);
        int col = indent.length();
        for (String word : (text == null ? "" : text).split("\\s+")) {
            if (col + word.length() > 96 && col > indent.length()) {
                out.append('\n').append(indent);
                col = indent.length();
            }
            out.append(word).append(' ');
            col += word.length() + 1;
        }
        return out.toString().stripTrailing();
    }
}

package meshplay.modules.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Presence;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.support.FileAttributes;
import meshplay.modules.support.FileContent;
import meshplay.modules.support.Lines;
import meshplay.modules.support.PyRegex;

/** Ensures one line is (or is not) in a text file, leaving every other line untouched. */
public final class LineInFileModule extends BaseModule<LineInFileModule.Arguments> {
    /** The task's arguments. */
    record Arguments(String path, String regexp, String searchString, String line, Presence state, String insertafter,
                     String insertbefore, boolean backrefs, boolean create, boolean firstmatch, EditedFile.Writing writing) {
    }

    private static final ArgSpec SPEC = FileAttributes.addArgs(ArgSpec.builder(
                    "Ensures a particular line is in a file, or replaces an existing line matched by regexp/search_string; "
                            + "state=absent removes every matching line. Same semantics as Ansible's lineinfile.")
            .add(ArgSpec.arg("path", ArgType.PATH).required().aliases("dest", "destfile", "name").doc("file to edit"))
            .add(ArgSpec.arg("regexp", ArgType.STR).aliases("regex").doc("Python-style regular expression searched in each line; "
                    + "present: the last matching line is replaced; absent: matching lines are removed"))
            .add(ArgSpec.arg("search_string", ArgType.STR).doc("literal string searched in each line (instead of regexp)"))
            .add(ArgSpec.arg("line", ArgType.STR).aliases("value").doc("the line to put in the file (required for state=present)"))
            .add(ArgSpec.choice("state", Presence.class).defaultValue(Presence.PRESENT).doc("whether the line should be there"))
            .add(ArgSpec.arg("insertafter", ArgType.STR).doc("when nothing matches: insert after the last line matching this regex, or EOF (default), or BOF"))
            .add(ArgSpec.arg("insertbefore", ArgType.STR).doc("when nothing matches: insert before the last line matching this regex, or BOF"))
            .add(ArgSpec.arg("backrefs", ArgType.BOOL).defaultValue(false).doc("expand \\1 / \\g<name> in line from the regexp match; "
                    + "when regexp does not match, the file is left unchanged"))
            .add(ArgSpec.arg("create", ArgType.BOOL).defaultValue(false).doc("create the file (and its directories) when missing"))
            .add(ArgSpec.arg("backup", ArgType.BOOL).defaultValue(false).doc("keep a timestamped copy of the file before changing it"))
            .add(ArgSpec.arg("firstmatch", ArgType.BOOL).defaultValue(false).doc("use the first line matching insertafter/insertbefore/regexp instead of the last"))
            .add(ArgSpec.arg("validate", ArgType.STR).doc("command that checks the new file before it replaces the old; %s is the file"))
            .mutuallyExclusive("insertbefore", "insertafter")
            .mutuallyExclusive("regexp", "search_string")
            .mutuallyExclusive("backrefs", "search_string"))
            .build();

    public LineInFileModule() {
        super("lineinfile", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) throws Exception {
        String path = FileContent.resolveLinks(ctx, args.path());
        boolean present = args.state().present();
        Pattern regexp = args.regexp() != null ? PyRegex.compile("regexp", args.regexp()) : null;
        String line = args.line();
        if (present) {
            if (args.backrefs() && regexp == null) throw new ModuleFailure("regexp is required with backrefs=true");
            if (line == null) throw new ModuleFailure("line is required with state=present");
        } else if (regexp == null && args.searchString() == null && line == null) {
            throw new ModuleFailure("one of line, search_string, or regexp is required with state=absent");
        }
        EditedFile file = EditedFile.read(ctx, path);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", path);
        if (!file.exists()) {
            if (!present) return Plan.noChange(Map.of("path", path, "msg", "file not present"));
            if (!args.create()) throw new ModuleFailure("Destination " + path + " does not exist !", Map.of("rc", 257));
        }
        List<String> lines = Lines.split(file.text().text());
        LineEdit.Outcome outcome;
        if (present) {
            String after = args.insertafter();
            String beforeArg = args.insertbefore();
            if (after == null && beforeArg == null) after = "EOF";
            Pattern insertRe = null;
            if (after != null && !after.equals("EOF") && !after.equals("BOF")) insertRe = PyRegex.compile("insertafter", after);
            else if (beforeArg != null && !beforeArg.equals("BOF")) insertRe = PyRegex.compile("insertbefore", beforeArg);
            outcome = LineEdit.present(lines, new LineEdit.Request(regexp, args.searchString(), line, after, beforeArg,
                    args.backrefs(), args.firstmatch()), insertRe);
        } else {
            outcome = LineEdit.absent(lines, regexp, args.searchString(), line);
        }
        data.put("msg", outcome.msg());
        if (!file.exists() && !outcome.changed()) return Plan.noChange(data);
        return Plan.of(file.plan(args.writing(), Lines.join(outcome.lines())), data);
    }
}

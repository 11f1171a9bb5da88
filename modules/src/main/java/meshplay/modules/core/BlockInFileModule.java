package meshplay.modules.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
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

/** Keeps a block of lines between two marker lines in a text file, as Ansible's blockinfile. */
public final class BlockInFileModule extends BaseModule<BlockInFileModule.Arguments> {
    /** The task's arguments. */
    record Arguments(String path, Presence state, String block, String marker, String markerBegin, String markerEnd,
                     String insertafter, String insertbefore, boolean prependNewline, boolean appendNewline, boolean create,
                     EditedFile.Writing writing) {
    }

    private static final String NL = "\n";
    private static final ArgSpec SPEC = FileAttributes.addArgs(ArgSpec.builder(
                    "Inserts, updates or removes a block of lines surrounded by marker lines. The markers identify the block, "
                            + "so a second run finds and replaces it instead of adding another.")
            .add(ArgSpec.arg("path", ArgType.PATH).required().aliases("dest", "destfile", "name").doc("file to edit"))
            .add(ArgSpec.choice("state", Presence.class).defaultValue(Presence.PRESENT).doc("whether the block should be there"))
            .add(ArgSpec.arg("block", ArgType.STR).defaultValue("").aliases("content").doc("the lines to put between the markers; empty removes the block"))
            .add(ArgSpec.arg("marker", ArgType.STR).defaultValue("# {mark} ANSIBLE MANAGED BLOCK")
                    .doc("marker line template; {mark} becomes marker_begin / marker_end"))
            .add(ArgSpec.arg("marker_begin", ArgType.STR).defaultValue("BEGIN").doc("replaces {mark} in the first marker"))
            .add(ArgSpec.arg("marker_end", ArgType.STR).defaultValue("END").doc("replaces {mark} in the last marker"))
            .add(ArgSpec.arg("insertafter", ArgType.STR).doc("when the markers are not found: insert after the last line matching this regex, or EOF (default)"))
            .add(ArgSpec.arg("insertbefore", ArgType.STR).doc("when the markers are not found: insert before the last line matching this regex, or BOF"))
            .add(ArgSpec.arg("prepend_newline", ArgType.BOOL).defaultValue(false).doc("put an empty line before the block unless there is one"))
            .add(ArgSpec.arg("append_newline", ArgType.BOOL).defaultValue(false).doc("put an empty line after the block unless there is one"))
            .add(ArgSpec.arg("create", ArgType.BOOL).defaultValue(false).doc("create the file (and its directories) when missing"))
            .add(ArgSpec.arg("backup", ArgType.BOOL).defaultValue(false).doc("keep a timestamped copy of the file before changing it"))
            .add(ArgSpec.arg("validate", ArgType.STR).doc("command that checks the new file before it replaces the old; %s is the file"))
            .mutuallyExclusive("insertbefore", "insertafter"))
            .build();

    public BlockInFileModule() {
        super("blockinfile", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) throws Exception {
        String path = FileContent.resolveLinks(ctx, args.path());
        boolean present = args.state().present();
        String marker = args.marker();
        if (!marker.contains("{mark}")) throw new ModuleFailure("marker must contain {mark}, e.g. '# {mark} MANAGED BLOCK'");
        EditedFile file = EditedFile.read(ctx, path);
        if (!file.exists()) {
            if (!present) return Plan.noChange(Map.of("path", path, "msg", "File " + path + " not present"));
            if (!args.create()) throw new ModuleFailure("Path " + path + " does not exist !", Map.of("rc", 257));
        }
        String original = file.text().text();
        List<String> lines = Lines.split(original);

        String insertafter = args.insertafter();
        String insertbefore = args.insertbefore();
        if (insertafter == null && insertbefore == null) insertafter = "EOF";
        String insertExpr = insertafter != null && !insertafter.equals("EOF") ? insertafter
                : insertbefore != null && !insertbefore.equals("BOF") ? insertbefore : null;
        Pattern insertRe = insertExpr == null ? null : PyRegex.compile(insertafter != null ? "insertafter" : "insertbefore", insertExpr);

        String begin = marker.replace("{mark}", args.markerBegin());
        String end = marker.replace("{mark}", args.markerEnd());
        List<String> blockLines = new ArrayList<>();
        String block = args.block();
        if (present && !block.isEmpty()) {
            blockLines.add(begin + NL);
            blockLines.addAll(Lines.split(block.endsWith(NL) ? block : block + NL));
            blockLines.add(end + NL);
        }

        Integer n0 = null;
        Integer n1 = null;
        // markers compare without their line end, so an end marker on a last line without "\n" is still
        // found (Ansible would miss it and add a second block)
        for (int i = 0; i < lines.size(); i++) {
            String bare = Lines.strip(lines.get(i));
            if (bare.equals(begin)) n0 = i;
            if (bare.equals(end)) n1 = i;
        }
        int at;
        if (n0 == null || n1 == null) {
            at = insertionPoint(lines, original, insertRe, insertExpr, insertafter != null);
        } else if (n0 < n1) {
            lines.subList(n0, n1 + 1).clear();
            at = n0;
        } else {
            lines.subList(n1, n0 + 1).clear();
            at = n1;
        }
        if (at > 0 && !blockLines.isEmpty() && !Lines.endsWithNewline(lines.get(at - 1))) lines.set(at - 1, lines.get(at - 1) + NL);
        if (present && args.prependNewline() && at != 0 && !lines.get(at - 1).equals(NL)) lines.add(at++, NL);
        lines.addAll(at, blockLines);
        int after = at + blockLines.size();
        if (present && args.appendNewline() && after < lines.size() && !lines.get(after).equals(NL)) lines.add(after, NL);
        String result = Lines.join(lines);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", path);
        String msg = result.equals(original) && file.exists() ? "" : !file.exists() ? "File created"
                : blockLines.isEmpty() ? "Block removed" : "Block inserted";
        data.put("msg", msg);
        if (!file.exists() && blockLines.isEmpty()) return Plan.noChange(data);
        return Plan.of(file.plan(args.writing(), result), data);
    }

    /** Where a new block goes: after/before the last line matching the regex (whole-text search for (?m) patterns). */
    private static int insertionPoint(List<String> lines, String original, Pattern insertRe, String expr, boolean after) {
        if (insertRe == null) return after ? lines.size() : 0;
        if (PyRegex.isMultiline(expr)) {
            Matcher m = insertRe.matcher(original);
            if (!m.find()) return lines.size();
            return count(original, after ? m.end() : m.start()) + (after ? 1 : 0);
        }
        Integer found = null;
        for (int i = 0; i < lines.size(); i++) {
            if (insertRe.matcher(lines.get(i)).find()) found = i;
        }
        if (found == null) return lines.size();
        return after ? found + 1 : found;
    }

    private static int count(String text, int upTo) {
        int n = 0;
        for (int i = 0; i < upTo; i++) if (text.charAt(i) == '\n') n++;
        return n;
    }
}

package meshplay.modules.files;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import meshplay.engine.connect.FileStat;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.support.FileAttributes;
import meshplay.modules.support.FileContent;
import meshplay.engine.lang.PyRegex;
import meshplay.modules.support.RegexArg;

/**
 * Replaces every match of a regular expression in a file (Python's re.subn in multi-line mode), or
 * only in the part between {@code after} and {@code before}, as Ansible's replace module.
 */
public final class ReplaceModule extends BaseModule<ReplaceModule.Arguments> {
    private static final ArgSpec SPEC = FileAttributes.addArgs(ArgSpec.builder("Replace all instances of a pattern in a file "
                    + "(Python regular expression, multi-line mode), as Ansible's replace module.")
            .add(ArgSpec.arg("path", ArgType.PATH).required().aliases("dest", "destfile", "name").doc("the file to change"))
            .add(ArgSpec.arg("regexp", ArgType.STR).required().doc("Python regular expression; ^ and $ match at each line"))
            .add(ArgSpec.arg("replace", ArgType.STR).defaultValue("").doc("replacement; \\1 and \\g<name> insert groups"))
            .add(ArgSpec.arg("after", ArgType.STR).doc("only replace after the first match of this expression"))
            .add(ArgSpec.arg("before", ArgType.STR).doc("only replace before the first match of this expression"))
            .add(ArgSpec.arg("backup", ArgType.BOOL).defaultValue(false).doc("keep a timestamped copy of the file before changing it"))
            .add(ArgSpec.arg("validate", ArgType.STR).doc("command that checks the new file before it replaces the old; %s is the file"))
            .add(ArgSpec.arg("encoding", ArgType.STR).defaultValue("utf-8").doc("the file's character encoding")))
            .build();

    /** The typed arguments. */
    record Arguments(String path, String regexp, String replace, String after, String before, boolean backup, String validate,
                     String encoding, FileAttributes.Desired attributes) {
    }

    public ReplaceModule() {
        super("replace", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        Charset charset;
        try {
            charset = Charset.forName(a.encoding());
        } catch (IllegalArgumentException e) {
            throw problem(ctx, "encoding", "'" + a.encoding() + "' is not a known character encoding", "use utf-8, latin-1, ...");
        }
        String path = a.path();
        FileStat stat = ctx.connection().files().stat(path, true);
        if (stat == null) throw new ModuleFailure("Path " + path + " does not exist !", Map.of("rc", 257));
        if (stat.isDirectory()) throw new ModuleFailure("Path " + path + " is a directory !", Map.of("rc", 256));
        byte[] before = FileContent.read(ctx, path);
        String contents = new String(before, charset);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rc", 0);
        String section = contents;
        int from = 0;
        int to = contents.length();
        String pattern = sectionPattern(a.after(), a.before());
        if (pattern != null) {
            // Python's replace module reads the section with re.DOTALL
            Matcher m = RegexArg.compile("after/before", "(?s)" + pattern).matcher(contents);
            if (!m.find()) {
                data.put("msg", "Pattern for before/after params did not match the given file: " + pattern);
                return Plan.noChange(data);
            }
            String group = PyRegex.javaName("subsection");
            from = m.start(group);
            to = m.end(group);
            section = m.group(group);
        }
        Pattern re = RegexArg.compile("regexp", a.regexp(), true);
        Matcher m = re.matcher(section);
        StringBuilder replaced = new StringBuilder();
        int count = 0;
        int last = 0;
        while (m.find()) {
            replaced.append(section, last, m.start()).append(RegexArg.expand("replace", m, a.replace()));
            last = m.end();
            count++;
        }
        replaced.append(section.substring(last));
        String after = contents;
        if (count > 0 && !replaced.toString().equals(section)) {
            after = contents.substring(0, from) + replaced + contents.substring(to);
            data.put("msg", count + " replacements made");
        } else {
            data.put("msg", "");
        }
        FileContent.Options options = FileContent.Options.of(a.attributes(), a.backup()).withValidate(a.validate());
        List<Change> changes = FileContent.plan(path, stat, before, after.equals(contents) ? before : after.getBytes(charset), options);
        if (!after.equals(contents) && changes.size() > 1 || after.equals(contents) && !changes.isEmpty()) {
            String msg = (String) data.get("msg");
            data.put("msg", msg.isEmpty() ? "ownership, perms or SE linux context changed" : msg + " and ownership, perms or SE linux context changed");
        }
        return Plan.of(changes, data);
    }

    /** Ansible's section expression: the text between the first match of after and the following match of before. */
    private static String sectionPattern(String after, String before) {
        if (after != null && before != null) return after + "(?P<subsection>.*?)" + before;
        if (after != null) return after + "(?P<subsection>.*)";
        if (before != null) return "(?P<subsection>.*)" + before;
        return null;
    }

}

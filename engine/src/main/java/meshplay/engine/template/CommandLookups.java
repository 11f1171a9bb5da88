package meshplay.engine.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipe and lines lookups: each term is a shell command run on the controller, in the playbook's
 * (or role's) directory. pipe gives its output without trailing whitespace; lines gives its lines.
 * A command that exits non-zero fails the lookup.
 */
final class CommandLookups {
    private CommandLookups() {
    }

    static List<Object> run(String plugin, List<Object> terms, Path dir) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String command = Ops.toText(term);
            String stdout = shell(plugin, command, dir);
            if (plugin.equals("pipe")) out.add(stdout.stripTrailing());
            else out.addAll(stdout.lines().toList());
        }
        return out;
    }

    private static String shell(String plugin, String command, Path dir) {
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (rc != 0) throw new TemplateTypeException("lookup_plugin." + plugin + "(" + command + ") returned " + rc);
            return stdout;
        } catch (IOException e) {
            throw new TemplateTypeException("lookup_plugin." + plugin + "(" + command + ") could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemplateTypeException("lookup_plugin." + plugin + "(" + command + ") was interrupted");
        }
    }
}

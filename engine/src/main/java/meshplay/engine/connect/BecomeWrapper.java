package meshplay.engine.connect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the privilege-escalation prefix for a command. sudo runs non-interactively (-n) unless a
 * password is known; then -S reads it from the first stdin line, with an empty prompt so it never
 * appears in output. Shared by the local and SSH connections.
 */
public final class BecomeWrapper {
    private BecomeWrapper() {
    }

    public static List<String> prefix(Become become) {
        List<String> p = new ArrayList<>();
        if ("su".equals(become.method())) {
            // su takes one command string; callers pass argv that the connection joins after "-c"
            p.addAll(List.of("su", "-s", "/bin/sh", become.user(), "-c"));
            return p;
        }
        p.add("sudo");
        p.add(become.password() == null ? "-n" : "-S");
        if (become.password() != null) p.addAll(List.of("-p", ""));
        p.addAll(List.of("-H", "-u", become.user(), "--"));
        return p;
    }

    /** The bytes to send on stdin: the password line first (sudo -S), then the command's own input. */
    public static byte[] stdin(Become become, byte[] commandInput) {
        if (become.password() == null || "su".equals(become.method())) return commandInput;
        byte[] pw = (become.password() + "\n").getBytes(StandardCharsets.UTF_8);
        if (commandInput == null) return pw;
        byte[] all = new byte[pw.length + commandInput.length];
        System.arraycopy(pw, 0, all, 0, pw.length);
        System.arraycopy(commandInput, 0, all, pw.length, commandInput.length);
        return all;
    }
}

package meshplay.engine.connect;

import java.util.List;

/**
 * Privilege escalation for one command: method "sudo" (default, non-interactive: sudo -n, or -S with
 * the password on stdin) or "su". The password is never put on a command line or in output.
 */
public record Become(String user, String method, String password) {
    /** The become methods this engine carries out. */
    public static final List<String> METHODS = List.of("sudo", "su");

    public Become {
        user = user == null || user.isBlank() ? "root" : user;
        method = method == null || method.isBlank() ? "sudo" : method;
    }

    @Override
    public String toString() {
        return "Become[user=" + user + ", method=" + method + ", password=" + (password == null ? "none" : "***") + "]";
    }
}

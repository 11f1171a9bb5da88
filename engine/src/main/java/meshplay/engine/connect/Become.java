package meshplay.engine.connect;

import java.util.List;
import java.util.function.Function;

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

    /**
     * The become password when the task gives none: the host's ansible_become_password, else its
     * ansible_become_pass, else the one asked for on the command line (-K, {@code asked}); an empty
     * value counts as unset. {@code hostVar} reads a host variable as text. The runner and the SSH
     * connection both resolve it here.
     */
    public static String password(Function<String, String> hostVar, String asked) {
        for (String name : List.of("ansible_become_password", "ansible_become_pass")) {
            String v = hostVar.apply(name);
            if (v != null && !v.isEmpty()) return v;
        }
        return asked;
    }

    @Override
    public String toString() {
        return "Become[user=" + user + ", method=" + method + ", password=" + (password == null ? "none" : "***") + "]";
    }
}

package meshplay.engine.connect.ssh;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the SSH client looks for the user's files (config, known_hosts, default identities) and how it
 * reads environment variables (SSH_AUTH_SOCK, MESHPLAY_KEY_PASSPHRASE). Tests point it at a temp
 * directory so they never read or change the real ~/.ssh.
 */
public record SshEnvironment(Path sshDir, Function<String, String> env) {
    public static final String KEY_PASSPHRASE_VAR = "MESHPLAY_KEY_PASSPHRASE";

    public static SshEnvironment system() {
        return new SshEnvironment(Path.of(System.getProperty("user.home"), ".ssh"), System::getenv);
    }

    public static SshEnvironment of(Path sshDir, Map<String, String> env) {
        Map<String, String> copy = Map.copyOf(env);
        return new SshEnvironment(sshDir, copy::get);
    }

    public Path config() {
        return sshDir.resolve("config");
    }

    public Path knownHosts() {
        return sshDir.resolve("known_hosts");
    }

    public String getenv(String name) {
        String v = env.apply(name);
        return v == null || v.isEmpty() ? null : v;
    }
}

package meshplay.cli.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the ansible.cfg to read, where Ansible 2.14 looks and in its order; the first readable file
 * wins: $ANSIBLE_CONFIG (a directory means its ansible.cfg), ./ansible.cfg, ~/.ansible.cfg,
 * /etc/ansible/ansible.cfg. As Ansible, ./ansible.cfg is skipped with a warning when the working
 * directory is world-writable (anyone could have put it there).
 */
public final class ConfigFileLocator {
    static final Path SYSTEM_FILE = Path.of("/etc/ansible/ansible.cfg");

    /** The file found (or null) and a warning to show (or null). */
    public record Found(Path file, String warning) {
    }

    private ConfigFileLocator() {
    }

    public static Found find(ProcessEnv env) {
        return find(env, SYSTEM_FILE);
    }

    static Found find(ProcessEnv env, Path systemFile) {
        List<Path> candidates = new ArrayList<>();
        Path fromEnv = null;
        String configured = env.get("ANSIBLE_CONFIG");
        if (configured != null) {
            fromEnv = Paths.expand(configured, env, env.cwd());
            if (Files.isDirectory(fromEnv)) fromEnv = fromEnv.resolve("ansible.cfg");
            candidates.add(fromEnv);
        }
        Path cwdFile = env.cwd().resolve("ansible.cfg");
        boolean skippedCwd = false;
        if (worldWritable(env.cwd())) {
            skippedCwd = Files.exists(cwdFile);
        } else {
            candidates.add(cwdFile);
        }
        candidates.add(env.home().resolve(".ansible.cfg"));
        candidates.add(systemFile);
        Path found = null;
        for (Path c : candidates) {
            if (Files.isRegularFile(c) && Files.isReadable(c)) {
                found = c;
                break;
            }
        }
        String warning = null;
        if (skippedCwd && (fromEnv == null || !fromEnv.equals(found))) {
            warning = "the working directory " + env.cwd() + " is world-writable, so its ansible.cfg is ignored"
                    + " (as Ansible does); name it with ANSIBLE_CONFIG to use it";
        }
        return new Found(found, warning);
    }

    private static boolean worldWritable(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_WRITE);
        } catch (Exception e) {
            return false;
        }
    }
}

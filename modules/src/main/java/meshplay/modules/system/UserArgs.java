package meshplay.modules.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import meshplay.engine.module.Presence;
import meshplay.modules.support.SnakeCaseChoice;

/** The user module's arguments, typed (bound by the module SPI): what plan and apply read, and nothing else. */
record UserArgs(String name, Presence state, Integer uid, boolean nonUnique, String comment, String group, Optional<List<String>> groups,
                boolean append, String shell, String home, String skeleton, String password, UpdatePassword updatePassword,
                boolean createHome, boolean moveHome, boolean system, boolean force, boolean remove, Double expires,
                Boolean passwordLock, boolean local, String umask, Integer passwordExpireMax, Integer passwordExpireMin,
                boolean generateSshKey, SshKey key) {


    enum UpdatePassword implements SnakeCaseChoice { ALWAYS, ON_CREATE }

    /** The settings of a generated SSH key. */
    record SshKey(String sshKeyType, Integer sshKeyBits, String sshKeyFile, String sshKeyComment, String sshKeyPassphrase) {
    }

    boolean present() {
        return state == Presence.PRESENT;
    }

    boolean updateAlways() {
        return updatePassword == UpdatePassword.ALWAYS;
    }

    /** The supplementary groups asked for, without blanks and repeats; null when the task names none. */
    List<String> groupList() {
        if (groups.isEmpty()) return null;
        List<String> out = new ArrayList<>();
        for (Object g : groups.get()) {
            String s = String.valueOf(g).strip();
            if (!s.isEmpty() && !out.contains(s)) out.add(s);
        }
        return out;
    }

    /** The key to generate, or null when generate_ssh_key is false. */
    SshKey sshKey() {
        return generateSshKey ? key : null;
    }
}

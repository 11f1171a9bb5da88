package meshplay.engine.exec.scope;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Run-independent values of magic variables: ansible_version, the ansible-core release whose
 * behaviour meshplay follows (playbooks compare it to choose features), and ansible_playbook_python,
 * the controller's Python (playbooks hand it to tasks that run on the controller).
 */
final class MagicValues {
    static final String CORE_VERSION = "2.14.18";
    static final Map<String, Object> VERSION = version();
    private static volatile String python;

    private MagicValues() {
    }

    private static Map<String, Object> version() {
        Map<String, Object> v = new java.util.LinkedHashMap<>();
        v.put("full", CORE_VERSION);
        v.put("major", 2);
        v.put("minor", 14);
        v.put("revision", 18);
        v.put("string", CORE_VERSION);
        return java.util.Collections.unmodifiableMap(v);
    }

    static String python() {
        if (python == null) {
            python = List.of("/usr/bin/python3", "/usr/local/bin/python3", "/usr/bin/python").stream()
                    .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse("/usr/bin/python3");
        }
        return python;
    }
}

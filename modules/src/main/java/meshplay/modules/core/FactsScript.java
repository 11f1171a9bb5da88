package meshplay.modules.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one POSIX shell script that setup runs on the target, and the splitting of its output into
 * sections ("@@@name" lines). Only standard tools (hostname, uname, id, date, ip, /proc, /sys),
 * and the target's Python when it has one (for the ansible_python facts).
 */
final class FactsScript {
    private static final String MARK = "@@@";

    private static final String BASE = """
            s() { printf '\\n%s%s\\n' '@@@' "$1"; }
            s hostname; hostname 2>/dev/null || cat /proc/sys/kernel/hostname
            s fqdn; hostname -f 2>/dev/null
            s uname; uname -s; uname -r; uname -m; uname -v; uname -n
            s os_release; cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release 2>/dev/null
            s debian_version; cat /etc/debian_version 2>/dev/null
            s user; id -un; id -u; id -g; echo "$HOME"
            s date; date '+%s|%Y-%m-%d|%H:%M:%S|%Z|%z'; date -u '+%Y-%m-%dT%H:%M:%SZ'
            s python; py=/usr/bin/python3; [ -x "$py" ] || py=$(command -v python3 || command -v python)
            [ -n "$py" ] && "$py" -c \
              'import sys; print(sys.executable); print(*sys.version_info); import ssl; print(hasattr(ssl, "SSLContext"))' 2>/dev/null
            """;

    private static final String NETWORK = """
            s link; ip -o link show 2>/dev/null
            s addr; ip -o addr show 2>/dev/null
            s route4; ip -4 route show default 2>/dev/null
            """;

    private static final String HARDWARE = """
            s meminfo; cat /proc/meminfo 2>/dev/null
            s nproc; nproc 2>/dev/null
            s cpuinfo; grep -E '^(processor|physical id|core id|model name|cpu cores)[[:space:]]*:' /proc/cpuinfo 2>/dev/null
            s devices
            for d in /sys/block/*; do
              [ -e "$d" ] || continue
              n=${d##*/}
              printf 'dev|%s|%s|%s|%s|%s\\n' "$n" "$(cat "$d/size" 2>/dev/null)" "$(cat "$d/removable" 2>/dev/null)" \\
                "$(cat "$d/queue/rotational" 2>/dev/null)" "$(cat "$d/queue/logical_block_size" 2>/dev/null)"
              printf 'model|%s|%s\\n' "$n" "$(cat "$d/device/model" 2>/dev/null)"
              printf 'vendor|%s|%s\\n' "$n" "$(cat "$d/device/vendor" 2>/dev/null)"
              for p in "$d/$n"*; do
                [ -e "$p/partition" ] && printf 'part|%s|%s|%s|%s\\n' "$n" "${p##*/}" "$(cat "$p/size" 2>/dev/null)" "$(cat "$p/start" 2>/dev/null)"
              done
            done
            """;

    private FactsScript() {
    }

    static String script(boolean network, boolean hardware) {
        return BASE + (network ? NETWORK : "") + (hardware ? HARDWARE : "");
    }

    /** Section name -> its text (without the trailing newline). */
    static Map<String, String> sections(String output) {
        Map<String, String> out = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            if (line.startsWith(MARK)) {
                if (current != null) out.put(current, body.toString().strip());
                current = line.substring(MARK.length()).trim();
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) out.put(current, body.toString().strip());
        return out;
    }
}

package meshplay.cli.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import meshplay.engine.testing.FakePackages;

/**
 * Fake system tools for playbook runs on temporary roots: they read and change the host's state under
 * $MESHPLAY_TEST_ROOT as the real tools would (udevadm and ifreload only record; the host's own must
 * never run), and record every command that changes something in
 * calls.log beside the root (outside it, so the root holds only the host's state).
 */
public final class FakeTools {
    private static final String RECORD = "echo \"$(basename \"$0\") $*\" >> \"$MESHPLAY_TEST_ROOT/../calls.log\"\n";

    private FakeTools() {
    }

    /** systemctl show/start/stop/restart/enable/disable over $ROOT/fakesystemd/UNIT/{active,enabled}. */
    public static void systemctl(PlaybookRun run) throws IOException {
        run.fakeTool("systemctl", """
                d="$MESHPLAY_TEST_ROOT/fakesystemd"
                verb=$1; u=$2
                case "$verb" in
                  show)
                    if [ ! -d "$d/$u" ]; then printf 'LoadState=not-found\\nActiveState=inactive\\nSubState=dead\\nUnitFileState=\\n'; exit 0; fi
                    printf 'LoadState=loaded\\nActiveState=%s\\nSubState=x\\nUnitFileState=%s\\n' "$(cat "$d/$u/active")" "$(cat "$d/$u/enabled")"
                    exit 0;;
                esac
                """ + RECORD + """
                case "$verb" in
                  start|restart|reload) echo active > "$d/$u/active";;
                  stop) echo inactive > "$d/$u/active";;
                  enable) echo enabled > "$d/$u/enabled";;
                  disable) echo disabled > "$d/$u/enabled";;
                esac""");
    }

    /** dpkg-query, apt-cache policy and apt-get install/remove over $ROOT/fakedpkg and $ROOT/fakerepo. */
    public static void apt(PlaybookRun run) throws IOException {
        run.fakeTool("dpkg-query", FakePackages.DPKG_QUERY);
        run.fakeTool("apt-cache", FakePackages.APT_CACHE_POLICY);
        run.fakeTool("apt-get", RECORD + """
                mkdir -p "$MESHPLAY_TEST_ROOT/fakedpkg"
                op=""
                for a in "$@"; do
                  case "$a" in
                    install|remove) op=$a;;
                    -*|Dpkg::*) ;;
                    *)
                      p=${a%%=*}
                      if [ "$op" = install ]; then
                        v=$(cat "$MESHPLAY_TEST_ROOT/fakerepo/$p" 2>/dev/null)
                        [ -n "$v" ] || { echo "E: Unable to locate package $p" >&2; exit 100; }
                        printf 'install ok installed\\t%s\\n' "$v" > "$MESHPLAY_TEST_ROOT/fakedpkg/$p"
                      elif [ "$op" = remove ]; then rm -f "$MESHPLAY_TEST_ROOT/fakedpkg/$p"; fi;;
                  esac
                done""");
    }

    /** sysctl -w k=v writes $ROOT/proc/sys/k; modprobe appends to $ROOT/proc/modules; uname -r; udevadm, ifreload. */
    public static void kernel(PlaybookRun run) throws IOException {
        run.fakeTool("sysctl", RECORD + """
                if [ "$1" = -w ]; then k=${2%%=*}; v=${2#*=}; p="$MESHPLAY_TEST_ROOT/proc/sys/$(echo "$k" | tr . /)"
                  mkdir -p "$(dirname "$p")"; echo "$v" > "$p"; echo "$k = $v"; fi""");
        run.fakeTool("modprobe", RECORD + """
                mods="$MESHPLAY_TEST_ROOT/proc/modules"
                if [ "$1" = -r ]; then n=$(echo "$2" | tr - _); grep -v "^$n " "$mods" > "$mods.tmp"; mv "$mods.tmp" "$mods"
                else n=$(echo "$1" | tr - _); echo "$n 28672 0 - Live 0x0000000000000000" >> "$mods"; fi""");
        run.fakeTool("uname", "echo 6.14.8-2-pve");
        run.fakeTool("udevadm", RECORD);
        run.fakeTool("ifreload", RECORD);
    }

    /** The commands that changed something on a host, oldest first. */
    public static List<String> calls(PlaybookRun run, String host) throws IOException {
        Path log = run.root(host).root().getParent().resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}

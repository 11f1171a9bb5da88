package meshplay.engine.testing;

/**
 * Fake package tools for tests on a temporary root, as scripts for {@link TempRoot#fakeTool}: the
 * installed packages are files $MESHPLAY_TEST_ROOT/fakedpkg/NAME holding "STATUS\tVERSION", the
 * repository's candidates are files $MESHPLAY_TEST_ROOT/fakerepo/NAME holding a version. A test's own
 * apt-get fake changes them (what it records differs between tests).
 */
public final class FakePackages {
    /** dpkg-query -W -f=... NAME...: "NAME\tSTATUS\tVERSION" per installed package; rc 1 when one is unknown. */
    public static final String DPKG_QUERY = """
            shift 2
            rc=0
            for p in "$@"; do
              f="$MESHPLAY_TEST_ROOT/fakedpkg/$p"
              if [ -f "$f" ]; then printf '%s\\t%s\\n' "$p" "$(cat "$f")"; else echo "dpkg-query: no packages found matching $p" >&2; rc=1; fi
            done
            exit $rc""";

    /** apt-cache policy NAME...: the Installed and Candidate lines per package ("(none)" when absent). */
    public static final String APT_CACHE_POLICY = """
            shift
            for p in "$@"; do
              cand=$(cat "$MESHPLAY_TEST_ROOT/fakerepo/$p" 2>/dev/null || echo '(none)')
              inst=$(cut -f2 "$MESHPLAY_TEST_ROOT/fakedpkg/$p" 2>/dev/null || echo '(none)')
              printf '%s:\\n  Installed: %s\\n  Candidate: %s\\n' "$p" "$inst" "$cand"
            done""";

    private FakePackages() {
    }
}

package meshplay.modules.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KmodFilesTest {
    static final String DEBIAN_MODULES = """
            # /etc/modules: kernel modules to load at boot time.
            #
            # This file contains the names of kernel modules that should be loaded
            # at boot time, one per line. Lines beginning with "#" are ignored.
            # Parameters can be specified after the module name.

            """;

    @Test
    void dashAndUnderscoreAreTheSameModule() {
        assertTrue(KmodFiles.listed("thunderbolt_net\n", "thunderbolt-net"));
        assertTrue(KmodFiles.loaded("thunderbolt_net 28672 0 - Live 0x0\n", "thunderbolt-net"));
        assertFalse(KmodFiles.loaded("thunderbolt 212992 1 thunderbolt_net, Live 0x0\n", "thunderbolt-net"));
    }

    @Test
    void commentsDoNotCountAsListed() {
        assertFalse(KmodFiles.listed("# thunderbolt\n#thunderbolt\n", "thunderbolt"));
        assertTrue(KmodFiles.listed("  thunderbolt   # for the mesh\n", "thunderbolt"));
    }

    @Test
    void addingKeepsEveryOtherByte() {
        String once = KmodFiles.withListed(DEBIAN_MODULES, "thunderbolt");
        String twice = KmodFiles.withListed(once, "thunderbolt-net");
        assertEquals(DEBIAN_MODULES + "thunderbolt\nthunderbolt-net\n", twice);
        assertSame(twice, KmodFiles.withListed(twice, "thunderbolt_net"));
        assertEquals("a\nthunderbolt\n", KmodFiles.withListed("a", "thunderbolt"), "a missing final newline is added before appending");
        assertEquals("thunderbolt\n", KmodFiles.withListed(null, "thunderbolt"));
    }

    @Test
    void removingKeepsEveryOtherByte() {
        String text = "# keep\r\nloop\nthunderbolt_net  # mesh\n\tvfio\n";
        assertEquals("# keep\r\nloop\n\tvfio\n", KmodFiles.withoutListed(text, "thunderbolt-net"));
        assertSame(text, KmodFiles.withoutListed(text, "absent"));
    }

    @Test
    void optionsLineIsComparedAsAMap() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("b", "2");
        p.put("a", "1");
        String text = "# mine\noptions thunderbolt_net a=1 b=2\n";
        assertSame(text, KmodFiles.withOptions(text, "thunderbolt-net", p));
        assertEquals("# mine\noptions thunderbolt-net b=2 a=3\n",
                KmodFiles.withOptions(text, "thunderbolt-net", ordered("b", "2", "a", "3")));
        assertEquals("# mine\n", KmodFiles.withOptions(text + "options thunderbolt_net x=1\n", "thunderbolt_net", Map.of()));
        assertEquals("options m k=v\n", KmodFiles.withOptions(null, "m", Map.of("k", "v")));
        assertNull(KmodFiles.withOptions(null, "m", Map.of()));
        assertEquals(Map.of("a", "1", "b", "2"), KmodFiles.options(text, "thunderbolt_net"));
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void blacklistLineIsAddedOnceAndRemoved() {
        String b = KmodFiles.withBlacklist("options m a=1\n", "m", true);
        assertEquals("options m a=1\nblacklist m\n", b);
        assertSame(b, KmodFiles.withBlacklist(b, "m", true));
        assertEquals("options m a=1\n", KmodFiles.withBlacklist(b, "m", false));
    }

    @Test
    void builtinListsKernelObjectPaths() {
        String builtin = "kernel/drivers/thunderbolt/thunderbolt.ko\nkernel/net/ipv4/tcp_bbr.ko\n";
        assertTrue(KmodFiles.builtin(builtin, "thunderbolt"));
        assertTrue(KmodFiles.builtin(builtin, "tcp-bbr"));
        assertFalse(KmodFiles.builtin(builtin, "thunderbolt-net"));
    }

    @Test
    void booleanParametersReadAsYOrN() {
        assertTrue(KmodFiles.sameParamValue("Y\n", "1"));
        assertTrue(KmodFiles.sameParamValue("N\n", "false"));
        assertFalse(KmodFiles.sameParamValue("N\n", "1"));
        assertTrue(KmodFiles.sameParamValue("65520\n", "65520"));
        assertFalse(KmodFiles.sameParamValue("1500\n", "65520"));
    }
}

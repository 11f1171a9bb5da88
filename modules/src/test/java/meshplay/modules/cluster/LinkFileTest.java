package meshplay.modules.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkFileTest {
    static final String GUIDE_EN05 = "[Match]\nPath=pci-0000:00:0d.2\nDriver=thunderbolt-net\n\n[Link]\nMACAddressPolicy=none\nName=en05\n";

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static Map<String, Map<String, List<String>>> guide() {
        Map<String, Map<String, List<String>>> s = new LinkedHashMap<>();
        s.put("Match", LinkFile.section("Match", map("Path", "pci-0000:00:0d.2", "Driver", "thunderbolt-net"), LinkFile.MATCH_KEYS));
        s.put("Link", LinkFile.section("Link", map("MACAddressPolicy", "none", "Name", "en05"), LinkFile.LINK_KEYS));
        return s;
    }

    @Test
    void rendersTheGuideFileExactly() {
        assertEquals(GUIDE_EN05, LinkFile.render(guide()));
    }

    @Test
    void parseThenRenderIsTheCanonicalFile() {
        assertEquals(GUIDE_EN05, LinkFile.render(LinkFile.parse(GUIDE_EN05)));
    }

    @Test
    void commentsSpacingAndKeyOrderAreNotDifferences() {
        String edited = "# pinned by PCI path\n[Match]\n  Driver = thunderbolt-net\nPath=pci-0000:00:0d.2   \n\n\n[Link]\nName=en05\n; policy\nMACAddressPolicy=none";
        assertTrue(LinkFile.same(LinkFile.parse(edited), guide()));
    }

    @Test
    void aValueOrAnExtraSectionIsADifference() {
        assertFalse(LinkFile.same(LinkFile.parse(GUIDE_EN05.replace("en05", "en06")), guide()));
        assertFalse(LinkFile.same(LinkFile.parse(GUIDE_EN05 + "\n[SR-IOV]\nVirtualFunction=0\n"), guide()));
    }

    @Test
    void booleansListsAndNumbersBecomeText() {
        Map<String, List<String>> link = LinkFile.section("Link",
                map("MTUBytes", 65520, "AutoNegotiation", true, "AlternativeName", List.of("tb0", "mesh0")), LinkFile.LINK_KEYS);
        assertEquals(List.of("65520"), link.get("MTUBytes"));
        assertEquals(List.of("yes"), link.get("AutoNegotiation"));
        assertEquals("[Link]\nMTUBytes=65520\nAutoNegotiation=yes\nAlternativeName=tb0\nAlternativeName=mesh0\n",
                LinkFile.render(Map.of("Link", link)));
        Map<String, Map<String, List<String>>> parsed = LinkFile.parse("[Link]\nAutoNegotiation=true\nMTUBytes=65520\nAlternativeName=tb0\nAlternativeName=mesh0\n");
        assertTrue(LinkFile.same(parsed, Map.of("Link", link)));
    }

    @Test
    void unknownKeyIsRejectedWithTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinkFile.section("Link", map("MACAdressPolicy", "none"), LinkFile.LINK_KEYS));
        assertTrue(e.getMessage().contains("'MACAdressPolicy' is not a [Link] key"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'MACAddressPolicy'"), e.getMessage());
        assertTrue(e.getMessage().contains("valid keys: Description, "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinkFile.section("Match", map("Name", "en05"), LinkFile.MATCH_KEYS));
    }
}

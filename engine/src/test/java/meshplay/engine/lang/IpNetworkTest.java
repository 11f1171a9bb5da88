package meshplay.engine.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One parser for the ipaddr filters and for modules: the values are what Python's ipaddress gives. */
class IpNetworkTest {
    @Test
    void addressesByVersion() {
        assertTrue(IpNetwork.isAddress("10.0.0.81", 4));
        assertFalse(IpNetwork.isAddress("10.0.0.81", 6));
        assertTrue(IpNetwork.isAddress("fc00::81", 6));
        assertTrue(IpNetwork.isAddress("::ffff:10.0.0.1", 6), "an IPv4-mapped address is IPv6");
        for (String bad : new String[] {"10.0.0.256", "10.0.0", "10.0.0.1/32", " 10.0.0.1", "node1", "fc00::81::1", ""}) {
            assertFalse(IpNetwork.isAddress(bad, 4) || IpNetwork.isAddress(bad, 6), bad);
        }
    }

    @Test
    void canonicalNetworks() {
        assertEquals("10.100.0.0/24", IpNetwork.canonicalNetwork("10.100.0.5/24", 4));
        assertEquals("fd00:1::/64", IpNetwork.canonicalNetwork("fd00:1:0:0:0:0:0:7/64", 6));
        assertEquals("fd00:0:1::/48", IpNetwork.canonicalNetwork("FD00:0:1::/48", 6));
        for (String bad : new String[] {"10.100.0.5", "10.100.0.0/33", "10.0.0.0/255.255.255.0", "fd00::/64"}) {
            LangException e = assertThrows(LangException.class, () -> IpNetwork.canonicalNetwork(bad, 4), bad);
            assertTrue(e.getMessage().contains("not an IPv4 network in CIDR form"), e.getMessage());
        }
    }

    @Test
    void parseKeepsTheHostAndPrefix() {
        IpNetwork n = IpNetwork.parse("10.0.0.0/255.255.255.0");
        assertEquals(24, n.prefix());
        assertEquals("10.0.0.255", n.text(n.broadcast()));
        assertNull(IpNetwork.parse("10.0.0.0/255.0.255.0"), "a mask with holes");
        assertTrue(IpNetwork.parse("10.0.0.0/8").contains(IpNetwork.parse("10.1.2.3")));
    }
}

package meshplay.engine.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One rule for collection prefixes, whatever the name names (module, action, filter, test, lookup). */
class ShortNameTest {
    @Test
    void namespaceAndCollectionAreDropped() {
        assertEquals("copy", ShortName.of("ansible.builtin.copy"));
        assertEquals("copy", ShortName.of("ansible.legacy.copy"));
        assertEquals("ipaddr", ShortName.of("ansible.utils.ipaddr"));
        assertEquals("modprobe", ShortName.of("community.general.modprobe"));
        assertEquals("copy", ShortName.of("copy"));
        assertEquals("x.copy", ShortName.of("x.copy"), "one dot is no collection prefix");
    }
}

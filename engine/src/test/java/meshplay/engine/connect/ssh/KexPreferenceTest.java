package meshplay.engine.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.junit.jupiter.api.Test;

class KexPreferenceTest {
    @Test
    void cheapExchangesComeFirstAndNothingIsLost() {
        List<KeyExchangeFactory> defaults = SshClient.setUpDefaultClient().getKeyExchangeFactories();
        List<KeyExchangeFactory> ordered = KexPreference.order(defaults);

        assertEquals(List.of("mlkem768x25519-sha256", "curve25519-sha256", "curve25519-sha256@libssh.org"),
                ordered.subList(0, 3).stream().map(KeyExchangeFactory::getName).toList());
        assertEquals(defaults.size(), ordered.size());
        assertEquals(defaults.stream().map(KeyExchangeFactory::getName).sorted().toList(),
                ordered.stream().map(KeyExchangeFactory::getName).sorted().toList());
        // the rest keep MINA's order: sntrup761 right after the preferred ones
        assertEquals("sntrup761x25519-sha512", ordered.get(3).getName());
    }
}

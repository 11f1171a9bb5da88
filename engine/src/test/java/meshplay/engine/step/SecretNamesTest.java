package meshplay.engine.step;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretNamesTest {
    @Test
    void aNameIsSecretWhenOneOfItsWordsSaysSo() {
        for (String n : new String[]{"ansible_become_password", "ansible_ssh_pass", "vault_pass", "api_token", "ceph_keyring",
                "ansible_ssh_private_key_file", "DB_SECRET", "my-passwd", "client.key"}) {
            assertTrue(SecretNames.looksSecret(n), n);
        }
        for (String n : new String[]{"passenger_count", "keyboard", "greeting", "ansible_host", "monkey", "compass"}) {
            assertFalse(SecretNames.looksSecret(n), n);
        }
    }
}

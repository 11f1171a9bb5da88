package meshplay.engine.step;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which variable names look secret, so that the step prompt never shows, echoes or stores their
 * values. The rule: a name is secret when one of its words (the parts between '_', '-' and '.') is
 * password, passwd, pass, passphrase, pwd, secret, token, key, apikey, keyring, credential(s) or
 * private; for example ansible_become_password, vault_pass, api_token, ceph_keyring, ssh_private_key_file.
 */
public final class SecretNames {
    private static final Set<String> WORDS = Set.of("password", "passwd", "pass", "passphrase", "pwd", "secret", "token", "key",
            "apikey", "keyring", "credential", "credentials", "private");
    private static final Pattern SEPARATORS = Pattern.compile("[_.\\-]+");

    private SecretNames() {
    }

    public static boolean looksSecret(String name) {
        for (String word : SEPARATORS.split(name.toLowerCase(Locale.ROOT))) {
            if (WORDS.contains(word)) return true;
        }
        return false;
    }
}

package meshplay.engine.connect.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import meshplay.engine.connect.ConnectionException;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Loads private keys (OpenSSH and PEM formats; ed25519 through BouncyCastle, ECDSA, RSA; encrypted
 * ones with the passphrase from ConnectionOptions or MESHPLAY_KEY_PASSPHRASE). Each file is read once
 * per process: twenty hosts sharing a key do not decrypt it twenty times.
 */
final class KeyIdentities {
    static final List<String> DEFAULT_NAMES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    /** A loaded key and the file it came from, for "keys tried" messages. */
    record LoadedKey(Path file, KeyPair pair) {
        String describe() {
            return file + " (" + KeyUtils.getKeyType(pair) + ")";
        }
    }

    private final Map<Path, List<KeyPair>> cache = new ConcurrentHashMap<>();

    /**
     * The keys for one target: an explicit key file must load (a clear error otherwise); keys named by
     * ~/.ssh/config that are missing are skipped (as OpenSSH does); when neither is given, the default
     * identities in the ssh directory are used. Problems with optional keys are added to {@code notes}.
     */
    List<LoadedKey> forTarget(SshTarget target, Path sshDir, String passphrase, List<String> notes) throws ConnectionException {
        List<LoadedKey> keys = new ArrayList<>();
        if (target.explicitKey() != null) {
            Path file = target.explicitKey();
            if (!Files.isRegularFile(file)) {
                throw new ConnectionException("private key file " + file + " (ansible_ssh_private_key_file of "
                        + target.alias() + ") does not exist", true, null);
            }
            try {
                for (KeyPair kp : load(file, passphrase)) keys.add(new LoadedKey(file, kp));
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                throw new ConnectionException(cannotLoad(file, passphrase, e), true, e);
            }
            return keys;
        }
        List<Path> candidates = new ArrayList<>(target.configKeys());
        if (candidates.isEmpty()) {
            for (String name : DEFAULT_NAMES) candidates.add(sshDir.resolve(name));
        }
        for (Path file : candidates) {
            if (!Files.isRegularFile(file)) continue;
            try {
                for (KeyPair kp : load(file, passphrase)) keys.add(new LoadedKey(file, kp));
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                notes.add(cannotLoad(file, passphrase, e));
            }
        }
        return keys;
    }

    /** Synchronized: the hosts of a run connect at once, and the first one parses the file for all. */
    private synchronized List<KeyPair> load(Path file, String passphrase) throws IOException, GeneralSecurityException {
        Path key = file.toAbsolutePath().normalize();
        List<KeyPair> cached = cache.get(key);
        if (cached != null) return cached;
        List<KeyPair> pairs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(key)) {
            FilePasswordProvider pw = passphrase == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(passphrase);
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(key.toString()), in, pw);
            if (loaded != null) loaded.forEach(pairs::add);
        }
        if (pairs.isEmpty()) throw new IOException("no private key found in the file");
        cache.put(key, List.copyOf(pairs));
        return pairs;
    }

    private static String cannotLoad(Path file, String passphrase, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String hint = passphrase == null
                ? " (if the key is encrypted, set " + SshEnvironment.KEY_PASSPHRASE_VAR + " or pass its passphrase)"
                : " (is the passphrase right?)";
        return "cannot load private key " + file + ": " + why + hint;
    }
}
